"""The query functions: each page AND its JSON twin call one of these and render what it returns.

They read the in-memory read model (and, for search, the index through `PortalState.search`) and
raise `NotFound`/`BadRequest` for ids and values that do not exist, so both renderings fail the
same way. `search()` and `meeting()` block (Whoosh, reading text files): handlers run them in a
worker thread.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from pathlib import Path

from minutes.domain import Document, FileRecord, Meeting
from minutes.vocabulary import Category, Disclosure, DocType, FileStatus, MeetingStatus
from portal.errors import BadRequest, NotFound
from portal.params import MAX_RESULTS, YEARS, SearchParams, valid_id
from portal.readmodel import ReadModel
from portal.state import PortalState
from portal.views import (
    CategoriesView,
    CategoryCount,
    CategoryView,
    Chip,
    CommitteeRow,
    CommitteesView,
    CommitteeView,
    DocumentSummary,
    DocumentView,
    FacetGroup,
    FacetOption,
    FileView,
    Freshness,
    HomeView,
    MeetingSummary,
    MeetingView,
    SearchView,
    TimelineEntry,
)

INLINE_TEXT_CHARS = 200_000  # beyond this a text is cut on the page; the text file has all of it
HOME_LIST = 8
_UNDOWNLOADABLE = {FileStatus.NOT_PUBLIC, FileStatus.DOWNLOAD_ERROR}


def summary(model: ReadModel, meeting: Meeting) -> MeetingSummary:
    return MeetingSummary(
        meeting_id=meeting.meeting_id,
        title=meeting.title,
        committee_id=meeting.committee_id or "",
        committee=model.committee_name(meeting),
        category=model.category_of(meeting),
        start=meeting.start,
        status=meeting.status,
        source_url=meeting.source_url,
        vanished=meeting.meeting_id in model.vanished,
    )


def document_summary(model: ReadModel, document: Document) -> DocumentSummary:
    meeting = model.meetings.get(document.meeting_id or "")
    return DocumentSummary(
        document_id=document.document_id,
        doc_type=document.doc_type,
        title=document.title,
        posted_at=document.produced_at,
        disclosure=document.disclosure.level if document.disclosure else None,
        meeting=summary(model, meeting) if meeting else None,
    )


def freshness(model: ReadModel) -> Freshness:
    return Freshness(model.freshness.finished_at, model.freshness.base_url, model.demo)


# -- home and categories -----------------------------------------------------------------------


def category_counts(model: ReadModel) -> list[CategoryCount]:
    """The eleven categories in the vocabulary's order, then "uncategorised" when any committee is."""
    out = [
        CategoryCount(c, len(model.committees_of_category.get(c.value, [])), model.meetings_of_category.get(c.value, 0))
        for c in Category
    ]
    loose = len(model.committees_of_category.get("", []))
    if loose:
        out.append(CategoryCount(None, loose, model.meetings_of_category.get("", 0)))
    return out


def home(state: PortalState) -> HomeView:
    model = state.model()
    now = state.clock()
    latest = [model.documents[d] for d in model.latest_minutes[:HOME_LIST]]
    return HomeView(
        categories=category_counts(model)[: len(Category)],
        latest_minutes=[document_summary(model, d) for d in latest],
        upcoming=[summary(model, m) for m in model.upcoming(now, HOME_LIST)],
        totals={
            "committees": len(model.committees),
            "meetings": len(model.meetings),
            "documents": len(model.documents),
        },
        freshness=freshness(model),
    )


def categories(state: PortalState) -> CategoriesView:
    return CategoriesView(category_counts(state.model()))


def category(state: PortalState, category_id: str) -> CategoryView:
    try:
        chosen = Category(category_id)
    except ValueError:
        raise NotFound("no_category", value=category_id) from None
    model = state.model()
    count = next(c for c in category_counts(model) if c.category == chosen)
    rows = [committee_row(model, cid) for cid in model.committees_of_category.get(chosen.value, [])]
    return CategoryView(count, rows)


# -- committees --------------------------------------------------------------------------------


def committee_row(model: ReadModel, committee_id: str) -> CommitteeRow:
    c = model.committees[committee_id]
    return CommitteeRow(
        committee_id=c.committee_id,
        name=c.name,
        category=c.category,
        meeting_count=len(model.meetings_of_committee.get(c.committee_id, [])),
        document_count=len(model.documents_of_committee.get(c.committee_id, [])),
        department=c.department,
        vanished=c.committee_id in model.vanished,
    )


def committees(state: PortalState) -> CommitteesView:
    model = state.model()
    ordered = sorted(model.committees.values(), key=lambda c: (c.category is None, c.category or "", c.name))
    return CommitteesView([committee_row(model, c.committee_id) for c in ordered])


def committee(state: PortalState, committee_id: str) -> CommitteeView:
    _check_id(committee_id)
    model = state.model()
    found = model.committees.get(committee_id)
    if found is None:
        raise NotFound("no_committee", value=committee_id)
    by_year: dict[int | None, list[TimelineEntry]] = defaultdict(list)
    for mid in model.meetings_of_committee.get(committee_id, []):
        meeting = model.meetings[mid]
        docs = [(d, model.documents[d].doc_type) for d in model.documents_of_meeting.get(mid, [])]
        by_year[meeting.start.year if meeting.start else None].append(TimelineEntry(summary(model, meeting), docs))
    timeline = sorted(by_year.items(), key=lambda item: item[0] or 0, reverse=True)
    documents = [
        document_summary(model, model.documents[d]) for d in model.documents_of_committee.get(committee_id, [])
    ]
    return CommitteeView(found, committee_row(model, committee_id), timeline, documents)


# -- meetings ----------------------------------------------------------------------------------


