"""What the documents show: which format, under what name, and the subject access export's data.

One module a format: `formats` (which format and file name), `document` (a plan or one-page
profile in a format, with the easy read wording), `subject_access` (every row held about the
person, read through `visible_to(viewer)`), `export`, `export_plan`, `export_planning` and
`export_appointments`, `export_reviews` (the export's JSON and README). Callers import from here.
`export_appointments`, `export_budgets` (the export's JSON and README). Callers import from here.
"""

from livingplan.documents.presenters.document import (
    EASY_READ_ACTION_STATUS,
    EASY_READ_HEADINGS,
    EASY_READ_STATUS,
    Document,
    document,
)
from livingplan.documents.presenters.export import (
    EXPORT_FILES,
    audit_json,
    export_readme,
    iso,
    messages_json,
    record_json,
    version_json,
)
from livingplan.documents.presenters.export_appointments import appointments_json
from livingplan.documents.presenters.export_budgets import budgets_json
from livingplan.documents.presenters.export_plan import plan_json
from livingplan.documents.presenters.export_planning import planning_json
from livingplan.documents.presenters.export_reviews import reviews_json
from livingplan.documents.presenters.formats import (
    FORMAT_LABELS,
    FROM_RECORDED,
    DocFormat,
    DocKind,
    chosen_format,
    export_filename,
    filename,
    recorded_format,
)
from livingplan.documents.presenters.subject_access import SubjectAccess, load_subject_access

__all__ = [
    "EASY_READ_ACTION_STATUS",
    "EASY_READ_HEADINGS",
    "EASY_READ_STATUS",
    "EXPORT_FILES",
    "FORMAT_LABELS",
    "FROM_RECORDED",
    "DocFormat",
    "DocKind",
    "Document",
    "SubjectAccess",
    "appointments_json",
    "audit_json",
    "budgets_json",
    "chosen_format",
    "document",
    "export_filename",
    "export_readme",
    "filename",
    "iso",
    "load_subject_access",
    "messages_json",
    "plan_json",
    "planning_json",
    "record_json",
    "recorded_format",
    "reviews_json",
    "version_json",
]
