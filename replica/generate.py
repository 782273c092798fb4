"""Build the whole replica site for a scale, a seed and a day.

Determinism: everything is drawn from `random.Random` instances seeded with text that names what
they are for (the seed, a committee, a year, a meeting), never from a shared stream, so the same
(scale, seed, today) always gives the same site, and adding a committee reshuffles nobody else.

Time: meetings carry naive datetimes in Asia/Seoul local time; "today" is a Seoul date. Whatever
would be posted after today (a notice for a meeting two months out, a result report due next week)
is not on the site yet.
"""

from __future__ import annotations

import functools
import math
import random
from collections import Counter
from datetime import date, datetime, timedelta

from replica.catalog import profile_for
from replica.committees import build_committees, rate_for, silent_years
from replica.coverage import ensure_coverage
from replica.formats import agenda_text, attendance_text, short_phone, when_text
from replica.lexicon import PLACES, REMOTE_PLACES
from replica.model import (
    Attachment,
    Behaviour,
    Committee,
    DocKind,
    Document,
    FileKind,
    Layout,
    Meeting,
    Role,
    Status,
    Trait,
)
from replica.prose import official
from replica.scales import SCALES, Scale, scale_for, seoul_today
from replica.site import Site

EPOCH = date(2015, 1, 1)
NID_BASE = 10_000_000  # nids grow with the posting day, like the real site's 8-digit nids
ORG_CODE = "6110000"  # 서울특별시's institution code, the head of every 관리번호

__all__ = ["SCALES", "Scale", "build_site", "scale_for", "writer_for"]


def build_site(scale: str = "demo", seed: int = 1, today: date | None = None) -> Site:
    """The replica site, the same for the same (scale, seed, today); today defaults to Seoul's."""
    today = today or seoul_today()
    spec = scale_for(scale, today)
    committees = build_committees(seed)
    if spec.committees is not None:
        wanted = set(spec.committees)
        committees = [c for c in committees if c.name in wanted]
    meetings: list[Meeting] = []
    for committee in committees:
        meetings += _CommitteeWriter(committee, seed, spec, today).meetings()
    site = Site(scale=scale, seed=seed, today=today, committees=committees, meetings=meetings)
    ensure_coverage(site, lambda committee: writer_for(site, committee), strict=scale == "tiny")
    site.reindex()
    return site


_START_TIMES = ((10, 0), (10, 0), (14, 0), (14, 0), (15, 0), (16, 0), (9, 30), (11, 0), (13, 30))
_RESULT_DELAY = {
    Behaviour.PROMPT: (1, 5),
    Behaviour.LATE: (15, 120),
    Behaviour.PARTIAL: (3, 10),
    Behaviour.VIEWING: (1, 7),
    Behaviour.CLOSED: (5, 30),
}
_NOTICE_ODDS = {
    Behaviour.PROMPT: 1.0,
    Behaviour.LATE: 0.9,
    Behaviour.PARTIAL: 0.9,
    Behaviour.VIEWING: 0.9,
    Behaviour.CLOSED: 0.3,
    Behaviour.NEVER: 0.5,
}
_LEAD = {  # days between posting the meeting (and its notice) and the meeting
    Behaviour.PROMPT: (5, 14),
    Behaviour.LATE: (0, 4),
    Behaviour.PARTIAL: (3, 10),
    Behaviour.VIEWING: (3, 10),
    Behaviour.CLOSED: (2, 10),
    Behaviour.NEVER: (-15, 3),
}
_CANCEL_REASONS = ("위원 정족수 미달", "안건 보완 필요", "부서 사정", "안건 철회")


