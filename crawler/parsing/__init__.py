"""Page parsers: HTML in, raw items out. No normalising here (see `crawler.records`)."""

from crawler.parsing.committee import parse_committee, parse_roster
from crawler.parsing.decode import decode_body
from crawler.parsing.listing import parse_listing
from crawler.parsing.meeting import parse_meeting
from crawler.parsing.sanction import parse_sanction

__all__ = [
    "decode_body",
    "parse_committee",
    "parse_listing",
    "parse_meeting",
    "parse_roster",
    "parse_sanction",
]
