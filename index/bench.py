"""`python -m index.bench`: the Whoosh index beside SQLite FTS5 (trigram) on the same corpus, same run.

Builds both from one generated archive of ≥100k documents (`index.corpus`, ~5 KB of Korean
minutes text each), then measures warm latency over a query mix that includes the commonest words:

    (a) top-10 documents by relevance
    (b) (a) + facet counts (meetings) for category, committee, year, document type, and totals
    (c) the portal's search: (b) + one page of 10 meetings grouped with their matching documents
        and highlighted snippets

FTS5's trigram tokenizer cannot index words shorter than three characters, so 회의 and 심의 are
searched there with instr() (a scan; LIKE returns no rows for them), as an FTS5 deployment would
have to. Both engines highlight with
the same snippet function, so (c) compares matching, counting and grouping. `--analysis` and
`--granularity` print the measurements behind the analyzer and the index layout.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

QUERIES = (
    "위원회", "회의", "심의", "도시계획", "회의록을", "교통", "원안가결", "조건부 가결", '"원안대로 가결"',
    "공원 조성", "현상변경", "주차장", "보조금", "지구단위계획", "재개발 정비구역", "서울시청 본관",
)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--data", default="var/bench", help="where the corpus and both indexes live")
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the query mix")
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--reuse", action="store_true", help="reuse indexes built by an earlier run")
    parser.add_argument("--analysis", action="store_true", help="analyzer comparison on a sample")
    parser.add_argument("--granularity", action="store_true", help="postings per document vs per meeting")
    parser.add_argument("--json", default=None, help="also write the figures to this file")
    args = parser.parse_args(argv)

    from index.corpus import ensure_corpus
    from minutes.archive import Archive

    data = Path(args.data) / f"corpus-{args.documents}"
    started = time.perf_counter()
    info = ensure_corpus(data, args.documents)
    print(f"corpus: {info} ({time.perf_counter() - started:.0f} s)", flush=True)
    archive = Archive(data)
    report: dict[str, Any] = {"corpus": info}
    if args.analysis:
        report["analysis"] = analysis_comparison(archive)
    if args.granularity:
        report["granularity"] = granularity(archive)
    report["whoosh_build"] = build_whoosh(archive, data / "index", args.procs, args.reuse)
    report["fts5_build"] = build_fts5(archive, data / "fts5.sqlite", args.reuse)
    report["latency"] = measure(data, args.rounds)
    print_table(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


# -- building ---------------------------------------------------------------------------------


def build_whoosh(archive: Any, index_dir: Path, procs: int, reuse: bool) -> dict[str, float]:
    from index.store import current_path
    from index.writer import rebuild

    path = current_path(index_dir)
    if reuse and path is not None and path.exists():
        return {"seconds": float("nan"), "mb": _size(path) / 1e6, "reused": 1}
    report = rebuild(archive, index_dir, procs=procs, progress=_progress("whoosh"))
    path = current_path(index_dir)
    assert path is not None
    figures = {"seconds": report.seconds, "mb": _size(path) / 1e6, "documents": report.added}
    print(f"whoosh build: {figures}", flush=True)
    return figures


def build_fts5(archive: Any, db_path: Path, reuse: bool) -> dict[str, float]:
    from index.documents import fields_of, sources

    if reuse and db_path.exists():
        return {"seconds": float("nan"), "mb": db_path.stat().st_size / 1e6, "reused": 1}
    db_path.unlink(missing_ok=True)
    started = time.perf_counter()
    con = sqlite3.connect(db_path)
    con.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE docs(id INTEGER PRIMARY KEY, doc_id TEXT, meeting_id TEXT, committee_id TEXT,
            committee TEXT, category TEXT, year INT, start_ts INT, doc_type TEXT, disclosure TEXT,
            title TEXT, meeting_title TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(body, tokenize='trigram');
        """
    )
    count = 0
    with con:
        for source in sources(archive):
            f = fields_of(source, archive)
            count += 1
            con.execute(
                "INSERT INTO docs VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (count, f["doc_id"], f["meeting_id"] or f"doc:{f['doc_id']}", f["committee_id"], f["committee"],
                 f["category"], f["year"], f["start_ts"], f["doc_type"], f["disclosure"], f["title"],
                 f["meeting_title"]),
            )  # fmt: skip
            con.execute("INSERT INTO fts(rowid, body) VALUES (?, ?)", (count, f["body"]))
            if count % 10000 == 0:
                print(f"  fts5 {count}", flush=True)
        con.execute("CREATE INDEX docs_meeting ON docs(meeting_id)")
    con.close()
    figures = {"seconds": time.perf_counter() - started, "mb": db_path.stat().st_size / 1e6, "documents": count}
    print(f"fts5 build: {figures}", flush=True)
    return figures


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _progress(name: str) -> Callable[[int], None]:
    def report(count: int) -> None:
        if count % 10000 == 0:
            print(f"  {name} {count}", flush=True)

    return report


# -- querying ---------------------------------------------------------------------------------