class _CommitteeWriter:
    """Writes one committee's meetings, documents and files, with its own random streams and nids."""

    def __init__(self, committee: Committee, seed: int, spec: Scale, today: date) -> None:
        self.c = committee
        self.seed = seed
        self.spec = spec
        self.today = today
        style = random.Random(f"{seed}|style|{committee.name}")
        self.places = style.sample(PLACES, 2)
        self.attendance_style = style.choice(["named", "plain", "in", "split"])
        self.agenda_style = style.choice(["numbered", "bare", "total"])
        self.retention = style.choice(["3년", "5년", "10년", "준영구"])
        self.sub_share = profile_for(committee.name).sub_share
        self.used: set[int] = set()

    def meetings(self) -> list[Meeting]:
        silent = silent_years(self.c, self.seed)
        out: list[Meeting] = []
        for year in self.spec.years:
            if year not in silent:
                out += self._year(year)
        return out

    def _year(self, year: int) -> list[Meeting]:
        rng = random.Random(f"{self.seed}|year|{self.c.clsf_id}|{year}")
        low, high = rate_for(self.c)
        wanted = rng.randint(low, high) * self.spec.activity
        count = math.floor(wanted) + (1 if rng.random() < wanted - math.floor(wanted) else 0)
        if self.spec.max_per_year is not None:
            count = min(count, self.spec.max_per_year)
        numbers: Counter[str] = Counter()
        out = []
        for day in self._schedule(year, count, rng):
            sub = ""
            if self.c.subcommittees and rng.random() < self.sub_share:
                sub = rng.choice(self.c.subcommittees)
            numbers[sub] += 1
            meeting = self.meeting(year, numbers[sub], sub, day)
            if meeting is not None:
                out.append(meeting)
        return out

    def _schedule(self, year: int, count: int, rng: random.Random) -> list[date]:
        """Meeting days: one in each quarter first when there are four or more (committees plan
        their year; only the infrequent ones leave quarters empty), the rest anywhere."""
        workdays, quarters = _workdays(year)
        days: set[date] = set()
        if count >= 4 and Trait.INFREQUENT not in self.c.traits:
            days.update(rng.choice(quarter) for quarter in quarters)
        rest = [d for d in workdays if d not in days]
        days.update(rng.sample(rest, max(0, min(count - len(days), len(rest)))))
        return sorted(days)

    def meeting(self, year: int, number: int, sub: str, day: date, *, lead: int | None = None) -> Meeting | None:
        """One meeting with its documents, or None if it is outside the scale or not posted yet."""
        c = self.c
        rng = random.Random(f"{self.seed}|meeting|{c.clsf_id}|{year}|{sub}|{number}")
        hour, minute = rng.choice(_START_TIMES)
        start = datetime(day.year, day.month, day.day, hour, minute)
        end = start + timedelta(minutes=rng.choice((60, 90, 120, 150, 180)))
        old = rng.random() < (0.85 if year <= 2019 else 0.04)
        cancelled = rng.random() < 0.03
        lead = _weekday_offset(day, *_LEAD[c.behaviour], rng, -1) if lead is None else lead
        reg_day = day - timedelta(days=lead)
        registered = datetime(reg_day.year, reg_day.month, reg_day.day, rng.randint(9, 18), rng.randint(0, 59))
        if not self.spec.covers(day) or registered.date() > self.today:
            return None
        status = Status.CANCELLED if cancelled else Status.SCHEDULED if day >= self.today else Status.HELD
        present = rng.randint(max(3, math.ceil(c.member_count * 0.55)), c.member_count)
        counts = self._agenda_counts(rng)
        place: str | None = rng.choice(self.places) if rng.random() < 0.88 else rng.choice(REMOTE_PLACES)
        agenda: str | None = agenda_text(
            self.agenda_style if rng.random() < 0.85 else rng.choice(["numbered", "bare", "total"]), counts
        )
        if (Trait.MISSING_FIELDS in c.traits and rng.random() < 0.45) or rng.random() < 0.01:
            if rng.random() < 0.5:
                place = None
            else:
                agenda = None
        hidden = (Trait.UNDATED_ENTRIES in c.traits and rng.random() < 0.5) or rng.random() < 0.01
        if old:
            when_style = rng.choices(("dots-range", "dots", "dash", "dash-range"), weights=(55, 20, 15, 10))[0]
            registered_style = rng.choice(("dots-tight", "dots-tight", "dots"))
        else:
            when_style = rng.choices(("dash", "dash-range", "dots-range", "dots"), weights=(60, 20, 15, 5))[0]
            registered_style = "dash" if rng.random() < 0.9 else "dots"
        nid = self.nid(registered.date())
        code = f"J10{_letters(c.lane)}{registered:%Y%m%d%H%M}{nid % 1000:03d}" if old else None
        meeting = Meeting(
            nid=nid,
            code=code,
            layout=Layout.OLD if old else Layout.NEW,
            clsf_id=c.clsf_id,
            title=_title(c, year, number, sub),
            year=year,
            number=number,
            subcommittee=sub,
            start=start,
            end=end,
            when=when_text(start, end, when_style),
            place=place,
            attendees=attendance_text(
                self.attendance_style, present, name=f"{c.name}{sub}", internal=rng.randint(1, 3)
            ),
            present=present,
            agenda=agenda,
            agenda_counts=counts,
            status=status,
            registered=registered,
            show_registered=not hidden,
            registered_style=registered_style,
            department=c.department_in(year),
            phone=c.phone,
            encoding="euc-kr" if old and year <= 2018 and rng.random() < 0.7 else "utf-8",
        )
        if status is Status.CANCELLED:
            meeting.cancel_note = f"이 회의는 취소되었습니다. (사유: {rng.choice(_CANCEL_REASONS)})"
        meeting.documents = self.documents(meeting, rng)
        meeting.attachments = self._materials(meeting, rng)
        return meeting

    def _agenda_counts(self, rng: random.Random) -> dict[str, int]:
        kind = self.c.kind
        primary = "자문" if "심의" not in kind and "자문" in kind else "조정" if kind == "조정" else "심의"
        if "의결" in kind and rng.random() < 0.3:
            primary = "의결"
        n = rng.randint(1, 6)
        counts = {primary: n}
        if "자문" in kind and primary != "자문" and n > 1 and rng.random() < 0.3:
            k = rng.randint(1, n - 1)
            counts = {primary: n - k, "자문": k}
        if rng.random() < 0.25:
            counts["보고"] = rng.randint(1, 2)
        return counts

    def documents(self, meeting: Meeting, rng: random.Random) -> list[Document]:
        """Notice, result and minutes as the committee's behaviour has them, if posted by today."""
        b = self.c.behaviour
        plans: list[tuple[DocKind, datetime]] = []
        if rng.random() < _NOTICE_ODDS[b] and meeting.registered.date() <= meeting.start.date():
            plans.append((DocKind.NOTICE, meeting.registered + timedelta(minutes=rng.randint(0, 90))))
        if meeting.status is Status.HELD and b in _RESULT_DELAY:
            day = meeting.start.date()
            result_delay = _weekday_offset(day, *_RESULT_DELAY[b], rng, 1)
            plans.append((DocKind.RESULT, _posted(meeting.start, result_delay, rng)))
            minutes_delay: int | None = None
            if b is Behaviour.PROMPT:
                minutes_delay = _weekday_offset(day, max(1, result_delay - 1), 5, rng, 1)
            elif b is Behaviour.LATE and rng.random() < 0.6:
                minutes_delay = _weekday_offset(day, result_delay, result_delay + 30, rng, 1)
            elif b is Behaviour.PARTIAL:
                minutes_delay = _weekday_offset(day, 5, 20, rng, 1)
            elif b is Behaviour.CLOSED:
                minutes_delay = _weekday_offset(day, 10, 30, rng, 1)
            if minutes_delay is not None:
                plans.append((DocKind.MINUTES, _posted(meeting.start, minutes_delay, rng)))
        return [self.document(meeting, kind, when, rng) for kind, when in plans if when.date() <= self.today]

    def document(self, meeting: Meeting, kind: DocKind, produced: datetime, rng: random.Random) -> Document:
        c = self.c
        disclosure, ground = self._disclosure(kind, rng)
        nid = self.nid(produced.date())
        classification = f"위원회 운영 > {c.name} 운영"
        if rng.random() < 0.4:
            classification += {
                DocKind.NOTICE: " > 회의 개최",
                DocKind.RESULT: " > 회의 결과",
                DocKind.MINUTES: " > 회의록",
            }[kind]
        doc = Document(
            nid=nid,
            kind=kind,
            title=_doc_title(kind, meeting.title, c.kind, rng),
            meeting_key=meeting.key,
            produced=produced,
            department=meeting.department,
            doc_number=f"{meeting.department}-{rng.randint(1000, 39999)}",
            disclosure=disclosure,
            ground=ground,
            retention="준영구" if kind is DocKind.MINUTES and rng.random() < 0.5 else self.retention,
            author=official(self.seed, c, meeting.year),
            author_phone=f"02-{short_phone(meeting.phone)}",
            management_no=f"{ORG_CODE}-{produced.year}-{nid % 10_000_000:07d}",
            classification=classification,
            encoding=meeting.encoding,
            date_style="compact" if produced.year <= 2018 and rng.random() < 0.3 else "dash",
        )
        doc.attachments = self._doc_files(doc, meeting, rng)
        return doc

    def _disclosure(self, kind: DocKind, rng: random.Random) -> tuple[str, int | None]:
        b = self.c.behaviour
        if kind is DocKind.NOTICE:
            return "공개", None
        if b is Behaviour.CLOSED:
            return "비공개", self.c.closed_ground or 1
        if b is Behaviour.PARTIAL:
            if kind is DocKind.RESULT:
                return ("부분공개", 5) if rng.random() < 0.5 else ("공개", None)
            return "부분공개", 6 if rng.random() < 0.6 else 5
        return "공개", None

    def _doc_files(self, doc: Document, meeting: Meeting, rng: random.Random) -> list[Attachment]:
        year = doc.produced.year
        public = doc.disclosure != "비공개"
        body_kind = FileKind.HWPX if year >= 2020 else FileKind.HWP
        files = [(f"결재문서본문.{body_kind.value}", body_kind, Role.BODY, public)]
        if doc.kind is DocKind.NOTICE and rng.random() < 0.12:
            files.append((f"붙임. {meeting.title} 개최계획.pdf", FileKind.PDF, Role.MATERIAL, public))
        if doc.kind is DocKind.RESULT and rng.random() < 0.08:
            files.append(("붙임. 심의결과 총괄표.xlsx", FileKind.XLSX, Role.TABLE, public))
        if doc.kind is DocKind.MINUTES and rng.random() < 0.45:
            kind = _minutes_kind(year, rng)
            files.append((f"{meeting.title} 회의록.{kind.value}", kind, Role.MINUTES, public))
        if doc.disclosure == "부분공개" and rng.random() < 0.6:
            files.append(("붙임. 위원 참석 및 수당 지급 명단.hwp", FileKind.HWP, Role.ROSTER, False))
        return [self._attachment(doc.nid, year, i, spec, rng) for i, spec in enumerate(files)]

    def _materials(self, meeting: Meeting, rng: random.Random) -> list[Attachment]:
        """회의자료 on the meeting page itself."""
        if self.c.behaviour in (Behaviour.CLOSED, Behaviour.NEVER) or meeting.status is Status.CANCELLED:
            return []
        files = []
        if rng.random() < 0.2:
            public = not (self.c.behaviour is Behaviour.PARTIAL and rng.random() < 0.3)
            files.append((f"{meeting.title} 회의자료.pdf", FileKind.PDF, Role.MATERIAL, public))
        if rng.random() < 0.05:
            files.append(("안건 목록.xlsx", FileKind.XLSX, Role.TABLE, True))
        year = meeting.registered.year
        return [self._attachment(meeting.nid, year, i, spec, rng) for i, spec in enumerate(files)]

    def _attachment(
        self, owner: int, year: int, index: int, spec: tuple[str, FileKind, Role, bool], rng: random.Random
    ) -> Attachment:
        name, kind, role, public = spec
        att = Attachment(
            rid=f"F{year:04d}{owner:08d}{index}", name=name, kind=kind, role=role, owner_nid=owner, public=public
        )
        roll = rng.random()
        if public and roll < 0.01:
            att.broken = True
        elif kind is FileKind.HWP and role is not Role.ROSTER:
            att.password = roll > 0.9985  # a handful per site: most HWP files open fine
            att.distribution = 0.997 < roll <= 0.9985
        return att

    def nid(self, day: date) -> int:
        """A free nid for something posted on `day`: day-major, then this committee's lane."""
        while True:
            base = NID_BASE + (day - EPOCH).days * 4000 + self.c.lane * 10
            for k in range(10):
                if base + k not in self.used:
                    self.used.add(base + k)
                    return base + k
            day += timedelta(days=1)


