"""Turn catalog entries into committees: ids, contacts, functions and disclosure behaviour.

Each committee draws from its own `random.Random` (seeded with the seed and its name), so adding a
committee to the catalog changes nothing about the others. Committee ids (clsf_id) depend on the
name alone, never on the seed, so URLs stay put across seeds.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date

from replica.catalog import PLAN_NOTE, VIEWING_NOTE, Entry, Profile, load_catalog, profile_for
from replica.model import Behaviour, Committee, Trait

ID_BASE = 1500
ID_LANES = 400  # clsf_id in 1500-1899; the lane (clsf_id - 1500) also spaces nids apart
RESERVED_IDS = {1734: "도시공원위원회"}  # the one real clsf_id known


def build_committees(seed: int) -> list[Committee]:
    """All 191 committees of the catalog, with behaviours fixed for (seed)."""
    entries = load_catalog()
    ids = assign_ids([e.name for e in entries])
    return [build_committee(entry, ids[entry.name], seed) for entry in entries]


def assign_ids(names: list[str]) -> dict[str, int]:
    """clsf_id from a hash of the name, probing past collisions; reserved ids go to their owners."""
    taken = set(RESERVED_IDS)
    ids = {name: cid for cid, name in RESERVED_IDS.items()}
    for name in names:
        if name in ids:
            continue
        h = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
        lane = h % ID_LANES
        while ID_BASE + lane in taken:
            lane = (lane + 1) % ID_LANES
        ids[name] = ID_BASE + lane
        taken.add(ID_BASE + lane)
    return ids


def build_committee(entry: Entry, clsf_id: int, seed: int) -> Committee:
    rng = random.Random(f"{seed}|committee|{entry.name}")
    profile = profile_for(entry.name)
    behaviour = profile.behaviour or _draw_behaviour(rng)
    traits = set(profile.traits) if profile.traits is not None else _draw_traits(rng)
    if profile.rate:
        traits.discard(Trait.INFREQUENT)  # a set rate says how often it meets
    members = rng.randint(9, 30)
    return Committee(
        clsf_id=clsf_id,
        name=entry.name,
        category=entry.category,
        department=entry.department,
        phone=profile.phone or _draw_phone(rng),
        functions=list(profile.functions) or _functions(entry, rng),
        legal_basis=entry.legal_basis or _legal_basis(entry, rng),
        term=rng.choice(["2년", "2년", "2년", "2년(1회에 한하여 연임 가능)"]),
        established=profile.established or _draw_established(rng),
        members_label=_members_label(members, rng),
        member_count=members,
        kind=entry.kind,
        behaviour=behaviour,
        traits=frozenset(traits),
        real=entry.real,
        minutes_note=_minutes_note(profile, behaviour, profile.closing_law, rng),
        closing_law=profile.closing_law,
        closed_ground=profile.closed_ground if behaviour is Behaviour.CLOSED else None,
        title_style=profile.title_style or ("plain" if rng.random() < 0.12 else "year"),
        subcommittees=profile.subcommittees or ((" 소위원회",) if rng.random() < 0.1 else ()),
        former_departments=profile.former_departments,
        lane=clsf_id - ID_BASE,
        source_url=entry.source_url,
    )


def _members_label(n: int, rng: random.Random) -> str:
    """위원 명단: the page shows a label, not the names."""
    style = rng.choice(["total", "split", "ask"])
    if style == "total":
        return f"위원장 포함 총 {n}명"
    if style == "split":
        k = rng.randint(3, 6)
        return f"총 {n}명 (당연직 {k}명, 위촉직 {n - k}명)"
    return f"위원 {n}명 (명단은 담당부서 문의)"


def rate_for(committee: Committee) -> tuple[int, int]:
    """Meetings a year (low, high) before the scale's factor: profile, else by trait."""
    profile = profile_for(committee.name)
    if profile.rate:
        return profile.rate
    if Trait.INFREQUENT in committee.traits:
        return (1, 3)
    h = int(hashlib.sha256(committee.name.encode("utf-8")).hexdigest()[:4], 16)
    return (10, 16) if h % 20 == 0 else (4, 9)