class WhooshBench:
    def __init__(self, index_dir: Path) -> None:
        from index.searcher import SearcherHolder

        self.holder = SearcherHolder(index_dir)
        started = time.perf_counter()
        self.holder.snapshot()
        self.open_seconds = time.perf_counter() - started

    def _match(self, q: str) -> tuple[Any, Any, Any, set[int]]:
        from index.matching import Matcher, compile_query
        from index.query import parse

        snap = self.holder.snapshot()
        parsed = parse(q)
        compiled = compile_query(parsed)
        matcher = Matcher(snap)
        return snap, matcher, compiled, matcher.docs(parsed, compiled, snap.live)

    def _top(self, snap: Any, matcher: Any, compiled: Any, docs: set[int]) -> list[str]:
        from index.search import top_documents

        top = top_documents(matcher.scores(compiled, docs), 10)
        return [snap.searcher.stored_fields(d)["title"] for d, _ in top]

    def top10(self, q: str) -> list[str]:
        return self._top(*self._match(q))

    def facets(self, q: str) -> Any:
        from index.search import _facets

        snap, matcher, compiled, docs = self._match(q)
        groups = snap.groups(docs)
        return self._top(snap, matcher, compiled, docs), _facets(snap, docs, groups), len(groups), len(docs)

    def full(self, q: str) -> Any:
        from index.search import search

        return search(self.holder, q)


class Fts5Bench:
    def __init__(self, db_path: Path) -> None:
        self.con = sqlite3.connect(db_path, check_same_thread=False)

    def _where(self, q: str) -> tuple[str, list[str], bool]:
        from index.query import parse

        parsed = parse(q)
        match, likes = [], []
        for group in parsed.must:
            clause = group[0]
            text = clause.text
            if len(text.replace(" ", "")) >= 3:
                match.append('"' + text.replace('"', "") + '"')
            else:
                likes.append(text)
        where, params = [], []
        if match:
            where.append("fts MATCH ?")
            params.append(" AND ".join(match))
        for like in likes:  # trigram cannot look up < 3 characters: scan (LIKE would return no rows)
            where.append("instr(body, ?) > 0")
            params.append(like)
        return " AND ".join(where) or "1", params, bool(match)

    def _matches(self, q: str) -> None:
        where, params, ranked = self._where(q)
        score = "bm25(fts)" if ranked else "0"
        self.con.execute("DROP TABLE IF EXISTS temp.m")
        self.con.execute(f"CREATE TEMP TABLE m AS SELECT rowid AS id, {score} AS score FROM fts WHERE {where}", params)

    def top10(self, q: str) -> list[str]:
        where, params, ranked = self._where(q)
        order = "ORDER BY bm25(fts)" if ranked else ""
        rows = self.con.execute(
            f"SELECT docs.title FROM fts JOIN docs ON docs.id = fts.rowid WHERE {where} {order} LIMIT 10", params
        ).fetchall()
        return [r[0] for r in rows]

    def _facet_counts(self) -> Any:
        out = {}
        for name in ("category", "committee_id", "year", "doc_type"):
            out[name] = self.con.execute(
                f"SELECT d.{name}, COUNT(DISTINCT d.meeting_id) FROM m JOIN docs d ON d.id = m.id GROUP BY 1"
            ).fetchall()
        totals = self.con.execute("SELECT COUNT(*), COUNT(DISTINCT d.meeting_id) FROM m JOIN docs d ON d.id = m.id")
        return out, totals.fetchone()

    def facets(self, q: str) -> Any:
        self._matches(q)
        top = self.con.execute("SELECT d.title FROM m JOIN docs d ON d.id = m.id ORDER BY m.score LIMIT 10").fetchall()
        return top, self._facet_counts()

    def full(self, q: str) -> Any:
        from index.matching import compile_query
        from index.query import parse
        from index.snippets import snippet

        self._matches(q)
        facets = self._facet_counts()
        meetings = self.con.execute(
            "SELECT d.meeting_id, MIN(m.score) AS s FROM m JOIN docs d ON d.id = m.id "
            "GROUP BY d.meeting_id ORDER BY s, d.meeting_id LIMIT 10"
        ).fetchall()
        ids = [r[0] for r in meetings]
        marks = ",".join("?" * len(ids))
        rows = self.con.execute(
            f"SELECT d.meeting_id, d.doc_id, d.title, f.body FROM m JOIN docs d ON d.id = m.id "
            f"JOIN fts f ON f.rowid = m.id WHERE d.meeting_id IN ({marks})",
            ids,
        ).fetchall()
        patterns = [c.pattern for g in compile_query(parse(q)) for c in g if c is not None]
        docs = [(mid, did, title, snippet(body.split("\n", 1)[-1], patterns)) for mid, did, title, body in rows]
        return facets, meetings, docs


