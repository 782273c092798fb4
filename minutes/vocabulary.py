"""The project's shared vocabulary, spelled once.

Every part (crawler, index, portal, guidelines) speaks in these values: stable lower-case ids that
appear in URLs, the index and the JSON API, with the Korean label the city uses and an English one.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class Category(StrEnum):
    """The eleven policy categories the city files its committees under (2017 count: 191)."""

    HEALTH = "health"
    ECONOMY = "economy"
    TRANSPORT_CONSTRUCTION = "transport-construction"
    CULTURE_TOURISM = "culture-tourism"
    WELFARE = "welfare"
    TAX_FINANCE = "tax-finance"
    SAFETY = "safety"
    WOMEN_FAMILY = "women-family"
    HOUSING_URBAN_PLANNING = "housing-urban-planning"
    ADMINISTRATION_OTHER = "administration-other"
    ENVIRONMENT = "environment"

    @property
    def label_ko(self) -> str:
        return _CATEGORY_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _CATEGORY_LABELS[self][1]

    @classmethod
    def from_label(cls, seen: str) -> Category | None:
        """Map a spelling seen on the site ("주택ㆍ도시계획", "주택/도시계획", "문화 관광") to its id.

        The site writes the same category with U+318D, a middle dot, a slash or nothing between
        its parts, so matching is done on the Hangul letters alone.
        """
        key = _category_key(seen)
        if not key:
            return None
        for category, (label_ko, _) in _CATEGORY_LABELS.items():
            if _category_key(label_ko) == key:
                return category
        try:
            return cls(seen.strip().lower())
        except ValueError:
            return None


_CATEGORY_LABELS: dict[Category, tuple[str, str]] = {
    Category.HEALTH: ("건강", "Health"),
    Category.ECONOMY: ("경제", "Economy"),
    Category.TRANSPORT_CONSTRUCTION: ("교통ㆍ건설", "Transport & construction"),
    Category.CULTURE_TOURISM: ("문화관광", "Culture & tourism"),
    Category.WELFARE: ("복지", "Welfare"),
    Category.TAX_FINANCE: ("세금ㆍ재정", "Tax & finance"),
    Category.SAFETY: ("안전", "Safety"),
    Category.WOMEN_FAMILY: ("여성ㆍ가족", "Women & family"),
    Category.HOUSING_URBAN_PLANNING: ("주택ㆍ도시계획", "Housing & urban planning"),
    Category.ADMINISTRATION_OTHER: ("행정ㆍ기타", "Administration & other"),
    Category.ENVIRONMENT: ("환경", "Environment"),
}


def _category_key(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in text if "\uac00" <= ch <= "\ud7a3")


class DocType(StrEnum):
    """What a searchable document is. `meeting` is the meeting page itself."""

    MEETING = "meeting"
    NOTICE = "notice"
    MINUTES = "minutes"
    RESULT = "result"
    MATERIAL = "material"

    @property
    def label_ko(self) -> str:
        return _DOC_TYPE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _DOC_TYPE_LABELS[self][1]


_DOC_TYPE_LABELS: dict[DocType, tuple[str, str]] = {
    DocType.MEETING: ("회의정보", "Meeting information"),
    DocType.NOTICE: ("개최 안내", "Notice"),
    DocType.MINUTES: ("회의록", "Minutes"),
    DocType.RESULT: ("회의 결과", "Result"),
    DocType.MATERIAL: ("회의자료", "Material"),
}


class Disclosure(StrEnum):
    """The disclosure level an approval document or attachment carries (공개구분)."""

    PUBLIC = "public"
    PARTIAL = "partial"
    CLOSED = "closed"

    @property
    def label_ko(self) -> str:
        return {"public": "공개", "partial": "부분공개", "closed": "비공개"}[self.value]

    @property
    def label_en(self) -> str:
        return {"public": "Public", "partial": "Partly public", "closed": "Not public"}[self.value]


class MeetingStatus(StrEnum):
    """A meeting's state as the site shows it: 예정 (upcoming), 종료 (held), 취소 (cancelled)."""

    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"

    @property
    def label_ko(self) -> str:
        return {"scheduled": "예정", "held": "종료", "cancelled": "취소", "unknown": "미상"}[self.value]

    @property
    def label_en(self) -> str:
        return {
            "scheduled": "Upcoming",
            "held": "Held",
            "cancelled": "Cancelled",
            "unknown": "Unknown",
        }[self.value]

    @classmethod
    def from_label(cls, seen: str | None) -> MeetingStatus:
        if not seen:
            return cls.UNKNOWN
        text = unicodedata.normalize("NFC", seen)
        for word, status in (("취소", cls.CANCELLED), ("예정", cls.SCHEDULED), ("종료", cls.HELD)):
            if word in text:
                return status
        return cls.UNKNOWN


class FileStatus(StrEnum):
    """What became of an attachment. Anything but `ok` carries a reason; nothing is dropped."""

    OK = "ok"
    NOT_PUBLIC = "not_public"  # listed as 비공개 문서, no link to follow
    DOWNLOAD_ERROR = "download_error"  # HTTP error, or 200 with the body "error"
    ENCRYPTED = "encrypted"  # password-protected HWP
    DISTRIBUTION = "distribution"  # HWP distribution document: body encrypted
    UNSUPPORTED = "unsupported"  # a format we do not read (XLSX, images)
    CORRUPT = "corrupt"  # the file's own structure is broken
    EMPTY = "empty"  # read fine, no text in it


ARTICLE_9_GROUNDS: dict[int, tuple[str, str]] = {
    1: ("다른 법령상 비밀·비공개", "Secret or non-public under another law"),
    2: ("국가안전보장·국방·통일·외교", "National security, defence, unification, foreign relations"),
    3: ("국민의 생명·신체·재산 보호", "Protection of life, body or property"),
    4: ("재판·수사·형집행", "Trials, investigation, prosecution, corrections"),
    5: (
        "감사·감독·검사·시험·규제·입찰계약·기술개발·인사관리·의사결정과정·내부검토과정",
        "Audits, tenders, personnel, decision-making or internal review",
    ),
    6: ("개인에 관한 정보", "Personal information"),
    7: ("법인 등의 경영·영업상 비밀", "Business secrets"),
    8: ("부동산 투기·매점매석", "Speculation or hoarding"),
}
"""Official Information Disclosure Act, Article 9(1): the grounds for withholding, by number."""


_SPACES = re.compile(r"\s+")


def clean_text(text: str | None) -> str:
    """NFC-normalise and collapse whitespace: the one form every crawled string is kept in."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ")
    return _SPACES.sub(" ", text).strip()
