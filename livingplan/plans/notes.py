"""Notes between reviews (issue 9, ADR-024): the person, their circle and their care team say how
things are going, in their own words, in any status of the plan.

A note is not plan content. Adding one neither checks nor moves the plan's revision, so it cannot
make anyone's open form stale, change the agreed version or appear in a snapshot or comparison.
Notes are shown to whoever may see the plan's REVIEW sharing group, on the page and in the API.

A note that says "I think my plan needs looking at" is a review request. It stays open, for the
coordinator to see, until a review of the plan is started after it; that is worked out from the
rows (`PlanStatusChange` to UNDER_REVIEW), so nothing has to remember to close it.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.presenters import date_long
from livingplan.core.services import auditor
from livingplan.plans import limits, rules, telling
from livingplan.plans.models import NOTE_MAX_LENGTH, ContributorKind, Plan, PlanNote, PlanStatus, PlanStatusChange
from livingplan.plans.sections import SharingGroup
from livingplan.plans.services.common import contributor_kind
from livingplan.plans.sharing import groups_visible_to

NOTES = SharingGroup.REVIEW  # who sees notes: whoever sees how the plan is reviewed
ADDED = "plans.note.added"
KIND_WORDS = {ContributorKind.CIRCLE: "circle of support", ContributorKind.PRACTITIONER: "care team"}


@transaction.atomic
def add_note(
    plan: Plan, *, by: User, text: str, asks_for_review: bool = False, audit: AuditContext | None = None
) -> PlanNote:
    """Add a note to `plan` in whatever status it is: guard, validate, save, audit."""
    person = plan.person
    if not rules.can_contribute(by, person) or NOTES not in groups_visible_to(by, person):
        raise PermissionDenied("Only the person, their circle and their care team can add a note to this plan.")
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Enter your note"})
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError({"text": f"Your note must be {NOTE_MAX_LENGTH} characters or fewer"})
    if "\x00" in text:
        raise ValidationError({"text": "Your note must not contain unprintable characters"})
    limits.check_write_rate(by, audit)
    note = PlanNote.objects.create(
        person_id=plan.person_id,
        plan=plan,
        written_by=by,
        contributor_kind=contributor_kind(by, person),
        text=text,
        asks_for_review=asks_for_review,
    )
    auditor.record(
        ADDED,
        audit=context_for(by, audit),
        person_id=plan.person_id,
        obj=note,
        detail={"asks_for_review": asks_for_review},
    )
    telling.note_added(note, by=by)
    return note


def review_started_after() -> Exists:
    """For an annotation or filter on PlanNote rows: a review of the note's plan began after it."""
    return Exists(
        PlanStatusChange.objects.filter(
            plan_id=OuterRef("plan_id"), to_status=PlanStatus.UNDER_REVIEW, changed_at__gt=OuterRef("written_at")
        )
    )


def open_requests(notes: "QuerySet[PlanNote]") -> "QuerySet[PlanNote]":
    """The notes among `notes` that ask for a review no review has yet followed."""
    return notes.filter(asks_for_review=True).exclude(review_started_after())


@dataclass(frozen=True)
class NoteRow:
    id: int
    text: str
    by: str
    on: str
    asks_for_review: bool
    is_open_request: bool


def written_by(note: PlanNote, viewer: User) -> str:
    """Real name and relationship: "Sam Carter (circle of support)"; "You" for the viewer's own."""
    if note.written_by_id == viewer.pk:
        return "You"
    words = KIND_WORDS.get(ContributorKind(note.contributor_kind))
    return f"{note.written_by.display_name} ({words})" if words else note.written_by.display_name


def note_rows(plan: Plan, viewer: User, *, limit: int | None = None) -> list[NoteRow]:
    """The plan's notes for a viewer who may see them, newest first: one query."""
    notes = (
        PlanNote.objects.visible_to(viewer)
        .filter(plan=plan)
        .select_related("written_by")
        .annotate(reviewed=review_started_after())
    )
    picked = notes[:limit] if limit else notes
    return [
        NoteRow(
            id=n.pk,
            text=n.text,
            by=written_by(n, viewer),
            on=date_long(n.written_at),
            asks_for_review=n.asks_for_review,
            is_open_request=n.asks_for_review and not n.reviewed,
        )
        for n in picked
    ]


def may_see_notes(user: User, plan: Plan) -> bool:
    return NOTES in groups_visible_to(user, plan.person)
