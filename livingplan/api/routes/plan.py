"""The person's current plan and its agreed versions, as much as is shared with the caller."""

from django.http import HttpResponse
from django.utils import timezone
from ninja import Router

from livingplan.api import loaders, presenters
from livingplan.api.auth import ApiRequest
from livingplan.api.routes import READ_ERRORS, PersonId, VersionNumber
from livingplan.api.schemas import PlanOut, VersionOut, VersionSummaryOut
from livingplan.core.render_cache import cached_text
from livingplan.plans import services
from livingplan.plans.presenters.plan import content_version
from livingplan.plans.sharing import groups_visible_to

router = Router(tags=["plan"])


@router.get(
    "/{id}/plan",
    response={200: PlanOut, **READ_ERRORS},
    exclude_unset=True,
    summary="The current plan",
    description="Only the parts shared with you: a part that is not shared is absent from the response.",
)
def get_plan(request: ApiRequest, id: PersonId) -> HttpResponse:
    plan = loaders.plan_for(request.auth, id)
    groups = groups_visible_to(request.auth, plan.person)
    services.record_plan_viewed(plan, by=request.auth, audit=request.audit)
    # The presenter already builds validated PlanOut models; serialising them directly skips
    # ninja validating the same data a second time (over half the time on a large plan). The
    # JSON is kept until the plan changes (ADR-013): only the groups decide what it contains.
    depends_on = (*content_version(plan), plan.updated_at.isoformat(), sorted(groups), timezone.localdate())
    body = cached_text(
        "api.plan",
        depends_on,
        lambda: presenters.plan_out(plan, viewer=request.auth, groups=groups).model_dump_json(exclude_unset=True),
    )
    return HttpResponse(body, content_type="application/json")


@router.get("/{id}/plan/versions", response={200: list[VersionSummaryOut], **READ_ERRORS}, summary="Agreed versions")
def list_versions(request: ApiRequest, id: PersonId) -> list[VersionSummaryOut]:
    plan = loaders.plan_for(request.auth, id)
    services.record_plan_viewed(plan, by=request.auth, audit=request.audit)
    return presenters.versions_out(plan, viewer=request.auth)


@router.get(
    "/{id}/plan/versions/{number}",
    response={200: VersionOut, **READ_ERRORS},
    exclude_unset=True,
    summary="One agreed version",
    description="The version as it was agreed, limited to the parts shared with you now.",
)
def get_version(request: ApiRequest, id: PersonId, number: VersionNumber) -> VersionOut:
    plan = loaders.plan_for(request.auth, id)
    version = loaders.version_for(request.auth, plan, number)
    groups = groups_visible_to(request.auth, plan.person)
    services.record_plan_viewed(plan, by=request.auth, audit=request.audit)
    return presenters.version_out(version, groups=groups)
