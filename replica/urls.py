"""The replica's URLs, built in one place so pages, Site.all_urls() and the router agree."""

from __future__ import annotations

from urllib.parse import quote

from replica.model import Attachment

CLAS_ALL = "/proceeding/clas_all"
LIST = "/proceeding/list"
DOWNLOAD = "/og/com/download.php"
PREVIEW = "/og/com/preview.php"  # [I] the 문서보기 viewer


def committee(clsf_id: int) -> str:
    return f"/proceeding/cmit_view?clsf_id={clsf_id}"


def listing(page: int, items_per_page: int = 10) -> str:
    if items_per_page == 10:
        return f"{LIST}?page={page}"
    return f"{LIST}?page={page}&items_per_page={items_per_page}"


def sanction(nid: int) -> str:
    return f"/sanction/{nid}"


def download(att: Attachment) -> str:
    """`/og/com/download.php?nid=…&dtype=basic&rid=F…&dname=…` with the file name percent-encoded."""
    return f"{DOWNLOAD}?nid={att.owner_nid}&dtype=basic&rid={att.rid}&dname={quote(att.name, safe='')}"


def preview(att: Attachment) -> str:
    return f"{PREVIEW}?nid={att.owner_nid}&rid={att.rid}"
