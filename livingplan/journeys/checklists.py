"""The checklists of preparation parts 1 and 3: which items, what counts as an answer, and each part's
status, worked out from the latest answer to each item. Pure: answers in, status out."""

from collections.abc import Mapping

from livingplan.journeys.facts import PartStatus
from livingplan.journeys.models import ChecklistItem

YES, NO, NOT_KNOWN = "YES", "NO", "NOT_KNOWN"

PROCESS_ITEMS = (
    ChecklistItem.TOLD_WHAT_HAPPENS,
    ChecklistItem.INFORMATION,
    ChecklistItem.CONSENT,
    ChecklistItem.ADVOCATE,
    ChecklistItem.INTERPRETER,
    ChecklistItem.WHO_HELPS,
)
PRACTITIONER_ITEMS = (
    ChecklistItem.TEAM_KNOWS,
    ChecklistItem.TESTS_DUE,
    ChecklistItem.SOCIAL_CARE,
    ChecklistItem.TEAM_VIEW,
)
# Answered "yes" or "no": "not known yet" leaves the item open.
DECIDED = {ChecklistItem.ADVOCATE, ChecklistItem.INTERPRETER}

SOCIAL_CARE_CHOICES = (
    ("ASSESSMENT", "A social care assessment may apply"),
    ("BUDGET", "A personal budget may apply"),
    ("BOTH", "Both may apply"),
    ("NEITHER", "Neither applies"),
    (NOT_KNOWN, "Not known yet"),
)


def is_answered(item: str, answer: str) -> bool:
    if item in DECIDED:
        return answer in (YES, NO)
    if item == ChecklistItem.SOCIAL_CARE:
        return answer not in ("", NOT_KNOWN)
    return bool(answer.strip()) and answer != NO


def checklist_status(items: tuple[str, ...], answers: Mapping[str, str]) -> PartStatus:
    done = [item for item in items if is_answered(item, answers.get(item, ""))]
    if len(done) == len(items):
        return PartStatus.DONE
    return PartStatus.IN_PROGRESS if answers else PartStatus.NOT_STARTED


def count_done(items: tuple[str, ...], answers: Mapping[str, str]) -> int:
    return sum(1 for item in items if is_answered(item, answers.get(item, "")))
