"""Moving the plan on: the same declared steps, and the same rule of who may take each, as the
plan page (`plans.lifecycle.TRANSITIONS`). A step the caller may not take is a 403."""

from ninja import Router

from livingplan.accounts.models import User
from livingplan.api import auth, loaders
from livingplan.api.auth import ApiRequest
from livingplan.api.routes import WRITE_ERRORS, PersonId
from livingplan.api.schemas_lifecycle import PlanStatusOut, Step, StepIn
from livingplan.plans import lifecycle, rules, services
from livingplan.plans.models import Plan, PlanStatus

router = Router(tags=["plan"])
MOVES = {"propose": services.propose_plan, "withdraw": services.withdraw_plan, "activate": services.activate_plan}


def status_out(plan: Plan, user: User) -> PlanStatusOut:
    steps = lifecycle.available(plan.status, rules.lifecycle_actors(user, plan.person))
    return PlanStatusOut(
        status=plan.status,
        status_label=PlanStatus(plan.status).label,
        revision=plan.revision,
        steps=[t.name for t in steps],  # type: ignore[misc]
    )


@router.post(
    "/{id}/plan/status/{step}",
    auth=auth.WRITE,
    response={200: PlanStatusOut, **WRITE_ERRORS},
    summary="Take a step in the plan's lifecycle",
    description="propose and withdraw: the person or their coordinator. agree: the person, or their attorney"
    " or deputy if the person has been assessed as lacking capacity to agree it (the plan is then in force)."
    " start_review: the person or their coordinator. The circle of support and the rest of the care team"
    " may not move the plan (403).",
)
def take_step(request: ApiRequest, id: PersonId, step: Step, payload: StepIn) -> PlanStatusOut:
    plan = loaders.plan_for(request.auth, id)
    revision = payload.expected_revision
    if step == "agree":
        services.agree_plan(
            plan,
            by=request.auth,
            expected_revision=revision,
            summary=payload.summary,
            best_interests_note=payload.best_interests_note,
            starts_on=payload.starts_on,
            audit=request.audit,
        )
    elif step == "start_review":
        services.start_review(
            plan, by=request.auth, reason=payload.reason, expected_revision=revision, audit=request.audit
        )
    else:
        MOVES[step](plan, by=request.auth, expected_revision=revision, audit=request.audit)
    return status_out(plan, request.auth)
