"""The replica's Korean text: consistent across a meeting's documents, varied across committees."""

from __future__ import annotations

from datetime import date

import pytest

from replica import build_site
from replica.content import text_of
from replica.model import DocKind, Role, Trait
from replica.prose import DECISIONS, agenda, minutes_text, notice_text, result_text

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def site():
    return build_site("tiny", seed=1, today=TODAY)


def _committee(site, name):
    return next(c for c in site.committees if c.name == name)


def test_result_and_minutes_agree_on_outcomes(site):
    for meeting in site.meetings[:20]:
        committee = site.committee(meeting.clsf_id)
        items = agenda(site.seed, committee, meeting)
        assert len(items) == meeting.agenda_total
        _, rows = result_text(site.seed, committee, meeting)
        assert [row[3] for row in rows[1:]] == [item.outcome for item in items]
        minutes = minutes_text(site.seed, committee, meeting)
        assert [line.split(": ")[1] for line in minutes if line.startswith("→ 처리결과")] == [
            item.outcome for item in items
        ]


def test_minutes_have_speakers_items_and_attendees(site):
    meeting = site.meetings[0]
    committee = site.committee(meeting.clsf_id)
    text = "\n".join(minutes_text(site.seed, committee, meeting))
    assert "○위원장 " in text and "○위원 " in text and "○간사(" in text
    assert "성원이 되었으므로" in text and "안건 제1호" in text and "참석 위원:" in text
    assert any(outcome in text for outcome in (*DECISIONS, "자문의견 제시", "보고 접수"))


def test_masked_minutes_hide_names(site):
    meeting = site.meetings[0]
    committee = site.committee(meeting.clsf_id)
    plain = minutes_text(site.seed, committee, meeting)
    masked = "\n".join(minutes_text(site.seed, committee, meeting, mask=True))
    opening = next(line for line in plain if line.startswith("○위원장 "))
    chair = opening.split(":")[0].removeprefix("○위원장 ")
    assert chair not in masked and "위원A" in masked


def test_notice_states_when_where_what_and_who(site):
    meeting = site.meetings[0]
    committee = site.committee(meeting.clsf_id)
    text = "\n".join(notice_text(site.seed, committee, meeting, with_official=True))
    assert "1. 일시:" in text and "2. 장소:" in text and "4. 안건:" in text
    assert "주무관 (02-2133-" in text
    assert "주무관" not in "\n".join(notice_text(site.seed, committee, meeting, with_official=False))


def test_no_official_committee_notices_omit_the_official(site):
    committee = next(c for c in site.committees if Trait.NO_OFFICIAL in c.traits)
    notices = [
        (a, m, d)
        for m in site.meetings_of[committee.clsf_id]
        for d in m.documents
        if d.kind is DocKind.NOTICE
        for a in d.attachments
        if a.role is Role.BODY
    ]
    assert notices
    for att, meeting, doc in notices:
        _, lines, _ = text_of(site, att, meeting, doc)
        assert not any(line.startswith("5. 담당") for line in lines)


def test_vocabulary_differs_by_domain(site):
    def words(name: str) -> str:
        committee = _committee(site, name)
        return " ".join(
            item.title for m in site.meetings_of[committee.clsf_id] for item in agenda(site.seed, committee, m)
        )

    assert "공원" in words("도시공원위원회")
    assert any(w in words("문화재위원회") for w in ("현상변경", "문화재", "보수정비"))
    assert any(w in words("택시정책위원회") for w in ("교통", "노선", "택시", "자전거", "주차"))
