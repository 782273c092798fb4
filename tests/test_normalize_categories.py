"""Category and committee from 회의분류 paths, and meeting numbers from titles."""

from __future__ import annotations

import pytest

from crawler.normalize.categories import category_from_path
from crawler.normalize.meeting_numbers import meeting_ordinal, strip_ordinal
from minutes.vocabulary import Category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # newer layout: category > committee
        ("문화관광 > 문화재위원회", (Category.CULTURE_TOURISM, "문화관광", "문화재위원회")),
        # older layout: root > category > meeting name
        (
            "위원회회의 > 환경 > 2020년 제5차 도시공원위원회 소위원회",
            (Category.ENVIRONMENT, "환경", "도시공원위원회 소위원회"),
        ),
        (
            "위원회회의 > 환경 > 2020년 제5차 도시공원위원회 종료",
            (Category.ENVIRONMENT, "환경", "도시공원위원회"),
        ),
        # spelling variants are kept as seen
        (
            "주택ㆍ도시계획 > 도시계획위원회",
            (Category.HOUSING_URBAN_PLANNING, "주택ㆍ도시계획", "도시계획위원회"),
        ),
        ("주택·도시계획 > 도시계획위원회", (Category.HOUSING_URBAN_PLANNING, "주택·도시계획", "도시계획위원회")),
        ("주택/도시계획 > 도시계획위원회", (Category.HOUSING_URBAN_PLANNING, "주택/도시계획", "도시계획위원회")),
        ("주택도시계획 > 도시계획위원회", (Category.HOUSING_URBAN_PLANNING, "주택도시계획", "도시계획위원회")),
        (
            "교통 ㆍ 건설 > 교통영향평가심의위원회",
            (Category.TRANSPORT_CONSTRUCTION, "교통 ㆍ 건설", "교통영향평가심의위원회"),
        ),
        ("세금ㆍ재정 > 지방세심의위원회", (Category.TAX_FINANCE, "세금ㆍ재정", "지방세심의위원회")),
        ("여성·가족 > 양성평등위원회", (Category.WOMEN_FAMILY, "여성·가족", "양성평등위원회")),
        ("행정ㆍ기타 > 인사위원회", (Category.ADMINISTRATION_OTHER, "행정ㆍ기타", "인사위원회")),
        # full-width separator, stray spaces
        ("  문화관광＞문화재위원회 ", (Category.CULTURE_TOURISM, "문화관광", "문화재위원회")),
        # three levels without the old root: category > committee > (ignored)
        ("환경 > 도시공원위원회 > 소위원회", (Category.ENVIRONMENT, "환경", "도시공원위원회")),
        # unknown category: no id, spelling kept
        ("기타위원회 > 어떤위원회", (None, "기타위원회", "어떤위원회")),
        # one level
        ("환경", (Category.ENVIRONMENT, "환경", "")),
        ("위원회회의 > 환경", (Category.ENVIRONMENT, "환경", "")),
        # bad input
        ("", (None, "", "")),
        (None, (None, "", "")),
        (" > ", (None, "", "")),
        ("Ã¬Â…", (None, "Ã¬Â…", "")),
    ],
)
def test_category_from_path(text: str | None, expected: tuple[Category | None, str, str]) -> None:
    assert category_from_path(text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2022년 제4차 문화재위원회(건축분과)", (2022, 4)),
        ("제12차 좋은빛위원회", (None, 12)),
        ("2020년 제37차 좋은빛위원회 심의결과 통보", (2020, 37)),
        ("2019년 제2차 문화재위원회(표석분과)회의 결과 보고", (2019, 2)),
        ("2020년도 제 5 차 도시공원위원회", (2020, 5)),
        ("２０２２년 제４차 문화재위원회", (2022, 4)),
        ("2021년 제3회 인권위원회", (2021, 3)),
        ("2021년 인권위원회", (2021, None)),
        ("좋은빛위원회 회의", (None, None)),
        ("", (None, None)),
        (None, (None, None)),
        ("Ã¬Â…", (None, None)),
    ],
)
def test_meeting_ordinal(title: str | None, expected: tuple[int | None, int | None]) -> None:
    assert meeting_ordinal(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2020년 제5차 도시공원위원회 소위원회", "도시공원위원회 소위원회"),
        ("2022년 제4차 문화재위원회(건축분과)", "문화재위원회(건축분과)"),
        ("제12차 좋은빛위원회", "좋은빛위원회"),
        ("좋은빛위원회", "좋은빛위원회"),
        ("", ""),
        (None, ""),
    ],
)
def test_strip_ordinal(title: str | None, expected: str) -> None:
    assert strip_ordinal(title) == expected
