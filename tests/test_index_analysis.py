"""The Korean analyzer's exact tokens on real sentences, and the index terms behind fast lookups."""

from __future__ import annotations

import pickle

import pytest

from index.analysis import KoreanTokenizer, index_terms, korean_analyzer, normalize, word_terms, words


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("2022년 제4차 문화재위원회(건축분과)",
         ["2022", "년", "제", "4", "차", "문화", "화재", "재위", "위원", "원회", "건축", "축분", "분과"]),
        ("서울특별시 도시공원 조례 제24조",
         ["서울", "울특", "특별", "별시", "도시", "시공", "공원", "조례", "제", "24", "조"]),
        ("○위원장 김영수: 원안가결되었음을 선포합니다.",
         ["위원", "원장", "김영", "영수", "원안", "안가", "가결", "결되", "되었", "었음", "음을", "선포", "포합",
          "합니", "니다"]),
        ("ＶＥ　２０２４", ["ve", "2024"]),
        ("회의 결과", ["회의", "결과"]),
    ],
)  # fmt: skip
def test_exact_tokens(text, tokens):
    assert words(text) == tokens


def test_positions_are_consecutive_and_chars_point_into_the_normalised_text():
    text = "제3차 도시계획위원회"
    tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in korean_analyzer()(text, positions=True, chars=True)]
    assert [t[1] for t in tokens] == list(range(len(tokens)))
    norm = normalize(text)
    assert all(norm[start:end] == term for term, _, start, end in tokens)


def test_nfc_and_nfkc_forms_fold_together():
    decomposed = "\u1112\u1161\u11ab\u1100\u1173\u11af"  # 한글 as conjoining jamo (NFD)
    assert words(decomposed) == words("한글") == ["한글"]
    assert words("㈜서울") == words("(주)서울")


def test_index_terms_add_trigrams_and_script_joins():
    terms = index_terms(normalize("도시계획 제24조"))
    assert {"도시", "시계", "계획", "도시계", "시계획", "제", "24", "조", "제_24", "24_조"} == set(terms)


def test_no_term_bridges_a_space():
    terms = index_terms(normalize("회의 결과"))
    assert "의결" not in terms and "의 결" not in terms


def test_query_words_become_lookups():
    assert word_terms("위원회") == ["위원회"]
    assert word_terms("교통") == ["교통"]
    assert word_terms("도시계획") == ["도시계", "시계획"]
    assert word_terms("제24조") == ["24", "제_24", "24_조"]
    assert word_terms("VE") == ["ve"]


def test_tokenizer_pickles_as_a_class_reference():
    analyzer = korean_analyzer()
    assert pickle.loads(pickle.dumps(analyzer)) == analyzer
    assert isinstance(analyzer, KoreanTokenizer)
    assert len(pickle.dumps(analyzer)) < 200
