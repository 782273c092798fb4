"""Words the replica's prose is made of, by policy domain.

Minutes of a parks committee talk about parks, those of a heritage committee about heritage: the
search index and its tests need corpora whose vocabulary differs by committee. Everything here is
plain data; `replica.prose` assembles it.
"""

from __future__ import annotations

from minutes.vocabulary import Category


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SURNAMES = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허남심노하곽성차주우구민유나진"
GIVEN = _words(
    "영수 정희 민준 서연 지훈 은정 성호 미경 재원 수진 동현 혜진 상철 경아 준호 "
    "유진 태식 지은 현우 소영 기철 명숙 승민 하늘 진우 보람 경수 은영 철민 나리 "
    "정훈 윤희 병철 선영 도윤 가은"
)

GU = _words(
    "종로구 중구 용산구 성동구 광진구 동대문구 중랑구 성북구 강북구 도봉구 노원구 "
    "은평구 서대문구 마포구 양천구 강서구 구로구 금천구 영등포구 동작구 관악구 "
    "서초구 강남구 송파구 강동구"
)
DONG = _words(
    "신당동 상암동 망원동 연희동 창신동 가리봉동 방배동 잠실동 길음동 문래동 정릉동 "
    "수유동 개포동 목동 휘경동 신림동 천호동 홍제동 이태원동 성수동 구의동 면목동 "
    "화곡동 대림동 상계동 한남동"
)
PLACES = (
    "서울시청 본관 8층 다목적홀",
    "서울시청 서소문별관 1동 4층 회의실",
    "서소문별관 1동 4층 회의실",
    "서울시청 본관 6층 기획상황실",
    "서울시청 본관 3층 대회의실",
    "서울시청 서소문별관 2동 5층 회의실",
    "서울시청 본관 12층 회의실",
    "서울도서관 4층 회의실",
    "남산별관 2층 세미나실",
    "서울시청 신청사 9층 중회의실",
)
REMOTE_PLACES = ("영상회의", "온라인 화상회의(Zoom)", "서면심의")

_SLOTS: dict[str, tuple[str, ...]] = {
    "park": _words(
        "보라매공원 서울숲 월드컵공원 북서울꿈의숲 용산공원 어린이대공원 낙산공원 "
        "응봉근린공원 초안산근린공원 개운산근린공원"
    ),
    "mountain": _words("북한산 관악산 인왕산 안산 우면산 수락산 불암산 용마산"),
    "heritage": (
        *_words("경희궁지 운현궁 한양도성 보신각터 딜쿠샤 환구단 석파정 흥인지문 숭례문 독립문"),
        "정동 일대",
    ),
    "object": (
        "흥천사 목조관음보살좌상",
        "봉은사 소장 고문서 일괄",
        "구 서울역사 부속건물",
        "창신동 근대 한옥",
        "화계사 동종",
        "조선시대 한성부 지도",
    ),
    "site": _words(
        "세빛섬 동대문디자인플라자 한강대교 반포대교 세운상가 서울로7017 코엑스 여의도공원 광화문광장 청계광장"
    ),
    "road": _words("세종대로 올림픽대로 강남대로 도봉로 동일로 시흥대로 남부순환로 통일로 천호대로 은평로"),
    "market": _words("망원시장 통인시장 광장시장 남대문시장 경동시장 남구로시장 암사종합시장"),
    "facility": _words("종합사회복지관 노인복지관 장애인복지관 지역자활센터 청소년수련관 치매안심센터"),
    "project": (
        "서울아레나 건립사업",
        "노후 하수관로 정비사업",
        "복합청사 건립사업",
        "공공도서관 건립사업",
        "빗물펌프장 증설사업",
        "체육센터 리모델링 사업",
    ),
}

_PROGRAMS: dict[str, tuple[str, ...]] = {
    "health": ("감염병 예방접종", "치매안심센터 운영", "정신건강 증진", "금연 지원", "공공보건의료 확충"),
    "economy": ("소상공인 경영안정자금", "사회적기업 육성", "창업 보육", "전통시장 활성화", "청년 일자리"),
    "welfare": ("서울형 기초보장", "희망두배 청년통장", "장애인 활동지원", "어르신 돌봄", "돌봄SOS센터"),
    "finance": ("지방보조금 운용", "기금 운용", "재정사업 성과평가", "주민참여예산"),
    "safety": ("안전관리", "풍수해 저감", "지하안전 관리", "어린이 안전", "시설물 안전점검"),
    "family": ("양성평등 기금 사업", "아동학대 예방", "청소년 활동 지원", "다문화가족 지원", "보육 지원"),
    "admin": ("시민참여 활성화", "마을공동체 지원", "인권 증진", "청년정책", "공공데이터 개방"),
    "environment": ("미세먼지 저감", "온실가스 감축", "자원순환", "에너지 자립", "빗물 관리"),
    "culture": ("지역문화 진흥", "생활체육 활성화", "관광 활성화", "공공디자인 개선", "축제 지원"),
}

