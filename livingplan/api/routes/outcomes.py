"""Outcomes, their actions and progress. Every write names the revision it started from."""

from django.utils import timezone
from ninja import Router, Status

from livingplan.api import auth, loaders, presenters
from livingplan.api.auth import ApiRequest
from livingplan.api.routes import READ_ERRORS, WRITE_ERRORS, ItemId, PersonId
from livingplan.api.schemas import (
    ActionIn,
    ActionStatusIn,
    ActionWrittenOut,
    OutcomeIn,
    OutcomesOut,
    OutcomeWrittenOut,
    ProgressIn,
    ProgressWrittenOut,
)
from livingplan.plans import services
from livingplan.plans.sections import SharingGroup

router = Router(tags=["outcomes and actions"])
OUTCOMES = SharingGroup.OUTCOMES


@router.get("/{id}/plan/outcomes", response={200: OutcomesOut, **READ_ERRORS}, summary="Outcomes and their actions")
def list_outcomes(request: ApiRequest, id: PersonId) -> OutcomesOut:
    plan, groups = loaders.shared_plan_for(request.auth, id, OUTCOMES)
    services.record_plan_viewed(plan, by=request.auth, audit=request.audit)
    outcomes = presenters.outcomes_out(plan, viewer=request.auth, groups=groups)
    return OutcomesOut(revision=plan.revision, outcomes=outcomes)


@router.post(
    "/{id}/plan/outcomes",
    auth=auth.WRITE,
    response={201: OutcomeWrittenOut, **WRITE_ERRORS},
    summary="Add an outcome",
    description="Outcomes are in the person's own words: the person's go straight in (ACCEPTED); anyone else's "
    "are PROPOSED, not in the plan until the person accepts, unless the person named them to write for them.",
)
def create_outcome(request: ApiRequest, id: PersonId, payload: OutcomeIn) -> Status[OutcomeWrittenOut]:
    plan = loaders.editable_plan_for(request.auth, id, OUTCOMES)
    outcome = services.add_outcome(
        plan,
        by=request.auth,
        text=payload.text,
        why_it_matters=payload.why_it_matters,
        importance=payload.importance,
        in_own_words=payload.in_own_words,
        expected_revision=payload.expected_revision,
        audit=request.audit,
    )
    body = presenters.outcome_out(outcome, actions=[], latest=None)
    return Status(201, OutcomeWrittenOut(revision=plan.revision, outcome=body))


@router.post(
    "/{id}/plan/outcomes/{outcome_id}/actions",
    auth=auth.WRITE,
    response={201: ActionWrittenOut, **WRITE_ERRORS},
    summary="Add an action towards an outcome",
)
def create_action(request: ApiRequest, id: PersonId, outcome_id: ItemId, payload: ActionIn) -> Status[ActionWrittenOut]:
    plan = loaders.editable_plan_for(request.auth, id, OUTCOMES)
    outcome = loaders.outcome_for(request.auth, plan, outcome_id)
    loaders.require_shared_layer(request.auth, plan, payload.layer)
    action = services.add_action(
        outcome,
        by=request.auth,
        what=payload.what,
        owner_name=payload.owner_name,
        layer=payload.layer,
        due_on=payload.due_on,
        expected_revision=payload.expected_revision,
        audit=request.audit,
    )
    body = presenters.action_out(action, today=timezone.localdate())
    return Status(201, ActionWrittenOut(revision=outcome.plan.revision, action=body))


@router.patch(
    "/{id}/plan/actions/{action_id}",
    auth=auth.WRITE,
    response={200: ActionWrittenOut, **WRITE_ERRORS},
    summary="Change how an action is going",
    description="Allowed on an agreed or active plan too: saying an action is done keeps the plan honest.",
)
def change_action_status(
    request: ApiRequest, id: PersonId, action_id: ItemId, payload: ActionStatusIn
) -> ActionWrittenOut:
    plan = loaders.editable_plan_for(request.auth, id, OUTCOMES)
    action = loaders.action_for(request.auth, plan, action_id)
    services.set_action_status(
        action, by=request.auth, status=payload.status, expected_revision=payload.expected_revision, audit=request.audit
    )
    return ActionWrittenOut(
        revision=action.plan.revision, action=presenters.action_out(action, today=timezone.localdate())
    )


@router.post(
    "/{id}/plan/outcomes/{outcome_id}/progress",
    auth=auth.WRITE,
    response={201: ProgressWrittenOut, **WRITE_ERRORS},
    summary="Record progress on an outcome",
    description="A score from 0 (not started) to 10 (achieved). Allowed at any stage of the plan.",
)
def record_progress(
    request: ApiRequest, id: PersonId, outcome_id: ItemId, payload: ProgressIn
) -> Status[ProgressWrittenOut]:
    plan = loaders.editable_plan_for(request.auth, id, OUTCOMES)
    outcome = loaders.outcome_for(request.auth, plan, outcome_id)
    score = services.record_progress(
        outcome,
        by=request.auth,
        score=payload.score,
        on=payload.recorded_on or timezone.localdate(),
        note=payload.note,
        expected_revision=payload.expected_revision,
        audit=request.audit,
    )
    body = presenters.progress_out(score)
    return Status(201, ProgressWrittenOut(revision=outcome.plan.revision, outcome_id=outcome.pk, progress=body))
