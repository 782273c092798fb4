"""Normalising value functions: the raw strings a page shows → typed domain values.

Spiders extract raw strings and never interpret them; one normalising step turns them into
domain records with these pure functions, so every messy format the site uses is handled, and
tested, in one place. Every function cleans its input (NFC, whitespace) first and answers None
(or an empty value, as documented) for missing or unreadable input; none of them raises on text.
"""

from crawler.normalize.categories import category_from_path
from crawler.normalize.contacts import normalise_phone, split_basis_term, split_department_phone
from crawler.normalize.counts import AGENDA_KINDS, agenda_count, agenda_kinds, attendee_count
from crawler.normalize.dates import When, parse_date, parse_when, posted_datetime
from crawler.normalize.disclosure import parse_disclosure
from crawler.normalize.kinds import OUTCOMES, doc_type_from_title, outcomes, status_from_title
from crawler.normalize.meeting_numbers import meeting_ordinal, strip_ordinal

__all__ = [
    "AGENDA_KINDS",
    "OUTCOMES",
    "When",
    "agenda_count",
    "agenda_kinds",
    "attendee_count",
    "category_from_path",
    "doc_type_from_title",
    "meeting_ordinal",
    "normalise_phone",
    "outcomes",
    "parse_date",
    "parse_disclosure",
    "parse_when",
    "posted_datetime",
    "split_basis_term",
    "split_department_phone",
    "status_from_title",
    "strip_ordinal",
]
