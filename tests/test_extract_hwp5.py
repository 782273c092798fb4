"""HWP 5 reading, against Hancom-made files and against the replica's own writer."""

from __future__ import annotations

import io
import random
import struct
import unicodedata
from pathlib import Path

import olefile
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract import extract, tidy
from crawler.extract.hwp5 import para_text, section_paragraphs
from minutes.vocabulary import FileStatus
from replica.files.hwp5 import build_hwp5, record

SAMPLES = Path(__file__).resolve().parents[2] / "shared/samples/hwp"
MINUTES = [
    "제301회 서울특별시의회 임시회",
    "○위원장 홍길동: 제1호 안건을 상정합니다.",
    "",
    "○위원 김철수: 이의 있습니다.\n(「예」하는 위원 있음)",
    "가결\t되었음을 선포합니다.",
]
VOTES = [["안건", "결과"], ["제1호 서울특별시 조례 일부개정조례안", "원안가결"], ["제2호", "수정가결\n(부대의견)"]]
# Control ids decode as CJK when control parameters are mistaken for text: 'secd', 'cold', 'tbl '...
MOJIBAKE = ("捤獥", "汤捯", "氠瑢", "漠杳", "†普", "†敮", "湯慴", "慤桥", "潴景")


def sample(name: str) -> bytes:
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"{path} absent: the genuine HWP samples live in ../shared, outside the repository")
    return path.read_bytes()


def preview_of(name: str) -> str:
    with olefile.OleFileIO(sample(name)) as ole, ole.openstream("PrvText") as stream:
        return stream.read().decode("utf-16-le")


def lines_of(name: str) -> list[str]:
    result = extract(sample(name), name=name)
    assert result.status is FileStatus.OK, result.reason
    assert result.media_type == "application/x-hwp"
    for garbage in MOJIBAKE:
        assert garbage not in result.text
    assert not any(ch < " " and ch not in "\n\t" for ch in result.text)
    return result.text.split("\n")


def test_sample_5017_body_tables_and_notes() -> None:
    lines = lines_of("sample-5017.hwp")
    assert lines[0] == "한글 2005 예제 파일입니다."
    assert "머리말입니다" in lines
    assert any(line.startswith("본문 내용입니다. 본 문서는") for line in lines)
    assert "표표끝" in lines  # the paragraph around the tables, control characters removed
    cells = ["A0", "B0", "A1", "B10", "B11"]
    start = lines.index("A0")
    assert lines[start : start + 5] == cells  # table cells, in row order
    assert "table2" in lines
    assert "표  2x2짜리표" in lines  # an auto-number control inside a cell is dropped
    assert "가나다" in lines
    assert "미주입니다." in lines
    assert "이건 각주이지요." in lines
    assert lines[-1] == "다음 페이지"
    preview = preview_of("sample-5017.hwp")
    assert "2x2짜리표" not in preview and "가나다" not in preview  # read from the body, not PrvText


def test_multicolumns_table_cell_and_text_box() -> None:
    lines = lines_of("multicolumns-layout.hwp")
    assert lines[0] == "첫페이지 첫 문단: 1단"
    assert "두 번 째 페이지: 새 쪽으로 2 단" in lines
    assert "글 상자 안의 다단" in lines  # text box
    assert "글상자 " * 17 + "글상자" in lines
    assert "표 셀 안의 다단" in lines  # table cell
    assert "표 셀 " * 16 + "표 셀" in lines  # trailing space of the paragraph stripped
    assert "3단 3단 3단 3단  3단  3단  3단 3단 3단 3단 3단" in lines  # inner double spaces kept
    # PrvText flattens the box and the cell into one bracketed line; the body keeps them apart.
    assert "\n글 상자 안의 다단\n" not in preview_of("multicolumns-layout.hwp").replace("\r\n", "\n")


def test_header_and_footer() -> None:
    lines = lines_of("headerfooter.hwp")
    assert lines == ["첫 페이지", "Header 이것은 머리말입니다.", "Footer 이것은 꼬리말입니다."]
    preview = preview_of("headerfooter.hwp")
    assert "머리말" not in preview and "꼬리말" not in preview


def test_footnotes_and_endnotes() -> None:
    lines = lines_of("footnote-endnote.hwp")
    assert [line.strip() for line in lines] == [
        "각주참조",
        "각주입니다.",
        "각주 두 번째입니다.",
        "미주참조",
        "미주입니다.",
        "미주 두 번째입니다.",
    ]
    preview = preview_of("footnote-endnote.hwp")
    assert "각주입니다" not in preview and "미주 두 번째" not in preview


def test_distribution_document_keeps_only_the_preview() -> None:
    result = extract(sample("viewtext.hwp"))
    assert result.status is FileStatus.DISTRIBUTION
    assert result.text == ""
    assert result.preview == "pyhwp 테스트를 위한 배포 문서 예제입니다."
    assert "preview" in result.reason and "배포용" in result.reason
    assert "상위 버전의 배포용 문서" not in result.preview  # BodyText holds only a stub notice


def test_password_document_is_recorded_not_read() -> None:
    result = extract(sample("password-12345.hwp"))
    assert result.status is FileStatus.ENCRYPTED
    assert result.text == "" and result.preview == ""
    assert "password" in result.reason


