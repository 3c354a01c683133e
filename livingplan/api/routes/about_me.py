"""The one-page profile: the person writes it; what others add waits for the person to accept."""

from ninja import Router, Status

from livingplan.api import auth, loaders, presenters
from livingplan.api.auth import ApiRequest
from livingplan.api.routes import READ_ERRORS, WRITE_ERRORS, PersonId
from livingplan.api.schemas import AboutMeOut, StatementIn, StatementWrittenOut
from livingplan.plans import services
from livingplan.plans.sections import SharingGroup

router = Router(tags=["about me"])


@router.get("/{id}/about-me", response={200: AboutMeOut, **READ_ERRORS}, summary="The one-page profile")
def get_about_me(request: ApiRequest, id: PersonId) -> AboutMeOut:
    plan, _ = loaders.shared_plan_for(request.auth, id, SharingGroup.ABOUT_ME)
    services.record_plan_viewed(plan, by=request.auth, audit=request.audit)
    return presenters.about_me_out(plan, viewer=request.auth)


@router.post(
    "/{id}/about-me",
    auth=auth.WRITE,
    response={201: StatementWrittenOut, **WRITE_ERRORS},
    summary="Add to the one-page profile",
    description="The person's own additions go straight in (ACCEPTED); anyone else's are PROPOSED to the person.",
)
def add_to_about_me(request: ApiRequest, id: PersonId, payload: StatementIn) -> Status[StatementWrittenOut]:
    plan = loaders.editable_plan_for(request.auth, id, SharingGroup.ABOUT_ME)
    statement = services.add_statement(
        plan,
        by=request.auth,
        section=payload.section,
        text=payload.text,
        in_own_words=payload.in_own_words,
        expected_revision=payload.expected_revision,
        audit=request.audit,
    )
    return Status(201, StatementWrittenOut(revision=plan.revision, statement=presenters.statement_out(statement)))
