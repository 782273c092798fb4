"""The Korean text inside the replica's files: notices, result reports, minutes, materials.

Everything is drawn from a `random.Random` seeded with the site's seed and the meeting's nid, so a
meeting's agenda and outcomes read the same in its notice, its result report and its minutes, and
the same seed always writes the same words. Vocabulary varies by the committee's domain
(`replica.lexicon`), so different committees' minutes are about different things.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass

from replica.formats import korean_day
from replica.lexicon import (
    AGENDA,
    GENERIC_AGENDA,
    GENERIC_REMARKS,
    GIVEN,
    REMARKS,
    REPLIES,
    SURNAMES,
    domain_of,
    slots,
)
from replica.model import Committee, Meeting

DECISIONS = ("원안가결", "수정가결", "조건부 가결", "가결", "보류", "부결")
_DECISION_WEIGHTS = (36, 24, 20, 8, 9, 3)
_LETTERS = "가나다라마바사아자차카타파하"
_SPOKEN = {
    "원안가결": "원안대로 가결",
    "수정가결": "수정하여 가결",
    "조건부 가결": "조건부로 가결",
    "가결": "가결",
    "보류": "보류",
    "부결": "부결",
}


@dataclass(frozen=True, slots=True)
class Item:
    title: str
    kind: str  # 심의, 자문, 보고, 의결, 조정
    outcome: str


@dataclass(frozen=True, slots=True)
class Cast:
    """Who speaks: the chair and members present, the secretary (a department head), the official."""

    chair: str
    members: tuple[str, ...]  # present, chair first
    secretary: str
    secretary_title: str
    official: str


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


@functools.lru_cache(maxsize=4096)
def _people(seed: int, clsf_id: int, year: int, members: int) -> tuple[str, ...]:
    """A committee's members for a year, then its secretary and official: distinct names."""
    rng = random.Random(f"{seed}|people|{clsf_id}|{year}")
    people: list[str] = []
    while len(people) < max(members, 3) + 2:
        name = person(rng)
        if name not in people:
            people.append(name)
    return tuple(people)


def official(seed: int, committee: Committee, year: int) -> str:
    """The official in charge that year: the 작성자 of documents, the contact in notices."""
    return _people(seed, committee.clsf_id, year, committee.member_count)[-1]


def cast(seed: int, committee: Committee, meeting: Meeting) -> Cast:
    """Members are drawn per committee and year (the same people all year), officials too."""
    *roll, secretary, official_name = _people(seed, committee.clsf_id, meeting.year, committee.member_count)
    rng = random.Random(f"{seed}|present|{meeting.nid}")
    present = max(3, min(len(roll), meeting.present))
    members = (roll[0], *rng.sample(roll[1:], present - 1))
    return Cast(roll[0], members, secretary, f"{meeting.department}장", official_name)


def agenda(seed: int, committee: Committee, meeting: Meeting) -> list[Item]:
    """The meeting's items and their outcomes, the same in every document about it."""
    rng = random.Random(f"{seed}|agenda|{meeting.nid}")
    domain = domain_of(committee.name, committee.category)
    templates = (*AGENDA[domain], GENERIC_AGENDA[-1]) if domain in AGENDA else GENERIC_AGENDA
    fill = slots(domain)
    items = []
    for kind, n in meeting.agenda_counts.items():
        for _ in range(n):
            values = {key: rng.choice(options) for key, options in fill.items()}
            values.update(n=str(rng.randint(2, 700)), year=str(meeting.year))
            title = rng.choice(templates).format(**values)
            items.append(Item(title, kind, _outcome(kind, rng)))
    return items


def _outcome(kind: str, rng: random.Random) -> str:
    if kind == "자문":
        return "자문의견 제시"
    if kind == "보고":
        return "보고 접수"
    return rng.choices(DECISIONS, weights=_DECISION_WEIGHTS)[0]


def _when(meeting: Meeting) -> str:
    until = f" ~ {meeting.end:%H:%M}" if meeting.end else ""
    return f"{korean_day(meeting.start)} {meeting.start:%H:%M}{until}"


