"""Notes between reviews (ADR-024): read and added by whoever sees the plan's REVIEW group.
Adding one names no revision: a note is not plan content."""

from ninja import Router, Status

from livingplan.api import auth, loaders
from livingplan.api.auth import ApiRequest
from livingplan.api.routes import READ_ERRORS, WRITE_ERRORS, PersonId
from livingplan.api.schemas_notes import NoteIn, NoteOut
from livingplan.plans import notes, services
from livingplan.plans.models import PlanNote

router = Router(tags=["notes"])


def _out(note: PlanNote, viewer: object, *, reviewed: bool) -> NoteOut:
    return NoteOut(
        id=note.pk,
        text=note.text,
        by=notes.written_by(note, viewer),  # type: ignore[arg-type]
        kind=note.contributor_kind,
        written_at=note.written_at,
        asks_for_review=note.asks_for_review,
        review_request_open=note.asks_for_review and not reviewed,
    )


@router.get("/{id}/plan/notes", response={200: list[NoteOut], **READ_ERRORS}, summary="Notes between reviews")
def list_notes(request: ApiRequest, id: PersonId) -> list[NoteOut]:
    plan, _ = loaders.shared_plan_for(request.auth, id, notes.NOTES)
    services.record_plan_viewed(plan, by=request.auth, audit=request.audit, what="notes")
    rows = (
        PlanNote.objects.visible_to(request.auth)
        .filter(plan=plan)
        .select_related("written_by")
        .annotate(reviewed=notes.review_started_after())
    )
    return [_out(n, request.auth, reviewed=n.reviewed) for n in rows]


@router.post(
    "/{id}/plan/notes",
    auth=auth.WRITE,
    response={201: NoteOut, **WRITE_ERRORS},
    summary="Add a note",
    description="Allowed in any status of the plan; it does not change the plan's revision.",
)
def create_note(request: ApiRequest, id: PersonId, payload: NoteIn) -> Status[NoteOut]:
    plan = loaders.editable_plan_for(request.auth, id, notes.NOTES)
    note = notes.add_note(
        plan, by=request.auth, text=payload.text, asks_for_review=payload.asks_for_review, audit=request.audit
    )
    return Status(201, _out(note, request.auth, reviewed=False))