def measure(data: Path, rounds: int) -> dict[str, Any]:
    whoosh = WhooshBench(data / "index")
    print(f"whoosh: searcher + in-memory maps opened in {whoosh.open_seconds * 1000:.0f} ms", flush=True)
    fts5 = Fts5Bench(data / "fts5.sqlite")
    out: dict[str, Any] = {"whoosh_open_ms": whoosh.open_seconds * 1000, "per_query": {}}
    for name, engine in (("whoosh", whoosh), ("fts5", fts5)):
        for kind in ("top10", "facets", "full"):
            fn = getattr(engine, kind)
            samples: list[float] = []
            per_query: dict[str, list[float]] = {}
            for q in QUERIES:  # warm-up pass
                fn(q)
            for _ in range(rounds):
                for q in QUERIES:
                    t = time.perf_counter()
                    fn(q)
                    ms = (time.perf_counter() - t) * 1000
                    samples.append(ms)
                    per_query.setdefault(q, []).append(ms)
            out[f"{name}_{kind}"] = _stats(samples)
            out["per_query"][f"{name}_{kind}"] = {q: round(statistics.median(v), 1) for q, v in per_query.items()}
            print(f"{name} {kind}: {out[f'{name}_{kind}']}", flush=True)
    return out


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50": round(statistics.median(ordered), 1),
        "p95": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 1),
        "max": round(ordered[-1], 1),
    }


# -- measurements behind the design ------------------------------------------------------------


def analysis_comparison(archive: Any, sample: int = 3000) -> dict[str, Any]:
    """Recall and precision against substring truth: Whoosh's StandardAnalyzer vs ours.

    Truth for a query word is "the normalised text contains it". Ours: every `word_terms()` term
    is among the document's `index_terms()` (what the index does for an unquoted word).
    """
    from whoosh.analysis import StandardAnalyzer

    from index.analysis import index_terms, normalize, terms, word_terms
    from index.documents import fields_of, sources
    from index.query import strip_particle

    words = ("위원회", "회의록을", "교통", "도시계획", "원안가결", "의결", "공원", "심의", "주차장", "현상변경")
    std = StandardAnalyzer()
    everything = list(sources(archive))
    step = max(1, len(everything) // sample)
    texts = [fields_of(source, archive)["body"] for source in everything[::step][:sample]]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    ours_terms = [set(index_terms(t)) for t in texts]
    std_terms = [{tok.text for tok in std(t)} for t in texts]
    started = time.perf_counter()
    tokens = sum(len(terms(t)) for t in texts)
    speed = mb / (time.perf_counter() - started)
    rows = {}
    for word in words:
        stem = normalize(strip_particle(word))
        truth = {i for i, t in enumerate(texts) if stem in t}
        need = set(word_terms(stem))
        ours = {i for i, ts in enumerate(ours_terms) if need <= ts}
        plain = {i for i, ts in enumerate(std_terms) if word.lower() in ts}
        rows[word] = {
            "truth": len(truth),
            "ours_recall": _ratio(len(ours & truth), len(truth)),
            "ours_precision": _ratio(len(ours & truth), len(ours)),
            "standard_recall": _ratio(len(plain & truth), len(truth)),
        }
    result = {"sample_docs": len(texts), "mb": round(mb, 1), "tokens_per_kb": round(tokens / (mb * 1000), 1),
              "tokenise_mb_s": round(speed, 1), "words": rows}  # fmt: skip
    print(f"analysis: {json.dumps(result, ensure_ascii=False)}", flush=True)
    return result


def granularity(archive: Any, sample_meetings: int = 3000) -> dict[str, Any]:
    """Postings (distinct term × index document) per document vs merged per meeting."""
    from index.analysis import index_terms
    from index.documents import fields_of, sources

    per_meeting: dict[str, set[str]] = {}
    per_doc = 0
    for source in sources(archive):
        key = source.meeting.meeting_id if source.meeting else source.doc_id
        if key not in per_meeting and len(per_meeting) >= sample_meetings:
            continue
        found = set(index_terms(fields_of(source, archive)["body"]))
        per_doc += len(found)
        per_meeting.setdefault(key, set()).update(found)
    merged = sum(len(s) for s in per_meeting.values())
    result = {"meetings": len(per_meeting), "postings_per_document": per_doc, "postings_per_meeting": merged,
              "ratio": _ratio(per_doc, merged)}  # fmt: skip
    print(f"granularity: {result}", flush=True)
    return result


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else float("nan")


def print_table(report: dict[str, Any]) -> None:
    lat, wb, fb = report["latency"], report["whoosh_build"], report["fts5_build"]
    corpus = report["corpus"]
    print()
    print(f"corpus: {corpus['documents']} documents, {corpus['meetings']} meetings, {corpus['text_mb']} MB text")
    columns = ["engine", "build s", "size MB", "(a) top-10", "(b) +facets", "(c) grouped+highlights"]
    print("| " + " | ".join(columns) + " |  (latency: p50 / p95 ms)")
    print("|---|---|---|---|---|---|")
    for name, build in (("whoosh (bigram+trigram)", wb), ("sqlite fts5 trigram", fb)):
        key = "whoosh" if name.startswith("whoosh") else "fts5"
        cells = [f"{lat[f'{key}_{k}']['p50']} / {lat[f'{key}_{k}']['p95']}" for k in ("top10", "facets", "full")]
        print(f"| {name} | {build['seconds']:.0f} | {build['mb']:.0f} | " + " | ".join(cells) + " |")
    print(f"whoosh searcher open (incl. in-memory maps): {lat['whoosh_open_ms']:.0f} ms")
    sys.stdout.flush()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
