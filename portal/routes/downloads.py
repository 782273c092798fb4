"""Downloads: a file's bytes from the blob store, and its extracted text, by file id.

The request names a file id only. The id is checked, looked up in the read model, and the bytes
are found by the record's sha256 in the content-addressed store — no part of the request ever
becomes part of a path. Non-public files and files never fetched are 404s.
"""

from __future__ import annotations

import mimetypes
import re
from urllib.parse import quote

from litestar import get
from litestar.params import FromPath
from litestar.response import File

from portal import queries
from portal.errors import NotFound
from portal.routes.common import Portal

_MEDIA_TYPE = re.compile(r"^[a-z]+/[a-z0-9.+-]+$")


def content_disposition(kind: str, filename: str) -> str:
    """`attachment; filename="ascii"; filename*=UTF-8''pct-encoded`: headers must be latin-1, and the
    ASCII fallback keeps old clients from seeing mojibake or a header broken by quotes."""
    fallback = "".join(ch if ch.isascii() and (ch.isalnum() or ch in " ._-()") else "_" for ch in filename) or "file"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def media_type(record_type: str, name: str) -> str:
    if _MEDIA_TYPE.match(record_type or ""):
        return record_type
    guessed, _ = mimetypes.guess_type(name)
    return guessed or "application/octet-stream"


@get("/files/{file_id:str}", name="file", include_in_schema=False, sync_to_thread=True)
def download(portal: Portal, file_id: FromPath[str]) -> File:
    record = queries.file_record(portal, file_id)
    if not queries.downloadable(portal, record):
        raise NotFound("no_file", value=file_id)
    name = record.name or f"{record.file_id}"
    return File(
        path=portal.blob_path(record.sha256),
        media_type=media_type(record.media_type, name),
        headers={"Content-Disposition": content_disposition("attachment", name)},
    )


@get("/files/{file_id:str}/text", name="file_text", include_in_schema=False, sync_to_thread=True)
def download_text(portal: Portal, file_id: FromPath[str]) -> File:
    record = queries.file_record(portal, file_id)
    path = queries.text_path(portal, record)
    if path is None:
        raise NotFound("no_file", value=file_id)
    stem = (record.name or record.file_id).rsplit(".", 1)[0]
    return File(
        path=path,
        media_type="text/plain",  # Litestar adds "; charset=utf-8" to text types
        headers={"Content-Disposition": content_disposition("inline", f"{stem}.txt")},
    )


PAGES = [download, download_text]
API: list = []
