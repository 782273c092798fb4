"""Incremental updates, the rebuild swap, multi-segment indexes and the schema version check."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest
from whoosh import index as whoosh_index

from index import SchemaMismatch, SearcherHolder, rebuild, search, update
from index.errors import IndexMissing
from index.store import META, current_path
from minutes.archive import Archive
from minutes.domain import to_dict
from tests.index_corpus import DOCS, MEETINGS, SEEN, Doc, put_doc, write_archive


def test_update_picks_up_a_changed_and_a_new_record_without_duplicates(tmp_path):
    write_archive(tmp_path)
    first = update(Archive(tmp_path), tmp_path / "index")  # nothing built yet: builds
    assert first.kind == "rebuild" and first.added == len(MEETINGS) + len(DOCS)
    holder = SearcherHolder(tmp_path / "index")
    assert search(holder, "저상버스").total_documents == 1

    later = SEEN + timedelta(days=1)
    archive = Archive(tmp_path, writable=True)
    changed = dataclasses.replace(DOCS[3].document, title="2023년 제1차 교통약자이동편의증진위원회 결과 보고(수정)")
    put_doc(archive, Doc(changed, ["회의 결과를 다음과 같이 보고합니다. 전기버스 도입 계획을 자문함."]), seen=later)
    new = Doc(dataclasses.replace(DOCS[0].document, document_id="doc-14", title="추가 회의자료"), ["녹지 축 연결 계획"])
    put_doc(archive, new, seen=later)
    archive.store.put("meetings", "mtg-2", to_dict(MEETINGS[1]), seen_at=later)  # seen again, unchanged
    archive.close()

    report = update(Archive(tmp_path), tmp_path / "index")
    assert (report.added, report.updated, report.deleted) == (1, 1, 0)
    assert report.unchanged == len(MEETINGS) + len(DOCS) - 1
    assert search(holder, "저상버스").total_documents == 0
    assert search(holder, "전기버스").total_documents == 1
    assert search(holder, "녹지").total_documents == 1
    again = update(Archive(tmp_path), tmp_path / "index")
    assert (again.added, again.updated, again.deleted) == (0, 0, 0)
    everything = search(holder, "", per_page=100)
    ids = [d.document_id for m in everything.meetings for d in m.documents]
    assert len(ids) == len(set(ids)) == everything.total_documents == len(MEETINGS) + len(DOCS) + 1
    with whoosh_index.open_dir(str(current_path(tmp_path / "index"))).searcher() as s:
        assert s.doc_count() == len(MEETINGS) + len(DOCS) + 1


def test_multi_segment_index_searches_and_counts_the_same(tmp_path):
    one = tmp_path / "one"
    write_archive(one)
    rebuild(Archive(one), one / "index")
    two = tmp_path / "two"
    write_archive(two, docs=DOCS[:4])
    rebuild(Archive(two), two / "index")
    archive = Archive(two, writable=True)
    for item in DOCS[4:]:
        put_doc(archive, item)
    archive.close()
    update(Archive(two), two / "index", merge=False)
    with whoosh_index.open_dir(str(current_path(two / "index"))).reader() as reader:
        assert len(list(reader.leaf_readers())) == 2
    a, b = SearcherHolder(one / "index"), SearcherHolder(two / "index")
    for query in ("위원회", "회의록을", "교통", "VE", '"회의 결과"', ""):
        ra, rb = search(a, query, sort="date"), search(b, query, sort="date")
        assert ra.to_api_dict() == rb.to_api_dict(), query


def test_rebuild_swaps_while_a_searcher_is_open(tmp_path):
    write_archive(tmp_path, docs=DOCS[:3])
    rebuild(Archive(tmp_path), tmp_path / "index")
    holder = SearcherHolder(tmp_path / "index")
    old = holder.snapshot()
    assert search(holder, "VE").total_documents == 0
    archive = Archive(tmp_path, writable=True)
    for item in DOCS[3:]:
        put_doc(archive, item)
    archive.close()
    rebuild(Archive(tmp_path), tmp_path / "index")
    # the old snapshot still answers (its build is kept until the next rebuild) ...
    assert old.searcher.doc_count() == len(MEETINGS) + 3
    # ... and the holder opens exactly one new searcher for the new build
    assert search(holder, "VE").total_documents == 2
    assert holder.opened == 2
    search(holder, "VE")
    assert holder.opened == 2
    rebuild(Archive(tmp_path), tmp_path / "index")
    assert len(list((tmp_path / "index").glob("build-*"))) == 2  # the live one and the one before


def test_schema_version_mismatch_is_refused_with_what_to_run(tmp_path):
    write_archive(tmp_path)
    rebuild(Archive(tmp_path), tmp_path / "index")
    meta_path = current_path(tmp_path / "index") / META
    meta = json.loads(meta_path.read_text())
    meta_path.write_text(json.dumps(dict(meta, schema_version=0)))
    with pytest.raises(SchemaMismatch, match="minutes index --rebuild"):
        search(SearcherHolder(tmp_path / "index"), "위원회")


def test_missing_index_says_what_to_run(tmp_path):
    with pytest.raises(IndexMissing, match="minutes index"):
        search(SearcherHolder(tmp_path / "index"), "위원회")
