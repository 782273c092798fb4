"""Document kinds, meeting status in titles, and decisions."""

from __future__ import annotations

import pytest

from crawler.normalize.kinds import doc_type_from_title, outcomes, status_from_title
from minutes.vocabulary import DocType, MeetingStatus


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # real titles (SPEC)
        ("2019년 제2차 문화재위원회(표석분과)회의 결과 보고", DocType.RESULT),
        ("제12차 좋은빛위원회 개최 결과 보고", DocType.RESULT),
        ("2020년 제5차 국공립어린이집 확충심의위원회 개최 안내", DocType.NOTICE),
        ("2020년 제37차 좋은빛위원회 심의결과 통보", DocType.RESULT),
        # notices
        ("제3차 위원회 개최안내", DocType.NOTICE),
        ("도시계획위원회 회의 개최 알림", DocType.NOTICE),
        ("위원회 소집 통보", DocType.NOTICE),
        # results
        ("제3차 위원회 결과보고", DocType.RESULT),
        ("제3차 위원회 심의 결과", DocType.RESULT),
        ("제3차 위원회 회의결과", DocType.RESULT),
        ("제3차 위원회 의결 결과", DocType.RESULT),
        # minutes
        ("2022년 제4차 문화재위원회 회의록", DocType.MINUTES),
        ("제3차 위원회 속기록", DocType.MINUTES),
        ("회의결과(회의록) 공개", DocType.MINUTES),
        # anything else is material
        ("붙임 1. 사업계획서.pdf", DocType.MATERIAL),
        ("결재문서본문.hwpx", DocType.MATERIAL),
        ("", DocType.MATERIAL),
        (None, DocType.MATERIAL),
        ("Ã¬Â…", DocType.MATERIAL),
    ],
)
def test_doc_type_from_title(title: str | None, expected: DocType) -> None:
    assert doc_type_from_title(title) == expected


@pytest.mark.parametrize(
    ("title", "classification", "expected"),
    [
        ("결재문서본문", "회의록", DocType.MINUTES),
        ("결재문서본문", "위원회 > 회의결과", DocType.RESULT),
        ("결재문서본문", "위원회 개최 안내", DocType.NOTICE),
        ("결재문서본문", "일반문서", DocType.MATERIAL),
        ("결재문서본문", None, DocType.MATERIAL),
        # the title decides when it says something
        ("제3차 위원회 개최 안내", "회의록", DocType.NOTICE),
    ],
)
def test_doc_type_uses_classification_only_when_the_title_is_silent(
    title: str, classification: str | None, expected: DocType
) -> None:
    assert doc_type_from_title(title, classification) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "2020년 제5차 도시공원위원회 소위원회 종료",
            ("2020년 제5차 도시공원위원회 소위원회", MeetingStatus.HELD),
        ),
        ("2020년 제6차 도시공원위원회 예정", ("2020년 제6차 도시공원위원회", MeetingStatus.SCHEDULED)),
        ("2020년 제7차 도시공원위원회 취소", ("2020년 제7차 도시공원위원회", MeetingStatus.CANCELLED)),
        (
            "2022년 제4차 문화재위원회(건축분과)(취소)",
            ("2022년 제4차 문화재위원회(건축분과)", MeetingStatus.CANCELLED),
        ),
        (
            "2022년 제4차 문화재위원회(건축분과) （취소）",
            ("2022년 제4차 문화재위원회(건축분과)", MeetingStatus.CANCELLED),
        ),
        ("[취소] 2022년 제4차 문화재위원회", ("2022년 제4차 문화재위원회", MeetingStatus.CANCELLED)),
        (
            "  2022년  제4차 문화재위원회(건축분과)  ",
            ("2022년 제4차 문화재위원회(건축분과)", MeetingStatus.UNKNOWN),
        ),
        # a status word glued to a name is part of the name
        ("정비예정", ("정비예정", MeetingStatus.UNKNOWN)),
        ("", ("", MeetingStatus.UNKNOWN)),
        (None, ("", MeetingStatus.UNKNOWN)),
        ("Ã¬Â…", ("Ã¬Â…", MeetingStatus.UNKNOWN)),
    ],
)
def test_status_from_title(title: str | None, expected: tuple[str, MeetingStatus]) -> None:
    assert status_from_title(title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("가결", ["가결"]),
        ("원안가결", ["원안가결"]),
        ("원안 가결", ["원안가결"]),
        ("수정가결", ["수정가결"]),
        ("조건부 가결", ["조건부가결"]),
        ("조건부가결", ["조건부가결"]),
        ("보류", ["보류"]),
        ("부결", ["부결"]),
        ("재심의", ["재심의"]),
        (
            "1. A안: 원안가결 2. B안: 조건부 가결 3. C안: 보류 4. D안: 수정가결 5. E안: 부결 6. F안: 재심의",
            ["원안가결", "조건부가결", "보류", "수정가결", "부결", "재심의"],
        ),
        ("1. 가결 2. 가결", ["가결", "가결"]),
        # look-alike words are not decisions
        ("체비지 및 보류지 지정", []),
        ("가결정 통보", []),
        ("가부결정", []),
        ("", []),
        (None, []),
        ("Ã¬Â…", []),
    ],
)
def test_outcomes(text: str | None, expected: list[str]) -> None:
    assert outcomes(text) == expected
