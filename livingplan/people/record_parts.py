"""Which parts of a person's record a user may read, beyond the name and contact everyone with access sees.

The person chooses these with the plan's sharing groups (ADR-009, ADR-023): the rule and the choices
live in `plans.sharing.groups_visible_to`. People sits below plans in the layers, so the plans app
registers that rule here at start-up (`plans/apps.py`), as people does for the auditor; the record
page and its sub-pages ask here and never decide for themselves.
"""

from collections.abc import Callable
from enum import StrEnum

from django.http import Http404

from livingplan.core.viewer import Viewer
from livingplan.people.models import Person


class RecordPart(StrEnum):
    """The values are the plan's sharing group names for the same parts (`plans.sections.SharingGroup`)."""

    PERSONAL_DETAILS = "PERSONAL_DETAILS"  # date of birth, NHS number, address, GP practice
    CAPACITY = "CAPACITY"  # capacity assessments, advocacy, attorneys and deputies


PartsFinder = Callable[[Viewer, Person], frozenset[str]]
_finder: PartsFinder | None = None


def register_parts_finder(finder: PartsFinder) -> None:
    global _finder  # one rule for the process, set at start-up
    _finder = finder


def parts_visible_to(user: Viewer, person: Person) -> frozenset[str]:
    """The record parts `user` may read about `person` (who must be visible to them)."""
    if _finder is None:
        raise RuntimeError("No sharing rule is registered: is the plans app installed?")
    groups = _finder(user, person)
    return frozenset(part for part in RecordPart if part in groups)


def require_part(user: Viewer, person: Person, part: RecordPart) -> frozenset[str]:
    """A part not shared with the user does not exist for them (ADR-009): a 404, as for a person they may not see."""
    parts = parts_visible_to(user, person)
    if part not in parts:
        raise Http404
    return parts