def _contact(committee: Committee, meeting: Meeting, who: Cast) -> str:
    return f"{meeting.department} {who.official} 주무관 (02-{meeting.phone.removeprefix('02-')})"


def notice_text(seed: int, committee: Committee, meeting: Meeting, *, with_official: bool) -> list[str]:
    """개최 안내: date and time, place, agenda, and (usually) the responsible official."""
    items = agenda(seed, committee, meeting)
    who = cast(seed, committee, meeting)
    lines = [
        f"{meeting.title} 개최 안내",
        f"{_cite(committee.legal_basis)}에 따라 다음과 같이 회의를 개최하고자 합니다.",
        f"1. 일시: {_when(meeting)}",
        f"2. 장소: {meeting.place or '추후 안내'}",
        f"3. 참석대상: {meeting.attendees}",
        f"4. 안건: 총 {len(items)}건",
        *(f"  {_LETTERS[i % len(_LETTERS)]}. {item.title}({item.kind})" for i, item in enumerate(items)),
    ]
    if with_official:
        lines.append(f"5. 담당: {_contact(committee, meeting, who)}")
    lines.append("붙임 회의자료 1부. 끝.")
    return lines


def _cite(legal_basis: str) -> str:
    """The last provision of a legal basis as documents cite it: 「서울특별시 도시공원 조례」 제24조."""
    last = legal_basis.split(", ")[-1]
    name, sep, article = last.rpartition(" 제")
    return f"「{name}」 제{article}" if sep else f"「{last}」"


def result_text(seed: int, committee: Committee, meeting: Meeting) -> tuple[list[str], list[list[str]]]:
    """결과 보고: an overview and a table of the items with their outcomes."""
    items = agenda(seed, committee, meeting)
    who = cast(seed, committee, meeting)
    lines = [
        f"{meeting.title} 결과 보고",
        f"{meeting.title}를 다음과 같이 개최하였기에 그 결과를 보고합니다.",
        "1. 회의 개요",
        f"  가. 일시: {_when(meeting)}",
        f"  나. 장소: {meeting.place or '서울시청 회의실'}",
        f"  다. 참석: 위원 {len(who.members)}명 (재적 {committee.member_count}명)",
        f"2. 심의 결과: 총 {len(items)}건",
        *(f"  안건 제{i}호 {item.title}: {item.outcome}" for i, item in enumerate(items, 1)),
        "3. 향후 조치 계획",
        "  - 조건부 가결 및 수정가결 안건은 조치계획을 제출받아 확인 후 후속 절차를 진행",
        "  - 보류 안건은 보완 후 차기 회의에 재상정",
        "붙임 심의결과 1부. 끝.",
    ]
    rows = [["연번", "안건명", "구분", "결과"]]
    rows += [[str(i), item.title, item.kind, item.outcome] for i, item in enumerate(items, 1)]
    return lines, rows


