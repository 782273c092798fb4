"""The attachment list (`ul.list-attachment`) shared by meeting pages and approval documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from replica import urls
from replica.formats import size_text
from replica.model import Attachment
from replica.render.layout import esc

if TYPE_CHECKING:
    from replica.site import Site


def attachment_list(site: Site, attachments: list[Attachment], *, empty: str) -> str:
    """Public files: name (size), 문서보기 and 원문 links; non-public: greyed, "비공개 문서", no link."""
    if not attachments:
        return f'<p class="no-data">{esc(empty)}</p>'
    items = []
    for att in attachments:
        label = f"{att.name} ({size_text(site.files.size(site, att.rid))})"
        if att.public:
            items.append(
                f'<li><span class="file-name">{esc(label)}</span> '
                f'<a href="{esc(urls.preview(att))}" class="btn-preview" '
                f'title="{esc(att.name)} 문서보기">문서보기</a> '
                f'<a href="{esc(urls.download(att))}" class="btn-download" '
                f'title="{esc(att.name)} 원문 다운로드">원문</a>'
                "</li>"
            )
        else:
            items.append(
                f'<li class="disabled"><span class="file-name">{esc(label)}</span> '
                '<span class="label-private">비공개 문서</span></li>'
            )
    return '<ul class="list-attachment">' + "".join(items) + "</ul>"
