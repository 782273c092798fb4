"""Format detection from the bytes alone, and the statuses that come of it."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract import extract
from crawler.extract.sniff import HWP_MEDIA_TYPE, HWPX_MEDIA_TYPE, XLSX_MEDIA_TYPE, Kind, sniff
from minutes.vocabulary import FileStatus
from replica.files import build_hwp5, build_hwpx, build_pdf
from replica.files.cfb import build_cfb


def zipped(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("payload", "kind", "media_type"),
    [
        (build_hwpx("t", ["가"]), Kind.HWPX, HWPX_MEDIA_TYPE),
        (build_hwp5(["가"]), Kind.HWP5, HWP_MEDIA_TYPE),
        (build_pdf("t", ["가"]), Kind.PDF, "application/pdf"),
        (zipped({"xl/workbook.xml": "<w/>"}), Kind.UNSUPPORTED, XLSX_MEDIA_TYPE),
        (zipped({"Contents/section0.xml": "<x/>"}), Kind.HWPX, HWPX_MEDIA_TYPE),  # no mimetype member
        (zipped({"a.txt": "x"}), Kind.UNSUPPORTED, "application/zip"),
        (build_cfb({"Workbook": b"\0" * 100}), Kind.UNSUPPORTED, "application/vnd.ms-excel"),
        (build_cfb({"Other": b"\0" * 100}), Kind.UNSUPPORTED, "application/x-ole-storage"),
        (b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + b"\0" * 100, Kind.UNSUPPORTED, HWP_MEDIA_TYPE),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, Kind.UNSUPPORTED, "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\0" * 100, Kind.UNSUPPORTED, "image/jpeg"),
        (b"error", Kind.ERROR_BODY, "text/plain"),
        (b"  error\r\n", Kind.ERROR_BODY, "text/plain"),
        (b"", Kind.EMPTY, "application/octet-stream"),
        (b"<!DOCTYPE html><html><body>x</body></html>", Kind.HTML, "text/html"),
        ("회의 결과 알림".encode("cp949"), Kind.TEXT, "text/plain"),
    ],
)
def test_signature_decides(payload: bytes, kind: Kind, media_type: str) -> None:
    found = sniff(payload)
    assert (found.kind, found.media_type) == (kind, media_type)


def test_error_body_is_a_download_error() -> None:
    for body in (b"error", b"error\n", b" error "):
        result = extract(body, name="회의록.hwp", content_type="application/octet-stream")
        assert result.status is FileStatus.DOWNLOAD_ERROR
        assert "error" in result.reason and "회의록.hwp" in result.reason
    assert extract(b"errors happen").status is FileStatus.OK  # only the exact body counts


def test_empty_download() -> None:
    result = extract(b"")
    assert result.status is FileStatus.DOWNLOAD_ERROR and result.reason


def test_random_bytes_are_unsupported() -> None:
    result = extract(random.Random(0).randbytes(5000))
    assert result.status is FileStatus.UNSUPPORTED
    assert result.media_type == "application/octet-stream"
    assert result.reason


def test_images_are_unsupported() -> None:
    result = extract(b"GIF89a" + bytes(200))
    assert (result.status, result.media_type) == (FileStatus.UNSUPPORTED, "image/gif")


def test_euc_kr_html_with_meta_charset() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">'
        "<title>제목은 빼고</title><style>p {color: red}</style></head><body>"
        "<p>제1차 행정자치위원회</p><script>var x = '스크립트';</script>"
        "<table><tr><td>안건</td><td>원안가결</td></tr></table><div>끝<br>맺음</div></body></html>"
    ).encode("euc-kr")
    result = extract(page)
    assert result.status is FileStatus.OK
    assert result.media_type == "text/html"
    assert result.text == "제1차 행정자치위원회\n안건 원안가결\n끝\n맺음"


def test_charset_from_content_type_header_wins() -> None:
    page = "<html><body><p>회의록 공개</p></body></html>".encode("cp949")
    assert extract(page, content_type="text/html; charset=EUC-KR").text == "회의록 공개"
    assert extract(page).text == "회의록 공개"  # falls back to CP949 when UTF-8 fails


def test_utf8_html_and_plain_text() -> None:
    assert extract("<p>가결</p><p>부결</p>".encode()).text == "가결\n부결"
    assert extract("첫째 줄  \r\n둘째 줄".encode()).text == "첫째 줄\n둘째 줄"


def test_damaged_containers_are_corrupt() -> None:
    assert extract(b"PK\x03\x04" + bytes(100)).status is FileStatus.CORRUPT
    assert extract(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(100)).status is FileStatus.CORRUPT


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_never_raises(payload: bytes) -> None:
    result = extract(payload)
    assert result.status in FileStatus
    assert result.status is FileStatus.OK or result.reason or result.status is FileStatus.EMPTY