def minutes_text(seed: int, committee: Committee, meeting: Meeting, *, mask: bool = False) -> list[str]:
    """회의록: the items the Records Management Act asks for, and the remarks, speaker by speaker.

    `mask` writes members as 위원A, 위원B… (minutes disclosed in part on ground 6).
    """
    rng = random.Random(f"{seed}|minutes|{meeting.nid}")
    items = agenda(seed, committee, meeting)
    who = cast(seed, committee, meeting)
    names = {m: (f"위원{chr(65 + i)}" if mask else m) for i, m in enumerate(who.members)}
    chair = "○위원장" if mask else f"○위원장 {who.chair}"
    secretary = f"○간사({who.secretary_title})" + ("" if mask else f" {who.secretary}")
    domain = domain_of(committee.name, committee.category)
    remarks = REMARKS.get(domain, ()) + GENERIC_REMARKS
    lines = [
        f"{meeting.title} 회의록",
        f"1. 회의 일시: {_when(meeting)}",
        f"2. 회의 장소: {meeting.place or '서울시청 회의실'}",
        f"3. 참석 위원: {len(who.members)}명 ({', '.join(names[m] for m in who.members)})",
        f"4. 배석: {who.secretary_title}"
        + ("" if mask else f" {who.secretary}")
        + f", {meeting.department} 담당 주무관",
        "5. 회의 안건",
        *(f"  안건 제{i}호 {item.title}({item.kind})" for i, item in enumerate(items, 1)),
        "6. 회의 내용",
        f"{chair}: 성원이 되었으므로 제{meeting.number}차 회의를 개회하겠습니다.",
        f"{chair}: 오늘 상정된 안건은 총 {len(items)}건입니다. 간사께서 안건을 설명해 주시기 바랍니다.",
    ]
    for i, item in enumerate(items, 1):
        lines.append(f"안건 제{i}호 {item.title}")
        lines.append(f"{secretary}: 안건 제{i}호 {item.title}에 대하여 보고드리겠습니다.")
        for member in rng.sample(who.members[1:], min(len(who.members) - 1, rng.randint(1, 3))):
            lines.append(f"○위원 {names[member]}: {rng.choice(remarks)}")
            lines.append(f"{secretary}: {rng.choice(REPLIES)}")
        if item.kind in ("자문", "보고"):
            lines.append(f"{chair}: 안건 제{i}호는 위원님들의 의견을 정리하여 부서에 전달하겠습니다.")
        else:
            lines.append(f"{chair}: 안건 제{i}호를 {_SPOKEN[item.outcome]}하고자 하는데 이의 없으십니까?")
            lines.append("(「없습니다」 하는 위원 있음)")
            lines.append(f"{chair}: 안건 제{i}호는 {_SPOKEN[item.outcome]}되었음을 선포합니다.")
        lines.append(f"→ 처리결과: {item.outcome}")
    closing = meeting.end or meeting.start
    lines += [
        f"{chair}: 이상으로 상정된 안건을 모두 처리하였습니다. 제{meeting.number}차 회의를 마치겠습니다.",
        f"({closing:%H}시 {closing:%M}분 폐회)",
    ]
    return lines


def cover_text(committee: Committee, meeting: Meeting) -> list[str]:
    """The approval body of a minutes document whose minutes travel as a separate attachment."""
    return [
        f"{meeting.title} 회의록 공개",
        f"「공공기록물 관리에 관한 법률」 제17조에 따라 {meeting.title} 회의록을 다음과 같이 공개합니다.",
        f"1. 회의명: {meeting.title}",
        f"2. 회의 일시: {_when(meeting)}",
        f"3. 주관: {committee.name} ({meeting.department})",
        "붙임 회의록 1부. 끝.",
    ]


def material_text(seed: int, committee: Committee, meeting: Meeting) -> list[str]:
    """회의자료 (a PDF): the items with a paragraph of background each."""
    rng = random.Random(f"{seed}|material|{meeting.nid}")
    items = agenda(seed, committee, meeting)
    lines = [f"{meeting.title} 회의자료", f"주관: {committee.name} / {meeting.department}"]
    for i, item in enumerate(items, 1):
        lines.append(f"안건 제{i}호 {item.title}")
        lines.append(
            f"추진 배경: {committee.name}의 {item.kind} 대상으로서 관계 법령에 따라 상정합니다. "
            f"{rng.choice(GENERIC_REMARKS)}"
        )
        lines.append(f"주요 내용: {item.title}의 세부 계획과 관계 부서 협의 결과를 검토합니다.")
    return lines


def roster_rows(seed: int, committee: Committee, meeting: Meeting) -> list[list[str]]:
    """The member list with allowances: the attachment that is withheld on ground 6."""
    who = cast(seed, committee, meeting)
    rows = [["연번", "성명", "구분", "수당(원)"]]
    rows += [[str(i), name, "위원장" if i == 1 else "위원", "200,000"] for i, name in enumerate(who.members, 1)]
    return rows


def personal_names(seed: int, committee: Committee, meeting: Meeting) -> list[str]:
    """Names the site's preview masks as ****."""
    who = cast(seed, committee, meeting)
    return [*who.members, who.secretary, who.official]
