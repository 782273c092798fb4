"""The 191 committees: the real ones seen in sources, and plausible demo ones to fill the count.

The lists are data files in `replica/data/` (a copy of the shared real-committees.csv, and
demo-committees.csv); this module reads them and adds what the sources leave blank for the real
committees (category, department, legal basis), plus the hand-set profiles that make some committees
behave in a known way, so the tiny scale and the compliance reports have something true to find.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

from minutes.vocabulary import Category
from replica.model import Behaviour, Trait

C = Category
B = Behaviour
T = Trait


@dataclass(frozen=True, slots=True)
class Entry:
    """One committee as the catalog knows it, before the generator fills in the rest."""

    name: str
    category: Category
    department: str
    kind: str  # 심의, 자문, 심의·자문, …
    legal_basis: str  # "" when the generator should make one up from law + ordinance
    law: str = ""
    ordinance: str = ""
    real: bool = False
    source_url: str = ""


@dataclass(frozen=True, slots=True)
class Profile:
    """Hand-set facts and behaviour for one committee; anything left None is drawn at random."""

    category: Category | None = None
    department: str | None = None
    legal_basis: str | None = None
    behaviour: Behaviour | None = None
    traits: frozenset[Trait] | None = None
    clsf_id: int | None = None
    phone: str | None = None
    established: date | None = None
    rate: tuple[int, int] | None = None  # meetings a year, low-high, before the scale's factor
    subcommittees: tuple[str, ...] = ()
    sub_share: float = 0.4  # share of meetings held by a subcommittee
    title_style: str | None = None
    minutes_note: str | None = None
    closing_law: str = ""
    closed_ground: int | None = None
    former_departments: tuple[tuple[int, str], ...] = ()
    silent_years: frozenset[int] | None = None
    functions: tuple[str, ...] = field(default=())


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("replica.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


PARK_NOTE = (
    "※ 회의록은 「서울특별시 도시공원 조례」 및 위원회 운영세칙에 따라 회의 종료 30일 후 "
    "신청에 의해 열람할 수 있습니다."
)
PLAN_NOTE = "※ 회의록은 심의 종결 후 30일이 지난 때부터 담당부서에 신청하여 열람할 수 있습니다."
VIEWING_NOTE = "※ 회의록은 회의 종료 30일 후 신청에 의해 열람할 수 있습니다."

REAL_PROFILES: dict[str, Profile] = {
    "도시공원위원회": Profile(
        clsf_id=1734,
        phone="02-2133-2081",
        established=date(2019, 5, 16),
        behaviour=B.VIEWING,
        traits=frozenset(),
        rate=(8, 12),
        subcommittees=(" 소위원회",),
        minutes_note=PARK_NOTE,
        functions=(
            "도시공원의 설치 및 조성계획의 결정·변경에 관한 사항",
            "도시자연공원구역의 지정·변경에 관한 사항",
            "공원녹지기본계획 및 도시공원 관리에 관한 자문",
            "그 밖에 시장이 공원녹지 정책에 관하여 부의하는 사항",
        ),
    ),
    "문화재위원회": Profile(
        phone="2133-2632",
        behaviour=B.PROMPT,
        traits=frozenset(),
        rate=(24, 32),
        subcommittees=("(건축분과)", "(표석분과)", "(동산분과)", "(사적분과)", "(근대분과)"),
        sub_share=0.9,
        functions=(
            "시 지정문화재의 지정 및 해제에 관한 사항",
            "문화재 현상변경 등 허가에 관한 사항",
            "문화재 보존·관리 및 활용에 관한 사항",
            "그 밖에 문화재의 보존에 관하여 시장이 부의하는 사항",
        ),
    ),
    "도시계획위원회": Profile(
        category=C.HOUSING_URBAN_PLANNING,
        phone="02-2133-7031",
        behaviour=B.VIEWING,
        traits=frozenset(),
        rate=(20, 26),
        subcommittees=(" 소위원회",),
        sub_share=0.3,
        minutes_note=PLAN_NOTE,
        functions=(
            "도시·군관리계획의 결정 및 변경에 관한 심의",
            "도시기본계획 수립에 관한 자문",
            "개발행위허가 등 관계 법령에서 위원회의 심의를 거치도록 한 사항",
            "그 밖에 도시계획에 관하여 시장이 부의하는 사항",
        ),
    ),
    "도시건축공동위원회": Profile(
        category=C.HOUSING_URBAN_PLANNING,
        phone="2133-7121",
        behaviour=B.PROMPT,
        traits=frozenset(),
        rate=(16, 22),
    ),
    "도시재정비위원회": Profile(
        category=C.HOUSING_URBAN_PLANNING,
        department="재정비촉진과",
        behaviour=B.LATE,
        traits=frozenset(),
        rate=(6, 9),
    ),
    "도시재생위원회": Profile(
        category=C.HOUSING_URBAN_PLANNING,
        department="재생정책과",
        legal_basis="도시재생 활성화 및 지원에 관한 특별법 제8조, 서울특별시 도시재생 활성화 및 지원에 관한 조례 제7조",
        behaviour=B.PROMPT,
        traits=frozenset({T.DORMANT}),
        silent_years=frozenset({2021, 2022, 2023}),
    ),
    "좋은빛위원회": Profile(
        category=C.ENVIRONMENT,
        department="도시경관담당관",
        former_departments=((2020, "도시빛정책과"),),
        behaviour=B.PROMPT,
        traits=frozenset(),
        rate=(30, 40),
        title_style="plain",
    ),
    "국공립어린이집 확충심의위원회": Profile(
        category=C.WOMEN_FAMILY,
        legal_basis="영유아보육법 제12조, 서울특별시 영유아 보육 조례 제9조",
        behaviour=B.LATE,
        traits=frozenset({T.INFREQUENT}),
    ),
    "서울민주주의위원회": Profile(
        category=C.ADMINISTRATION_OTHER,
        department="서울민주주의위원회",
        legal_basis="지방자치법 제129조, 서울특별시 서울민주주의위원회의 설치 및 운영에 관한 조례 제3조",
        behaviour=B.PROMPT,
        traits=frozenset(),
    ),
    "시민감사옴부즈만위원회": Profile(
        category=C.ADMINISTRATION_OTHER,
        department="시민감사담당관",
        legal_basis="서울특별시 시민감사옴부즈만 운영 및 주민감사청구에 관한 조례 제3조",
        behaviour=B.PARTIAL,
        traits=frozenset(),
    ),
    "녹색서울시민위원회": Profile(
        category=C.ENVIRONMENT,
        department="환경정책과",
        legal_basis="서울특별시 녹색서울시민위원회 설치 및 운영 조례 제2조",
        behaviour=B.LATE,
        traits=frozenset({T.DORMANT, T.UNDATED_ENTRIES}),
        silent_years=frozenset({2019, 2020, 2024}),
    ),
    "시민건강위원회": Profile(
        category=C.HEALTH,
        department="건강정책과",
        legal_basis="서울특별시 시민건강 증진 조례 제8조",
        behaviour=B.PROMPT,
        traits=frozenset({T.INFREQUENT}),
    ),
    "마을공동체위원회": Profile(
        category=C.ADMINISTRATION_OTHER,
        department="지역공동체담당관",
        legal_basis="서울특별시 마을공동체 기본 조례 제9조",
        behaviour=B.NEVER,
        traits=frozenset({T.DORMANT}),
        silent_years=frozenset({2018, 2019, 2020, 2025}),
    ),
    "인권위원회": Profile(
        category=C.ADMINISTRATION_OTHER,
        department="인권담당관",
        behaviour=B.PARTIAL,
        traits=frozenset(),
    ),
    "물가대책위원회": Profile(
        category=C.ECONOMY,
        department="민생경제과",
        legal_basis="물가안정에 관한 법률 제9조, 서울특별시 물가대책위원회의 설치 및 운영에 관한 조례 제2조",
        behaviour=B.PROMPT,
        traits=frozenset(),
    ),
    "택시정책위원회": Profile(
        category=C.TRANSPORT_CONSTRUCTION,
        department="택시정책과",
        legal_basis="여객자동차 운수사업법 제8조, 서울특별시 택시정책위원회 조례 제3조",
        behaviour=B.LATE,
        traits=frozenset({T.MISSING_FIELDS}),
    ),
    "생활임금위원회": Profile(
        category=C.ECONOMY,
        department="노동정책담당관",
        legal_basis="서울특별시 생활임금 조례 제7조",
        behaviour=B.PROMPT,
        traits=frozenset({T.INFREQUENT}),
    ),
    "미술작품심의위원회": Profile(
        category=C.CULTURE_TOURISM,
        behaviour=B.PROMPT,
        traits=frozenset(),
        rate=(10, 14),
    ),
    "청년정책조정위원회": Profile(
        category=C.ADMINISTRATION_OTHER,
        department="청년정책담당관",
        legal_basis="청년기본법 제10조, 서울특별시 청년 기본 조례 제11조",
        behaviour=B.NEVER,
        traits=frozenset({T.MISSING_FIELDS, T.UNDATED_ENTRIES}),
    ),
    "건축위원회": Profile(
        category=C.HOUSING_URBAN_PLANNING,
        department="건축기획과",
        legal_basis="건축법 제4조, 서울특별시 건축 조례 제5조",
        behaviour=B.LATE,
        traits=frozenset(),
        rate=(20, 26),
    ),
    "정보공개심의위원회": Profile(
        category=C.ADMINISTRATION_OTHER,
        department="정보공개정책과",
        legal_basis="공공기관의 정보공개에 관한 법률 제12조, 서울특별시 정보공개 조례 제11조",
        behaviour=B.CLOSED,
        traits=frozenset(),
        closed_ground=1,
        closing_law="「공공기관의 정보공개에 관한 법률」 제12조 및 같은 법 시행령 제11조",
    ),
    "인사위원회": Profile(
        category=C.ADMINISTRATION_OTHER,
        department="인사과",
        legal_basis="지방공무원법 제7조, 서울특별시 인사위원회 운영 규칙 제2조",
        behaviour=B.CLOSED,
        traits=frozenset(),
        rate=(10, 14),
        closed_ground=1,
        closing_law="「지방공무원법」 제7조 및 「지방공무원 임용령」 제4조",
    ),
    "소청심사위원회": Profile(
        category=C.ADMINISTRATION_OTHER,
        department="법률지원담당관",
        legal_basis="지방공무원법 제13조, 서울특별시 지방공무원 소청심사위원회 규칙 제2조",
        behaviour=B.CLOSED,
        traits=frozenset(),
        closed_ground=6,
        closing_law="「지방공무원 징계 및 소청 규정」 제19조",
    ),
}

DEMO_PROFILES: dict[str, Profile] = {
    "교통약자이동편의증진위원회": Profile(behaviour=B.PROMPT, traits=frozenset({T.UNDATED_ENTRIES, T.NO_OFFICIAL})),
    "서울특별시 지방보조금심의위원회": Profile(
        behaviour=B.PARTIAL, traits=frozenset({T.MISSING_FIELDS}), rate=(10, 14)
    ),
    "공직자윤리위원회": Profile(
        behaviour=B.CLOSED, closed_ground=1, closing_law="「공직자윤리법」 제9조 및 같은 법 시행령 제7조"
    ),
    "지방생활보장위원회": Profile(
        behaviour=B.CLOSED, closed_ground=6, closing_law="「국민기초생활 보장법」 제22조 및 제23조"
    ),
    "긴급복지지원심의위원회": Profile(
        behaviour=B.CLOSED, closed_ground=6, closing_law="「긴급복지지원법」 제8조 및 제13조"
    ),
    "공익제보지원위원회": Profile(
        behaviour=B.CLOSED, closed_ground=1, closing_law="「공익신고자 보호법」 제10조 및 제12조"
    ),
    "지방세심의위원회": Profile(behaviour=B.CLOSED, closed_ground=1, closing_law="「지방세기본법」 제86조(비밀유지)"),
    "계약심의위원회": Profile(behaviour=B.PARTIAL, rate=(14, 20)),
    "교통영향평가심의위원회": Profile(rate=(14, 20)),
    "지방건설기술심의위원회": Profile(rate=(16, 22), subcommittees=("(설계분과)", "(시공분과)")),
    "환경영향평가심의위원회": Profile(rate=(10, 14)),
    "지방토지수용위원회": Profile(behaviour=B.PARTIAL, rate=(10, 12)),
    "경관위원회": Profile(subcommittees=(" 소위원회",)),
}

TINY_COMMITTEES: tuple[str, ...] = (
    "도시공원위원회",
    "문화재위원회",
    "도시재정비위원회",
    "좋은빛위원회",
    "인사위원회",
    "시민감사옴부즈만위원회",
    "택시정책위원회",
    "청년정책조정위원회",
    "마을공동체위원회",
    "시민건강위원회",
    "국공립어린이집 확충심의위원회",
    "교통약자이동편의증진위원회",
)
"""The tiny scale's committees: six categories, every behaviour and trait, real and demo ones."""