AGENDA: dict[str, tuple[str, ...]] = {
    "urban": (
        "{gu} {dong} {n}번지 일대 지구단위계획 결정(변경)안",
        "{gu} {dong} 주택재개발 정비구역 지정 및 정비계획 결정안",
        "도시관리계획(용도지역) 변경 결정안({gu} {dong} 일대)",
        "{gu} {dong} 도시계획시설(도로) 결정 변경안",
        "{dong} 역세권 활성화사업 도시관리계획 결정안",
        "{gu} {dong} 재정비촉진계획 변경안",
        "{gu} {dong} 공동주택 건축계획 심의",
    ),
    "park": (
        "{park} 공원조성계획 변경 결정안",
        "{gu} {dong} 근린공원 조성계획 결정안",
        "도시자연공원구역 변경안({mountain} 일대)",
        "{park} 내 공원시설 설치계획 자문",
    ),
    "heritage": (
        "{heritage} 주변 현상변경 허가 신청 검토",
        "서울시 유형문화재 지정 신청 검토({object})",
        "{heritage} 보수정비 실시설계 검토",
        "{heritage} 역사문화환경 보존지역 내 건축행위 허용기준 조정안",
        "문화재 표석 정비계획({gu} {dong})",
    ),
    "light": (
        "{gu} {site} 경관조명 설치계획 심의",
        "{site} 미디어파사드 설치 심의",
        "{road} 가로등 교체사업 빛공해 검토",
        "{site} 옥외광고물 조명계획 심의",
    ),
    "transport": (
        "{road} 교통개선대책 심의",
        "시내버스 {n}번 노선 조정안",
        "{gu} {dong} 교통영향평가서 검토",
        "택시 운임·요율 조정안",
        "{road} 자전거도로 설치계획",
        "{gu} 공영주차장 설치계획",
    ),
    "personnel": ("{year}년 하반기 승진임용 의결", "징계 의결 요구 사건({n}건)", "임용후보자 선발 기준 심의"),
    "appeal": ("소청심사 청구 사건({n}건)", "징계처분 취소 청구 사건"),
    "disclosure": ("정보공개 청구 이의신청 사건({n}건)", "비공개 결정 이의신청 심의"),
}
GENERIC_AGENDA = (
    "{year}년 {program} 추진계획(안)",
    "{year}년 {program} 시행계획(안)",
    "{program} 지원 대상 선정 기준 개정안",
    "{program} 사업 추진 결과 보고",
    "{gu} {facility} 운영 개선 방안",
    "{project} 추진계획 검토",
    "위원회 운영세칙 일부개정안",
)