def writer_for(site: Site, committee: Committee) -> _CommitteeWriter:
    """A writer that can add meetings or documents to a built site without reusing its nids."""
    writer = _CommitteeWriter(committee, site.seed, scale_for(site.scale, site.today), site.today)
    for meeting in site.meetings_of.get(committee.clsf_id, []):
        writer.used.add(meeting.nid)
        writer.used.update(doc.nid for doc in meeting.documents)
    return writer


@functools.cache
def _workdays(year: int) -> tuple[tuple[date, ...], tuple[tuple[date, ...], ...]]:
    """The year's weekdays, and the same split by quarter."""
    first = date(year, 1, 1)
    days = [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]
    workdays = tuple(d for d in days if d.weekday() < 5)
    return workdays, tuple(tuple(d for d in workdays if (d.month - 1) // 3 == q) for q in range(4))


def _weekday_offset(day: date, low: int, high: int, rng: random.Random, direction: int) -> int:
    """A number of days in [low, high] that, taken from `day` in `direction`, lands on a weekday."""
    options = [n for n in range(low, high + 1) if (day + timedelta(days=direction * n)).weekday() < 5]
    return rng.choice(options) if options else rng.randint(low, high)


def _posted(start: datetime, days: int, rng: random.Random) -> datetime:
    day = start.date() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, rng.randint(9, 18), rng.randint(0, 59))


def _letters(lane: int) -> str:
    return chr(65 + lane // 26 % 26) + chr(65 + lane % 26)


def _title(c: Committee, year: int, number: int, sub: str) -> str:
    if c.title_style == "plain":
        return f"제{number}차 {c.name}{sub}"
    return f"{year}년 제{number}차 {c.name}{sub}"


def _doc_title(kind: DocKind, title: str, committee_kind: str, rng: random.Random) -> str:
    if kind is DocKind.NOTICE:
        return f"{title} 개최 안내"
    if kind is DocKind.MINUTES:
        return rng.choice((f"{title} 회의록", f"{title} 회의록", f"{title} 회의록 공개"))
    options = [f"{title} 결과 보고", f"{title} 개최 결과 보고", f"{title} 결과보고"]
    if title.endswith(")"):
        options.append(f"{title}회의 결과 보고")  # "2019년 제2차 문화재위원회(표석분과)회의 결과 보고"
    if "심의" in committee_kind:
        options.append(f"{title} 심의결과 통보")
    return rng.choice(options)


def _minutes_kind(year: int, rng: random.Random) -> FileKind:
    if year >= 2020:
        return rng.choices((FileKind.HWPX, FileKind.PDF, FileKind.HWP), weights=(70, 15, 15))[0]
    return rng.choices((FileKind.HWP, FileKind.PDF), weights=(80, 20))[0]