def test_truncated_sample_is_corrupt_and_keeps_the_preview() -> None:
    data = sample("sample-5017.hwp")
    result = extract(data[: len(data) // 2])
    assert result.status is FileStatus.CORRUPT
    assert result.media_type == "application/x-hwp"
    assert result.preview.startswith("한글 2005 예제 파일입니다.")


@pytest.mark.parametrize("cut", [100, 513, 1000, 2000, 3000])
def test_truncated_written_file_is_corrupt(cut: int) -> None:
    result = extract(build_hwp5(MINUTES, table_rows=VOTES)[:cut])
    assert result.status is FileStatus.CORRUPT
    assert result.reason


def test_round_trip_paragraphs_then_cells() -> None:
    expected = "\n".join(MINUTES + [cell for row in VOTES for cell in row])
    result = extract(build_hwp5(MINUTES, table_rows=VOTES))
    assert result.status is FileStatus.OK
    assert result.text == expected


def test_written_file_is_a_valid_compound_file() -> None:
    rng = random.Random(5)
    words = ("".join(chr(rng.randrange(0xAC00, 0xD7A4)) for _ in range(rng.randint(1, 6))) for _ in range(900))
    long_paragraph = " ".join(words)  # incompressible enough for a regular-sector stream, 0xFFF size
    data = build_hwp5([*MINUTES, long_paragraph], table_rows=VOTES)
    with olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT) as ole:
        streams = {"/".join(path) for path in ole.listdir()}
        assert streams == {"\x05HwpSummaryInformation", "FileHeader", "DocInfo", "BodyText/Section0", "PrvText"}
        header = ole.openstream("FileHeader").read()
        assert len(header) == 256 and header.startswith(b"HWP Document File")
        assert struct.unpack_from("<I", header, 36)[0] == 1  # compressed, no password, not distribution
        assert ole.get_size("BodyText/Section0") >= 4096
    assert long_paragraph in extract(data).text.split("\n")
    assert build_hwp5(MINUTES, table_rows=VOTES) == build_hwp5(MINUTES, table_rows=VOTES)


def test_written_password_and_distribution_files() -> None:
    locked = extract(build_hwp5(MINUTES, password=True))
    assert locked.status is FileStatus.ENCRYPTED and locked.text == ""
    shared = extract(build_hwp5(MINUTES, table_rows=VOTES, distribution=True))
    assert shared.status is FileStatus.DISTRIBUTION and shared.text == ""
    assert shared.preview.startswith("제301회 서울특별시의회 임시회\n○위원장 홍길동")
    assert "<안건><결과>" in shared.preview
    with olefile.OleFileIO(build_hwp5(MINUTES, distribution=True)) as ole:
        assert ole.exists("ViewText/Section0")
        assert struct.unpack_from("<I", ole.openstream("FileHeader").read(), 36)[0] == 0b101


def test_decomposed_hangul_comes_back_composed() -> None:
    text = unicodedata.normalize("NFD", "○위원장 홍길동: 가결")
    assert extract(build_hwp5([text])).text == "○위원장 홍길동: 가결"


def test_inflation_is_capped() -> None:
    data = build_hwp5(["가" * 3000] * 50)
    result = extract(data, max_unzipped_bytes=100_000)
    assert result.status is FileStatus.CORRUPT
    assert "size limit" in result.reason


def test_controls_are_skipped_on_raw_bytes() -> None:
    # An extended control whose parameters look like a lone surrogate, then a tab, a line break,
    # a non-breaking space and a hyphen.
    units = struct.pack("<H", 11) + b"\x00\xd8\x00\xdc" + b"\0" * 8 + struct.pack("<H", 11)
    units += "가".encode("utf-16-le") + struct.pack("<H", 9) + b"\1" * 12 + struct.pack("<H", 9)
    units += "나".encode("utf-16-le") + struct.pack("<4H", 10, 30, 24, 13)
    assert para_text(units) == ("가\t나\n -", False)
    anchor = struct.pack("<H", 11) + b" lbt" + b"\0" * 8 + struct.pack("<HH", 11, 13)
    assert para_text(anchor) == ("", True)


def test_long_records_use_the_extended_size() -> None:
    text = "다" * 3000
    body = record(66, 0, b"\0" * 22) + record(67, 1, text.encode("utf-16-le") + b"\r\0")
    assert section_paragraphs(body) == [text]


PARAGRAPH = st.text(st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn"), include_characters="\t\n"), max_size=40)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(PARAGRAPH, min_size=1, max_size=6),
    st.lists(st.lists(PARAGRAPH, min_size=1, max_size=3), max_size=3),
)
def test_any_text_round_trips(paragraphs: list[str], rows: list[list[str]]) -> None:
    width = max((len(row) for row in rows), default=0)
    cells = [row[c] if c < len(row) else "" for row in rows for c in range(width)]  # ragged rows padded
    expected = tidy("\n".join(paragraphs + cells))
    result = extract(build_hwp5(paragraphs, table_rows=rows or None))
    if expected.strip():
        assert result.status is FileStatus.OK
        assert result.text == expected
    else:
        assert result.status is FileStatus.EMPTY