def load_catalog() -> list[Entry]:
    """All 191 committees, real ones first, in a stable order (ids do not depend on it)."""
    entries: list[Entry] = []
    for row in _read("real-committees.csv"):
        name = row["name_ko"].strip()
        profile = REAL_PROFILES.get(name, Profile())
        category = profile.category or Category.from_label(row["category_ko"])
        if category is None:
            raise ValueError(f"no category for real committee {name}")
        entries.append(
            Entry(
                name=name,
                category=category,
                department=profile.department or _first_department(row["department_ko"]),
                kind=row["function_ko"].strip() or "심의·자문",
                legal_basis=profile.legal_basis or _join_basis(row["legal_basis_ko"]),
                real=True,
                source_url=row["source_url"].strip(),
            )
        )
    for row in _read("demo-committees.csv"):
        entries.append(
            Entry(
                name=row["name"].strip(),
                category=Category(row["category"]),
                department=row["department"].strip(),
                kind=row["kind"].strip(),
                legal_basis="",
                law=row["law"].strip(),
                ordinance=row["ordinance"].strip(),
            )
        )
    return entries


def profile_for(name: str) -> Profile:
    return REAL_PROFILES.get(name) or DEMO_PROFILES.get(name) or Profile()


def _first_department(seen: str) -> str:
    """ "도시빛정책과 (2019); 도시경관담당관 (2023)" → the latest; notes in parentheses dropped."""
    parts = [p.strip() for p in seen.split(";") if p.strip()]
    if not parts:
        return ""
    latest = parts[-1]
    return latest.split(" (")[0].strip()


def _join_basis(seen: str) -> str:
    """The CSV separates provisions with ";", the site with ", "; an ordinance without an article gets one."""
    parts = [p.strip() for p in seen.split(";") if p.strip()]
    if len(parts) == 1 and parts[0].endswith("조례"):
        parts[0] += " 제2조"
    return ", ".join(parts)
