"""PDF writing with reportlab's Korean CID font and reading with pdfplumber."""

from __future__ import annotations

import io
import unicodedata

from reportlab.pdfgen import canvas

from crawler.extract import extract
from minutes.vocabulary import FileStatus
from replica.files.pdf import SUBSTITUTES, build_pdf

MINUTES = [
    "제301회 서울특별시의회 임시회 행정자치위원회 회의록",
    "○위원장 홍길동: 제1호 안건을 상정합니다.",
    "○위원 김철수: 「서울특별시 조례」 일부개정조례안에 대하여 질의합니다. (12시 05분)",
    "가결되었음을 선포합니다. 市議會 ABC 2024. 3. 5.",
]


def words(text: str) -> list[str]:
    return text.split()


def test_round_trip_keeps_words_and_spacing() -> None:
    result = extract(build_pdf("회의록", MINUTES))
    assert result.status is FileStatus.OK, result.reason
    assert result.media_type == "application/pdf"
    assert result.text.split("\n") == MINUTES  # short lines: one line per paragraph, spaces intact


def test_long_text_wraps_across_pages_without_losing_a_word() -> None:
    speech = "○위원 이영희: " + " ".join(f"제{n}조의 개정 취지를 설명드리겠습니다." for n in range(1, 400))
    paragraphs = [*MINUTES, speech, "가결"]
    result = extract(build_pdf("회의록", paragraphs))
    assert result.status is FileStatus.OK
    assert words(result.text) == words(" ".join(paragraphs))
    assert len(result.text.split("\n")) > 100  # wrapped into many lines
    assert result.text.count("\n") > 45 * 2  # spilled over to several A4 pages


def test_word_wider_than_a_line_is_broken_not_lost() -> None:
    long_word = "가나다라마바사아자차카타파하" * 10
    result = extract(build_pdf("t", [long_word]))
    assert result.text.replace("\n", "") == long_word


def test_deterministic_and_titled() -> None:
    data = build_pdf("제1차 회의록", MINUTES)
    assert data == build_pdf("제1차 회의록", MINUTES)
    assert data.startswith(b"%PDF-")


def test_decomposed_hangul_and_substituted_punctuation() -> None:
    text = unicodedata.normalize("NFD", "감사·감독 ∼ 원안—가결")
    result = extract(build_pdf("t", [text]))
    assert result.text == "감사ㆍ감독 ~ 원안-가결"
    assert "·".translate(SUBSTITUTES) == "ㆍ"


def test_truncated_and_garbage_pdfs_are_corrupt() -> None:
    data = build_pdf("t", MINUTES)
    for broken in (data[: len(data) // 2], data[:40], b"%PDF-1.4\n" + b"\x00garbage" * 50):
        result = extract(broken)
        assert result.status is FileStatus.CORRUPT
        assert result.media_type == "application/pdf"
        assert result.reason


def test_password_protected_pdf_is_encrypted() -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt="secret", invariant=1)
    page.drawString(100, 700, "closed")
    page.save()
    result = extract(buffer.getvalue())
    assert result.status is FileStatus.ENCRYPTED
    assert "password" in result.reason


def test_pdf_without_text_is_empty() -> None:
    result = extract(build_pdf("scan", []))
    assert result.status is FileStatus.EMPTY