def silent_years(committee: Committee, seed: int) -> frozenset[int]:
    """The years a dormant committee did not meet."""
    if Trait.DORMANT not in committee.traits:
        return frozenset()
    profile = profile_for(committee.name)
    if profile.silent_years is not None:
        return profile.silent_years
    rng = random.Random(f"{seed}|dormant|{committee.name}")
    first = rng.randint(2017, 2022)
    years = set(range(first, first + rng.randint(2, 3)))
    years.add(rng.choice([2024, 2025]))
    return frozenset(years)


def _draw_behaviour(rng: random.Random) -> Behaviour:
    return rng.choices(
        [Behaviour.PROMPT, Behaviour.LATE, Behaviour.NEVER, Behaviour.PARTIAL, Behaviour.VIEWING],
        weights=[40, 24, 14, 14, 8],
    )[0]


def _draw_traits(rng: random.Random) -> set[Trait]:
    odds = {
        Trait.INFREQUENT: 0.25,
        Trait.DORMANT: 0.08,
        Trait.MISSING_FIELDS: 0.12,
        Trait.UNDATED_ENTRIES: 0.12,
        Trait.NO_OFFICIAL: 0.15,
    }
    return {trait for trait, p in odds.items() if rng.random() < p}


def _draw_phone(rng: random.Random) -> str:
    number = rng.randint(2000, 8999)
    return f"02-2133-{number}" if rng.random() < 0.5 else f"2133-{number}"


def _draw_established(rng: random.Random) -> date:
    return date(rng.randint(1995, 2021), rng.randint(1, 12), rng.randint(1, 28))


_KIND_WORDS = {"심의": "심의", "자문": "자문", "조정": "조정", "의결": "의결"}


def _functions(entry: Entry, rng: random.Random) -> list[str]:
    topic = entry.name.removeprefix("서울특별시 ").removesuffix("위원회").removesuffix("협의회")
    for suffix in ("심의", "자문", "운영"):
        topic = topic.removesuffix(suffix)
    verb = "·".join(_KIND_WORDS.get(part, part) for part in entry.kind.split("·"))
    pool = [
        f"{topic} 관련 기본계획 및 시행계획의 수립·변경에 관한 사항",
        f"{topic}에 관한 주요 정책의 {verb}",
        f"{topic} 관련 사업의 추진 및 평가에 관한 사항",
        f"{topic} 관련 예산의 지원 및 집행에 관한 사항",
        f"관계 법령 및 조례에서 위원회의 {verb.split('·')[0]}를 거치도록 정한 사항",
    ]
    chosen = [pool[0], pool[1], *rng.sample(pool[2:], rng.randint(1, 3))]
    return [*chosen, "그 밖에 시장이 회의에 부치는 사항"]


def _legal_basis(entry: Entry, rng: random.Random) -> str:
    ordinance = f"서울특별시 {entry.ordinance} 제{rng.randint(2, 30)}조"
    if entry.law:
        return f"{entry.law} 제{rng.randint(3, 60)}조, {ordinance}"
    return ordinance


def _minutes_note(profile: Profile, behaviour: Behaviour, closing_law: str, rng: random.Random) -> str:
    if profile.minutes_note is not None:
        return profile.minutes_note
    if behaviour is Behaviour.CLOSED:
        return f"※ 이 위원회의 회의록은 {closing_law}에 따라 공개하지 아니합니다."
    if behaviour is Behaviour.VIEWING:
        return rng.choice([VIEWING_NOTE, PLAN_NOTE])
    if behaviour is Behaviour.PARTIAL and rng.random() < 0.5:
        return "※ 회의록은 개인정보 등 비공개 대상 정보를 제외하고 부분공개합니다."
    if behaviour is Behaviour.PROMPT and rng.random() < 0.25:
        return "※ 회의 결과 및 회의록은 회의 종료 후 5일 이내에 공개합니다."
    return ""
