"""HWPX writing and reading, and the guards that keep a hostile zip from costing the crawl."""

from __future__ import annotations

import io
import time
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract import extract, tidy
from crawler.extract.sniff import XLSX_MEDIA_TYPE
from minutes.vocabulary import FileStatus
from replica.files.hwpx import NS_PARAGRAPH, NS_SECTION, build_hwpx

HWPX = "application/hwp+zip"
MINUTES = [
    "제301회 서울특별시의회 임시회",
    "○위원장 홍길동: 제1호 안건을 상정합니다.",
    "",
    "○위원 김철수: 이의 있습니다.\n(「예」하는 위원 있음)",
    '가결\t되었음을 선포합니다. <원안> & "수정"',
]
VOTES = [["안건", "결과"], ["제1호 서울특별시 조례 일부개정조례안", "원안가결"], ["제2호", "수정가결\n(부대의견)"]]
SECTION_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="{NS_SECTION}" xmlns:hp="{NS_PARAGRAPH}">'


def package(members: dict[str, bytes | str], *, mimetype: str | None = HWPX) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype is not None:
            archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def section(*paragraphs: str) -> str:
    body = "".join(f'<hp:p><hp:run charPrIDRef="0"><hp:t>{text}</hp:t></hp:run></hp:p>' for text in paragraphs)
    return SECTION_HEAD + body + "</hs:sec>"


def test_round_trip_paragraphs_then_cells() -> None:
    expected = "\n".join(MINUTES + [cell for row in VOTES for cell in row])
    result = extract(build_hwpx("제1차 행정자치위원회 회의록", MINUTES, table_rows=VOTES))
    assert result.status is FileStatus.OK, result.reason
    assert result.media_type == HWPX
    assert result.text == expected


def test_package_layout() -> None:
    data = build_hwpx("회의록", MINUTES, table_rows=VOTES)
    assert data == build_hwpx("회의록", MINUTES, table_rows=VOTES)  # deterministic bytes
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/hwp+zip"
        assert data[30:38] == b"mimetype"  # readable at a fixed offset, like EPUB and ODF
        names = set(archive.namelist())
        expected = {"version.xml", "META-INF/container.xml", "Contents/content.hpf", "Contents/header.xml"}
        assert expected | {"Contents/section0.xml"} <= names
        root = ET.fromstring(archive.read("Contents/section0.xml"))
        assert root.tag == f"{{{NS_SECTION}}}sec"
        assert root.find(f".//{{{NS_PARAGRAPH}}}tbl/{{{NS_PARAGRAPH}}}tr/{{{NS_PARAGRAPH}}}tc") is not None
        assert "<opf:title>회의록</opf:title>" in archive.read("Contents/content.hpf").decode()
        for info in archive.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)


def test_decomposed_hangul_comes_back_composed() -> None:
    text = unicodedata.normalize("NFD", "○위원장 홍길동: 가결")
    assert extract(build_hwpx("t", [text])).text == "○위원장 홍길동: 가결"


def test_sections_are_read_in_numeric_order() -> None:
    data = package({f"Contents/section{n}.xml": section(f"제{n}절") for n in (10, 2, 0, 1)})
    assert extract(data).text == "제0절\n제1절\n제2절\n제10절"


def test_zip_bomb_is_refused_without_inflating() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), HWPX)
        member = zipfile.ZipInfo("Contents/section0.xml")
        member.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(member, "w") as stream:
            zeros = b"\0" * (1 << 20)
            for _ in range(200):  # 200 MiB of zeros, about 200 KB compressed
                stream.write(zeros)
    data = buffer.getvalue()
    assert len(data) < 2_000_000
    started = time.perf_counter()
    result = extract(data)
    assert time.perf_counter() - started < 1.0
    assert result.status is FileStatus.CORRUPT
    assert "refused" in result.reason and "limit" in result.reason


def test_total_inflated_size_is_capped_across_sections() -> None:
    big = section("가" * 200_000)  # about 600 KB each once inflated
    data = package({"Contents/section0.xml": big, "Contents/section1.xml": big})
    assert extract(data).status is FileStatus.OK
    result = extract(data, max_unzipped_bytes=1_000_000)
    assert result.status is FileStatus.CORRUPT and "refused" in result.reason


def test_member_count_is_capped() -> None:
    members: dict[str, bytes | str] = {f"BinData/{n}.bin": b"" for n in range(10_001)}
    members["Contents/section0.xml"] = section("본문")
    result = extract(package(members))
    assert result.status is FileStatus.CORRUPT and "members" in result.reason


def test_external_entity_is_refused() -> None:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE sec [<!ENTITY leak SYSTEM "file:///etc/passwd">]>'
        + SECTION_HEAD.split("?>", 1)[1]
        + "<hp:p><hp:run><hp:t>&leak;</hp:t></hp:run></hp:p></hs:sec>"
    )
    result = extract(package({"Contents/section0.xml": xml}))
    assert result.status is FileStatus.CORRUPT
    assert "refused" in result.reason and result.text == ""


def test_entity_expansion_is_refused() -> None:
    laughs = '<!DOCTYPE sec [<!ENTITY a "hahahahaha">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8)
    )
    xml = laughs + "]>" + SECTION_HEAD.split("?>", 1)[1] + "<hp:p><hp:run><hp:t>&i;</hp:t></hp:run></hp:p></hs:sec>"
    result = extract(package({"Contents/section0.xml": xml}))
    assert result.status is FileStatus.CORRUPT and "refused" in result.reason


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_file_is_corrupt(fraction: float) -> None:
    data = build_hwpx("t", MINUTES, table_rows=VOTES)
    result = extract(data[: int(len(data) * fraction)])
    assert result.status is FileStatus.CORRUPT
    assert result.media_type == HWPX
    assert result.reason


def test_malformed_xml_is_corrupt() -> None:
    result = extract(package({"Contents/section0.xml": SECTION_HEAD + "<hp:p><hp:t>열린 태그"}))
    assert result.status is FileStatus.CORRUPT


def test_xlsx_is_unsupported() -> None:
    data = package(
        {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "<x/>"},
        mimetype=None,
    )
    result = extract(data, name="회의자료.hwpx")  # the name lies; the bytes decide
    assert result.status is FileStatus.UNSUPPORTED
    assert result.media_type == XLSX_MEDIA_TYPE
    assert "회의자료.hwpx" in result.reason


def test_paragraph_holding_only_a_table_adds_no_blank_line() -> None:
    result = extract(build_hwpx("t", ["앞"], table_rows=[["셀"]]))
    assert result.text == "앞\n셀"


PARAGRAPH = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn"), include_characters="\t\n"), max_size=40
).filter(lambda text: "\ufffe" not in text and "\uffff" not in text)


@settings(max_examples=60, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=6), st.lists(st.lists(PARAGRAPH, min_size=1, max_size=3), max_size=3))
def test_any_text_round_trips(paragraphs: list[str], rows: list[list[str]]) -> None:
    width = max((len(row) for row in rows), default=0)
    cells = [row[c] if c < len(row) else "" for row in rows for c in range(width)]  # ragged rows padded
    expected = tidy("\n".join(paragraphs + cells))
    result = extract(build_hwpx("제목", paragraphs, table_rows=rows or None))
    if expected.strip():
        assert result.status is FileStatus.OK
        assert result.text == expected
    else:
        assert result.status is FileStatus.EMPTY
