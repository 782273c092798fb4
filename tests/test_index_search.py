"""Relevance, phrases, facets and pages on a real Whoosh index built from a small literal archive."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from index import SearcherHolder, SearchFilters, rebuild, search
from tests.index_corpus import searchable_texts, write_archive


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    archive = write_archive(data)
    rebuild(archive, data / "index")
    holder = SearcherHolder(data / "index")
    yield archive, holder
    holder.close()


def meetings(holder, query, filters=None, **kw):
    return [m.meeting_id for m in search(holder, query, filters, **kw).meetings]


def doc_ids(holder, query, filters=None, **kw):
    return {d.document_id for m in search(holder, query, filters, **kw).meetings for d in m.documents}


def test_compound_word_inside_a_longer_name(built):
    _, holder = built
    assert {"mtg-1", "mtg-2", "mtg-3", "mtg-4", "mtg-5"} <= set(meetings(holder, "위원회"))


def test_particle_on_the_query_word(built):
    _, holder = built
    assert {"doc-12", "doc-22", "doc-31"} <= doc_ids(holder, "회의록을")


def test_prefix_of_a_long_compound(built):
    _, holder = built
    assert set(meetings(holder, "교통")) == {"mtg-2", "mtg-5"}


def test_mixed_script(built):
    _, holder = built
    assert doc_ids(holder, "조례 제24조") == {"doc-12"}
    assert doc_ids(holder, "VE") == {"doc-21", "doc-32"}
    assert doc_ids(holder, "ＶＥ") == {"doc-21", "doc-32"}  # full-width query, half-width text
    assert doc_ids(holder, "2024") >= {"doc-32"}  # ２０２４ in the text


def test_phrase_with_quotes(built):
    _, holder = built
    assert doc_ids(holder, '"원안가결되었음을 선포"') == {"doc-12"}
    assert doc_ids(holder, '"선포 원안가결되었음을"') == set()  # the words, in the wrong order
    assert doc_ids(holder, '"회의 결과"') == {"doc-21"}


def test_no_bigram_across_a_word_boundary(built):
    _, holder = built
    # "회의 결과" holds 의 + 결 across a space: 의결 must not find doc-21 (it does find 의결 itself)
    assert "doc-21" not in doc_ids(holder, "의결")
    assert "doc-12" in doc_ids(holder, "의결")


def test_phrase_gaps_case_and_bounds(built):
    _, holder = built
    assert doc_ids(holder, '"저상버스 도입 계획 ve"') == {"doc-21"}  # Latin in a phrase, any case
    assert doc_ids(holder, '"조례, 제24조"') == {"doc-12"}  # punctuation typed, none in the text
    assert doc_ids(holder, '"도시공원 조례 제2"') == set()  # 2 is not the token 24


def test_concurrent_searches_agree(built):
    from concurrent.futures import ThreadPoolExecutor

    _, holder = built
    queries = ["위원회", "회의록을", "교통", "VE", '"회의 결과"'] * 8
    expected = [search(holder, q).to_api_dict() for q in queries]
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(lambda q: search(holder, q).to_api_dict(), queries)) == expected


def test_garbage_is_searched_leniently(built):
    _, holder = built
    for garbage in ['"unclosed AND ( OR', "((", "OR", '"', "-", "*"]:
        search(holder, garbage)  # never raises


def test_exclusion_and_or(built):
    _, holder = built
    assert "mtg-1" not in meetings(holder, "위원회 -도시계획")
    assert doc_ids(holder, "-위원회") == {"doc-22", "doc-32", "doc-90"}  # exclusion works per document
    assert set(meetings(holder, "문화재 OR 교통약자")) == {"mtg-2", "mtg-3", "mtg-5"}


def test_snippets_are_escaped_with_only_our_marks(built):
    _, holder = built
    results = search(holder, "script")
    (doc,) = [d for m in results.meetings for d in m.documents]
    assert "<script>" not in doc.snippet and "&lt;<mark>script</mark>&gt;" in doc.snippet
    assert set(re.findall(r"</?[a-z]+", doc.snippet)) == {"<mark", "</mark"}
    assert "&amp;" in doc.snippet


def _expected(archive, word, filters):
    """Meeting counts by facet, computed from the archive itself (substring of title + text)."""
    counts = {"category": Counter(), "year": Counter(), "doc_type": Counter()}
    seen = set()
    for doc_id, (meeting, document, text) in searchable_texts(archive).items():
        if word not in text:
            continue
        group = meeting.meeting_id if meeting else doc_id
        category = meeting.category.value if meeting and meeting.category else ""
        when = meeting.start if meeting else document.produced_at
        doc_type = document.doc_type.value if document else "meeting"
        if filters.get("category") and category != filters["category"]:
            continue
        if filters.get("year") and when.year != filters["year"]:
            continue
        if filters.get("doc_type") and doc_type != filters["doc_type"]:
            continue
        counts["doc_type"][(group, doc_type)] += 1
        if group not in seen:
            seen.add(group)
            if category:
                counts["category"][category] += 1
            counts["year"][str(when.year)] += 1
    counts["doc_type"] = Counter(t for _, t in counts["doc_type"])
    return counts, len(seen)


@pytest.mark.parametrize(
    ("word", "filters"),
    [("위원회", {}), ("회의", {}), ("위원회", {"year": 2024}), ("회의", {"category": "transport-construction"}),
     ("위원회", {"doc_type": "minutes"}), ("개최", {})],
)  # fmt: skip
def test_facet_counts_equal_counts_from_the_archive(built, word, filters):
    archive, holder = built
    expected, total = _expected(archive, word, filters)
    results = search(
        holder, word,
        SearchFilters(category=tuple(filter(None, [filters.get("category")])),
                      year=tuple(filter(None, [filters.get("year")])),
                      doc_type=tuple(filter(None, [filters.get("doc_type")]))),
    )  # fmt: skip
    assert results.total_meetings == total
    for name in ("category", "year", "doc_type"):
        got = {v.value: v.count for v in results.facets[name]}
        assert got == dict(expected[name]), name


def test_pagination_and_sort_by_date(built):
    _, holder = built
    first = search(holder, "위원회", sort="date", per_page=2, page=1)
    second = search(holder, "위원회", sort="date", per_page=2, page=2)
    third = search(holder, "위원회", sort="date", per_page=2, page=3)
    ids = [m.meeting_id for r in (first, second, third) for m in r.meetings]
    assert ids == ["mtg-4", "mtg-1", "mtg-5", "mtg-2", "mtg-3"]
    assert first.total_meetings == 5 and first.pages == 3


def test_relevance_pages_do_not_overlap_and_cover_every_meeting(built):
    _, holder = built
    total = search(holder, "위원회").total_meetings
    ids = [m.meeting_id for page in (1, 2, 3) for m in search(holder, "위원회", per_page=2, page=page).meetings]
    assert len(ids) == len(set(ids)) == total


def test_api_shape(built):
    _, holder = built
    body = search(holder, "도시계획", SearchFilters(year=(2024,))).to_api_dict()
    assert set(body) == {"total_meetings", "total_documents", "page", "per_page", "facets", "meetings"}
    assert set(body["facets"]) == {"category", "committee", "year", "doc_type", "disclosure"}
    assert all(set(v) == {"value", "label", "count"} for vs in body["facets"].values() for v in vs)
    meeting = body["meetings"][0]
    assert set(meeting) == {"meeting_id", "title", "committee_id", "committee", "category", "start", "status",
                            "source_url", "documents"}  # fmt: skip
    assert meeting["start"].endswith("+09:00")
    assert set(meeting["documents"][0]) == {"document_id", "doc_type", "title", "snippet"}
    assert {v["value"] for v in body["facets"]["disclosure"]} <= {"public", "partial", "closed"}


def test_filters_by_committee_disclosure_and_date_range(built):
    from datetime import date

    _, holder = built
    assert set(meetings(holder, "", SearchFilters(committee=("cmit-2",)))) == {"mtg-2", "mtg-5"}
    assert doc_ids(holder, "", SearchFilters(disclosure=("partial",))) == {"doc-21"}
    window = SearchFilters(date_from=date(2024, 1, 1), date_to=date(2024, 3, 31))
    assert set(meetings(holder, "위원회", window)) == {"mtg-1", "mtg-5"}


def test_snippet_windows_and_ellipses():
    from index.matching import compile_clause
    from index.query import Clause
    from index.snippets import snippet

    text = "가" * 300 + " 위원회 " + "나" * 300 + " 위원회 " + "다" * 300
    pattern = compile_clause(Clause(("위원회",))).pattern
    out = snippet(text, [pattern])
    assert out.count("<mark>위원회</mark>") == 2
    assert out.startswith("…") and out.endswith("…") and "… … …" not in out and out.count(" … ") == 1
    assert snippet("짧은 본문", [pattern]) == "짧은 본문"
