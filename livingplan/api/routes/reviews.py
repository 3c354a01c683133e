"""Reviews (ADR-040) for other systems: what was asked for and answered, changes that may affect
the plan and what was decided, and reviews. Writes go through the reviews app's guarded verbs."""

from django.shortcuts import get_object_or_404
from ninja import Router, Status

from livingplan.api import auth, loaders
from livingplan.api.auth import ApiRequest
from livingplan.api.presenters_reviews import decision_out, request_out, reviews_out, trigger_out
from livingplan.api.routes import READ_ERRORS, WRITE_ERRORS, ItemId, PersonId
from livingplan.api.schemas_reviews import (
    DecisionIn,
    DecisionOut,
    ReviewRequestIn,
    ReviewRequestOut,
    ReviewsOut,
    TriggerIn,
    TriggerOut,
)
from livingplan.core.services import auditor
from livingplan.reviews import services
from livingplan.reviews.models import Trigger

router = Router(tags=["reviews"])


@router.get("/{id}/reviews", response={200: ReviewsOut, **READ_ERRORS}, summary="Reviews, requests and changes")
def get_reviews(request: ApiRequest, id: PersonId) -> ReviewsOut:
    person = loaders.person_for(request.auth, id)
    auditor.record("reviews.record.viewed", audit=request.audit, person_id=person.pk, detail={"via": "api"})
    return reviews_out(person, viewer=request.auth)


@router.post(
    "/{id}/reviews/requests",
    auth=auth.WRITE,
    response={201: ReviewRequestOut, **WRITE_ERRORS},
    summary="Ask for a review",
    description="The person, their circle and their care team may ask; the coordinator is told.",
)
def ask_for_review(request: ApiRequest, id: PersonId, payload: ReviewRequestIn) -> Status[ReviewRequestOut]:
    person = loaders.person_for(request.auth, id)
    made = services.request_review(person, by=request.auth, reason=payload.reason, audit=request.audit)
    return Status(201, request_out(made))


@router.post(
    "/{id}/reviews/triggers",
    auth=auth.WRITE,
    response={201: TriggerOut, **WRITE_ERRORS},
    summary="Record a change that may affect the plan",
)
def raise_trigger(request: ApiRequest, id: PersonId, payload: TriggerIn) -> Status[TriggerOut]:
    person = loaders.person_for(request.auth, id)
    made = services.raise_trigger(
        person,
        by=request.auth,
        category=payload.category,
        what_happened=payload.what_happened,
        noticed_on=payload.noticed_on,
        noticed_by=payload.noticed_by,
        audit=request.audit,
    )
    return Status(201, trigger_out(made))


@router.post(
    "/{id}/reviews/triggers/{trigger_id}/decision",
    auth=auth.WRITE,
    response={201: DecisionOut, **WRITE_ERRORS},
    summary="Decide whether the plan needs to change",
    description="The person's coordinator decides, once; a second decision is 422.",
)
def decide(request: ApiRequest, id: PersonId, trigger_id: ItemId, payload: DecisionIn) -> Status[DecisionOut]:
    person = loaders.person_for(request.auth, id)
    trigger = get_object_or_404(Trigger.objects.visible_to(request.auth).filter(person=person), pk=trigger_id)
    made = services.decide_trigger(
        trigger, by=request.auth, decision=payload.decision, reason=payload.reason, audit=request.audit
    )
    return Status(201, decision_out(made))
