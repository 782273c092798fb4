"""The meeting-disclosure guideline and the compliance reports computed from it.

content     - the rules (Markdown + front matter), the Article 9(1) grounds, the report's definitions
checks      - the checks that evaluate the rules, registered by name (`CHECKS`)
measures    - the definitions applied to one meeting (`MeetingFacts`)
compliance  - `compute()` → `ComplianceReport` (per committee, per category, per year), JSON and CSV
svg         - server-rendered charts with text alternatives
cli         - `minutes report`

Errors: `ContentError` (a guideline file that does not follow the format) is a `ValueError`.
"""

from guidelines.checks import CHECKS, Check, Finding, FindingMeeting, Status, run_rule
from guidelines.compliance import (
    CommitteeCompliance,
    ComplianceReport,
    Rollup,
    compute,
    sort_committees,
)
from guidelines.content import (
    Definition,
    Ground,
    GroundsPage,
    Rule,
    Source,
    Standing,
    definitions_for,
    load_definitions,
    load_grounds,
    load_grounds_page,
    load_rules,
    rule_by_id,
)
from guidelines.frontmatter import ContentError
from guidelines.markup import to_html
from guidelines.measures import MeetingFacts
from guidelines.period import Period
from guidelines.svg import ChartTable, category_chart, category_table, trend_chart, trend_table
from guidelines.view import ArchiveView, CommitteeView, crawl_time_of

__all__ = [
    "CHECKS",
    "ArchiveView",
    "ChartTable",
    "Check",
    "CommitteeCompliance",
    "CommitteeView",
    "ComplianceReport",
    "ContentError",
    "Definition",
    "Finding",
    "FindingMeeting",
    "Ground",
    "GroundsPage",
    "MeetingFacts",
    "Period",
    "Rollup",
    "Rule",
    "Source",
    "Standing",
    "Status",
    "category_chart",
    "category_table",
    "compute",
    "crawl_time_of",
    "definitions_for",
    "load_definitions",
    "load_grounds",
    "load_grounds_page",
    "load_rules",
    "rule_by_id",
    "run_rule",
    "sort_committees",
    "to_html",
    "trend_chart",
    "trend_table",
]