def downloadable(state: PortalState, record: FileRecord) -> bool:
    """Public, fetched whole, and its bytes are in the blob store (checked by sha256 only)."""
    if not record.public or record.status in _UNDOWNLOADABLE or not record.sha256:
        return False
    try:
        return state.blob_path(record.sha256).is_file()
    except ValueError:  # not a sha256 digest
        return False


def meeting(state: PortalState, meeting_id: str, *, with_text: bool = False) -> MeetingView:
    """A meeting with every document and file; `with_text` reads the extracted texts (the page)."""
    _check_id(meeting_id)
    model = state.model()
    found = model.meetings.get(meeting_id)
    if found is None:
        raise NotFound("no_meeting", value=meeting_id)
    documents = []
    for did in model.documents_of_meeting.get(meeting_id, []):
        document = model.documents[did]
        files = []
        for fid in model.files_of_document.get(did, []):
            record = model.files[fid]
            text, cut = read_text(state, record) if with_text else (None, False)
            files.append(FileView(record, downloadable(state, record), text, cut))
        documents.append(DocumentView(document, files, did in model.vanished))
    return MeetingView(found, summary(model, found), model.committees.get(found.committee_id or ""), documents)


def read_text(state: PortalState, record: FileRecord, limit: int = INLINE_TEXT_CHARS) -> tuple[str | None, bool]:
    """The extracted text of a public file (cut to `limit`), or None when there is none."""
    path = text_path(state, record)
    if path is None:
        return None, False
    with open(path, encoding="utf-8", errors="replace") as fh:
        text = fh.read(limit + 1)
    return (text[:limit], True) if len(text) > limit else (text, False)


def text_path(state: PortalState, record: FileRecord) -> Path | None:
    """Where a file's text is: the text store's own path for the digest in `text_path`, never the
    recorded path itself, so nothing outside the text store can be named."""
    if not record.public or not record.text_path:
        return None
    digest = Path(record.text_path).name.removesuffix(".txt")
    try:
        path = state.text_path(digest)
    except ValueError:
        return None
    return path if path.is_file() else None


def file_record(state: PortalState, file_id: str) -> FileRecord:
    _check_id(file_id)
    record = state.model().files.get(file_id)
    if record is None or not record.public:
        raise NotFound("no_file", value=file_id)
    return record


# -- search ------------------------------------------------------------------------------------


def check_search(state: PortalState, params: SearchParams) -> None:
    """What the parameter types cannot say: ids that exist, years in range, pages not too deep."""
    model = state.model()
    for cid in params.committee:
        if not valid_id(cid) or cid not in model.committees:
            raise BadRequest("unknown_value", parameter="committee", value=cid)
    for year in params.year:
        if not YEARS[0] <= year <= YEARS[1]:
            raise BadRequest("invalid_parameter", parameter="year", detail=f"{YEARS[0]}-{YEARS[1]}")
    if params.page * params.per_page > MAX_RESULTS:
        raise BadRequest("too_deep", parameter="page", limit=MAX_RESULTS)


def search(state: PortalState, params: SearchParams) -> SearchView:
    """One page of meetings with facets and chips. Blocking (the index)."""
    check_search(state, params)
    results = state.search(params)
    if params.page > results.pages and params.page > 1:
        raise NotFound("no_page", page=params.page, pages=results.pages)
    model = state.model()
    unfiltered = None
    if results.total_meetings == 0 and params.filtered:
        unfiltered = state.search(SearchParams(q=params.q, per_page=1), snippets=False).total_meetings
    return SearchView(
        params=params,
        results=results,
        facets=_facet_groups(model, params, results.facets),
        chips=_chips(model, params),
        page_numbers=page_numbers(params.page, results.pages),
        unfiltered_total=unfiltered,
    )


def _labels(model: ReadModel, facet: str, value: str) -> tuple[str, str]:
    try:
        if facet == "category":
            c = Category(value)
            return c.label_ko, c.label_en
        if facet == "doc_type":
            t = DocType(value)
            return t.label_ko, t.label_en
        if facet == "disclosure":
            d = Disclosure(value)
            return d.label_ko, d.label_en
    except ValueError:
        pass
    if facet == "committee":
        c = model.committees.get(value)
        return (c.name, c.name) if c else (value, value)
    return value, value


def _facet_groups(model: ReadModel, params: SearchParams, facets: dict) -> list[FacetGroup]:
    groups = []
    for name in ("category", "committee", "year", "doc_type", "disclosure"):
        chosen = {str(v) for v in getattr(params, name)}
        options = []
        for value in facets.get(name, []):
            ko, en = _labels(model, name, value.value)
            options.append(FacetOption(value.value, ko, en, value.count, value.value in chosen))
        groups.append(FacetGroup(name, options))
    return groups


def _chips(model: ReadModel, params: SearchParams) -> list[Chip]:
    chips = []
    for name in ("category", "committee", "year", "doc_type", "disclosure"):
        for value in getattr(params, name):
            ko, en = _labels(model, name, str(value))
            chips.append(Chip(name, str(value), ko, en))
    return chips


def page_numbers(page: int, pages: int, around: int = 2) -> list[int | None]:
    """1 … p-2 p-1 p p+1 p+2 … last (None is a gap)."""
    wanted = {1, pages, *range(max(1, page - around), min(pages, page + around) + 1)}
    out: list[int | None] = []
    for n in sorted(wanted):
        if out and out[-1] is not None and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out


def parse_start(value: str | None) -> datetime | None:
    """A search hit's ISO start back to a datetime (for display in Seoul time)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def status_of(value: str) -> MeetingStatus:
    try:
        return MeetingStatus(value)
    except ValueError:
        return MeetingStatus.UNKNOWN


def _check_id(value: str) -> None:
    if not valid_id(value):
        raise BadRequest("malformed_id", value=value)