REMARKS: dict[str, tuple[str, ...]] = {
    "urban": (
        "건축물 높이가 주변 경관과 조화를 이루는지 추가 검토가 필요합니다.",
        "공공기여 비율의 산정 근거를 구체적으로 설명해 주십시오.",
        "보행 동선과 차량 진출입로가 겹치지 않도록 계획을 보완하기 바랍니다.",
        "용적률 상향에 따른 기반시설 부담 계획이 제시되어야 합니다.",
    ),
    "park": (
        "수목 식재 계획에 기존 수림대 보전 방안이 포함되어야 합니다.",
        "공원 이용객의 접근성을 높이도록 출입구 위치를 재검토해 주십시오.",
        "생태 축이 단절되지 않도록 녹지 연결 계획을 보완하기 바랍니다.",
    ),
    "heritage": (
        "문화재 주변 경관을 훼손하지 않도록 건축물 높이를 조정할 필요가 있습니다.",
        "보수 과정에서 원형 고증 자료를 충분히 확보해 주시기 바랍니다.",
        "표석 문안의 역사적 사실 관계를 다시 확인해 주십시오.",
    ),
    "light": (
        "주거지 인근 조명의 휘도가 기준을 넘지 않는지 확인이 필요합니다.",
        "야간 점등 시간을 자정까지로 제한하는 조건을 붙이는 것이 좋겠습니다.",
        "색온도를 낮추어 눈부심을 줄이는 방안을 검토해 주십시오.",
    ),
    "transport": (
        "출퇴근 시간대 교통량 분석이 보완되어야 합니다.",
        "교통약자의 이용 편의를 고려한 정류장 배치가 필요합니다.",
        "주변 도로의 서비스 수준 변화를 정량적으로 제시해 주십시오.",
    ),
    "welfare": (
        "지원 대상 선정 기준이 복지 사각지대를 만들지 않도록 보완이 필요합니다.",
        "현장 종사자의 의견도 충분히 반영해 주시기 바랍니다.",
    ),
    "health": (
        "취약계층의 의료 접근성을 높이는 방안이 함께 검토되어야 합니다.",
        "자치구 보건소와의 역할 분담을 명확히 해 주십시오.",
    ),
    "economy": (
        "지원 효과를 측정할 성과지표를 구체화할 필요가 있습니다.",
        "소상공인 현장의 체감도를 높일 방안을 마련해 주십시오.",
    ),
    "finance": (
        "보조금 집행 실적이 저조한 사업은 감액을 검토해야 합니다.",
        "사업비 산출 근거가 구체적이지 않습니다. 세부 내역을 제출해 주십시오.",
    ),
    "safety": (
        "점검 결과 지적된 사항의 조치 기한을 명확히 해 주십시오.",
        "재난 발생 시 자치구와의 협조 체계를 보완할 필요가 있습니다.",
    ),
    "family": (
        "돌봄 공백 지역을 우선 고려해 주시기 바랍니다.",
        "당사자의 의견을 듣는 절차를 마련할 필요가 있습니다.",
    ),
}
GENERIC_REMARKS = (
    "본 안건은 시민 생활에 미치는 영향이 큰 만큼 충분한 의견 수렴이 필요하다고 봅니다.",
    "사업 추진 일정이 다소 촉박해 보이는데, 단계별 계획을 보완해 주시기 바랍니다.",
    "관련 부서와의 협의 결과를 다음 회의에 보고해 주십시오.",
    "전반적으로 취지에 공감하며 원안대로 의결하는 데 동의합니다.",
    "유사 사례의 추진 결과를 참고 자료로 제출해 주시면 좋겠습니다.",
)
REPLIES = (
    "위원님께서 말씀하신 사항은 관련 부서와 협의하여 보완하도록 하겠습니다.",
    "지적하신 부분은 실시설계 단계에서 반영하겠습니다.",
    "해당 자료는 회의 종료 후 별도로 제출해 드리겠습니다.",
    "말씀하신 내용을 검토하여 다음 회의에 보고드리겠습니다.",
)

_BY_CATEGORY = {
    Category.HEALTH: "health",
    Category.ECONOMY: "economy",
    Category.TRANSPORT_CONSTRUCTION: "transport",
    Category.CULTURE_TOURISM: "culture",
    Category.WELFARE: "welfare",
    Category.TAX_FINANCE: "finance",
    Category.SAFETY: "safety",
    Category.WOMEN_FAMILY: "family",
    Category.HOUSING_URBAN_PLANNING: "urban",
    Category.ADMINISTRATION_OTHER: "admin",
    Category.ENVIRONMENT: "environment",
}
_BY_NAME = (
    ("공원", "park"),
    ("문화재", "heritage"),
    ("유산", "heritage"),
    ("한양도성", "heritage"),
    ("빛", "light"),
    ("인사위원회", "personnel"),
    ("소청", "appeal"),
    ("정보공개", "disclosure"),
    ("교통", "transport"),
    ("버스", "transport"),
    ("택시", "transport"),
    ("도로", "transport"),
    ("도시계획", "urban"),
    ("건축", "urban"),
    ("정비", "urban"),
)


def domain_of(name: str, category: Category) -> str:
    """The vocabulary a committee speaks: by keyword in its name, else by its category."""
    for word, domain in _BY_NAME:
        if word in name:
            return domain
    return _BY_CATEGORY[category]


def slots(domain: str) -> dict[str, tuple[str, ...]]:
    """Fillers for agenda templates; `program` depends on the domain."""
    programs = _PROGRAMS.get(domain) or _PROGRAMS["admin"]
    return {**_SLOTS, "gu": tuple(GU), "dong": tuple(DONG), "program": programs}
