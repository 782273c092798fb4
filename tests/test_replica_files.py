"""The replica's downloads: real files by signature, the site's headers, and its failures."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from urllib.parse import quote, unquote

import httpx
import olefile
import pytest
from bs4 import BeautifulSoup

from replica import ReplicaServer, build_site, urls
from replica.model import FileKind

TODAY = date(2026, 11, 28)
SIGNATURES = {
    FileKind.HWPX: b"PK\x03\x04",
    FileKind.XLSX: b"PK\x03\x04",
    FileKind.HWP: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    FileKind.PDF: b"%PDF",
}


@pytest.fixture(scope="module")
def site():
    return build_site("tiny", seed=1, today=TODAY)


@pytest.fixture(scope="module")
def client(site):
    with ReplicaServer(site) as server, httpx.Client(base_url=server.url, timeout=10) as c:
        yield c


def _attachments(site, **want):
    return [a for a, _, _ in site.attachment_by_rid.values() if all(getattr(a, k) == v for k, v in want.items())]


@pytest.mark.parametrize("kind", list(FileKind))
def test_download_signature_and_headers(client, site, kind):
    att = _attachments(site, kind=kind, public=True, broken=False)[0]
    response = client.get(urls.download(att))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"] == f"attachment; filename*=UTF-8''{quote(att.name, safe='')}"
    assert unquote(response.headers["content-disposition"].split("''", 1)[1]) == att.name
    assert response.content.startswith(SIGNATURES[kind])


def test_download_links_on_pages_work(client, site):
    meeting = next(m for m in site.listing if m.documents and m.documents[0].disclosure == "공개")
    page = BeautifulSoup(client.get(f"/sanction/{meeting.documents[0].nid}").content, "html.parser")
    href = page.select_one("ul.list-attachment a.btn-download")["href"]
    assert href.startswith("/og/com/download.php?nid=") and "&dtype=basic&rid=F" in href and "&dname=" in href
    response = client.get(href)
    assert response.status_code == 200 and response.content[:2] in (b"PK", b"\xd0\xcf")


def test_hwpx_is_hwpx_and_xlsx_is_not(client, site):
    hwpx = client.get(urls.download(_attachments(site, kind=FileKind.HWPX, broken=False, public=True)[0])).content
    with zipfile.ZipFile(io.BytesIO(hwpx)) as z:
        assert z.read("mimetype") == b"application/hwp+zip"
        assert "Contents/section0.xml" in z.namelist()
    xlsx = client.get(urls.download(_attachments(site, kind=FileKind.XLSX, broken=False, public=True)[0])).content
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        assert "mimetype" not in z.namelist() and "xl/workbook.xml" in z.namelist()


def test_minutes_files_hold_korean_minutes(client, site):
    minutes = [
        a
        for a in _attachments(site, kind=FileKind.HWPX, broken=False, public=True)
        if site.attachment(a.rid)[2] is not None and site.attachment(a.rid)[2].kind.value == "minutes"
    ]
    sections = []
    for att in minutes:
        with zipfile.ZipFile(io.BytesIO(client.get(urls.download(att)).content)) as z:
            sections.append(z.read("Contents/section0.xml").decode("utf-8"))
    assert all("회의록" in section for section in sections)
    full = [s for s in sections if "성원이 되었으므로" in s]
    assert full and all("○위원장" in s and "안건 제1호" in s for s in full)
    assert any(outcome in s for s in full for outcome in ("원안가결", "수정가결", "조건부 가결", "보류", "부결"))


def test_password_and_distribution_hwp(client, site):
    for flag, bit in (("password", 0x02), ("distribution", 0x04)):
        att = _attachments(site, **{flag: True})[0]
        data = client.get(urls.download(att)).content
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            header = ole.openstream("FileHeader").read()
        assert header.startswith(b"HWP Document File")
        assert int.from_bytes(header[36:40], "little") & bit


def test_broken_download_says_error(client, site):
    att = _attachments(site, broken=True, public=True)[0]
    response = client.get(urls.download(att))
    assert response.status_code == 200
    assert response.content == b"error"
    assert "content-disposition" not in response.headers


def test_non_public_attachment_has_no_link_and_no_file(client, site):
    att = _attachments(site, public=False)[0]
    _, meeting, doc = site.attachment(att.rid)
    page = client.get(f"/sanction/{doc.nid}" if doc else meeting.path)
    soup = BeautifulSoup(page.content, "html.parser")
    item = next(li for li in soup.select("ul.list-attachment li") if att.name in li.get_text())
    assert item.find("a") is None
    assert "비공개 문서" in item.get_text() and "disabled" in item["class"]
    assert client.get(urls.download(att)).status_code == 403
    assert urls.download(att) not in site.all_urls()


def test_download_needs_the_owner_nid(client, site):
    att = _attachments(site, public=True, broken=False)[0]
    wrong = urls.download(att).replace(f"nid={att.owner_nid}", f"nid={att.owner_nid + 1}")
    assert client.get(wrong).status_code == 404


def test_listed_size_is_the_real_size(client, site):
    att = _attachments(site, kind=FileKind.PDF, public=True, broken=False)[0]
    size = len(client.get(urls.download(att)).content)
    _, meeting, doc = site.attachment(att.rid)
    page = client.get(f"/sanction/{doc.nid}" if doc else meeting.path).text
    assert f"{att.name} ({size / 1024:.2f} KB)" in page


def test_files_are_deterministic_and_cached(site):
    other = build_site("tiny", seed=1, today=TODAY)
    for att in _attachments(site, public=True)[:40]:
        assert site.files.get(site, att.rid) == other.files.get(other, att.rid)
    rid = _attachments(site, kind=FileKind.PDF)[0].rid
    assert site.files.get(site, rid) is site.files.get(site, rid)


def test_pdf_bytes_do_not_depend_on_other_threads_building_pdfs():
    """The replica serves files from many threads; the same PDF must come out byte for byte."""
    import hashlib
    from concurrent.futures import ThreadPoolExecutor

    from replica.files.pdf import build_pdf

    paragraphs = [f"안건 제{i}호 도시공원 조성계획 변경안: 원안가결" for i in range(1, 40)]
    expected = hashlib.sha256(build_pdf("회의자료", paragraphs)).hexdigest()
    with ThreadPoolExecutor(8) as pool:
        digests = set(pool.map(lambda _: hashlib.sha256(build_pdf("회의자료", paragraphs)).hexdigest(), range(64)))
    assert digests == {expected}
