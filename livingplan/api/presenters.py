"""What the API returns, built the way `plans.presenters.plan.build_plan_page` builds a page:
a fixed number of queries whatever the plan's size, and nothing the caller may not see.

One query each for statements, outcomes (with their latest progress), actions, risks and
linked plans, each skipped when its group is not shared with the caller. Rows are
read through `visible_to(viewer)`; only the groups in `groups` are read at all.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.api import schemas
from livingplan.people.models import InformationFormat, Person
from livingplan.plans import rules
from livingplan.plans.models import (
    FINISHED_ACTION_STATUSES,
    Action,
    ActionStatus,
    Layer,
    LinkedPlan,
    Outcome,
    Plan,
    PlanStatus,
    PlanVersion,
    ProgressScore,
    Risk,
    Statement,
    StatementStatus,
)
from livingplan.plans.sections import ABOUT_ME_SECTIONS, SECTION_GROUP, Section, SharingGroup
from livingplan.plans.sharing import shared_actions, shared_snapshot_outcomes


def _name(user: User | None) -> str | None:
    if user is None:
        return None
    return user.display_name


def _contribution(item: Any) -> schemas.ContributionOut:
    return schemas.ContributionOut(
        by=_name(item.contributed_by) or "",
        kind=item.contributor_kind,
        in_own_words=item.in_own_words,
        at=item.contributed_at,
    )


def _ordered(groups: Iterable[str]) -> list[str]:
    return [g.value for g in SharingGroup if g in groups]


# People ------------------------------------------------------------------------------------


def person_summary(person: Person) -> schemas.PersonSummaryOut:
    return schemas.PersonSummaryOut(
        id=person.pk,
        given_name=person.given_name,
        family_name=person.family_name,
        preferred_name=person.preferred_name,
        full_name=person.full_name,
        name_to_use=person.name_to_use,
    )


def people_out(*, viewer: User, limit: int, offset: int) -> schemas.PeopleOut:
    visible = Person.objects.visible_to(viewer).order_by("family_name", "given_name", "pk")
    return schemas.PeopleOut(count=visible.count(), items=[person_summary(p) for p in visible[offset : offset + limit]])


def person_out(person: Person, *, viewer: User, groups: frozenset[str]) -> schemas.PersonOut:
    needs = getattr(person, "communication_needs", None)
    plan = getattr(person, "plan", None)
    # Name and contact for everyone who may see the person; the rest only if shared with the caller (ADR-023).
    details = SharingGroup.PERSONAL_DETAILS in groups
    return schemas.PersonOut(
        **person_summary(person).model_dump(),
        date_of_birth=person.date_of_birth if details else None,
        pronouns=person.pronouns,
        nhs_number=person.nhs_number if details else None,
        personal_details_shared=details,
        communication_needs=None
        if needs is None
        else schemas.CommunicationNeedsOut(
            information_format=needs.information_format,
            information_format_label=InformationFormat(needs.information_format).label,
            preferred_channel=needs.preferred_channel,
            preferred_channel_label=needs.get_preferred_channel_display(),
            language=needs.language,
            needs_interpreter=needs.needs_interpreter,
            times_to_avoid=needs.times_to_avoid,
            other_needs=needs.other_needs,
        ),
        plan=None
        if plan is None
        else schemas.PlanSummaryOut(
            status=plan.status, status_label=PlanStatus(plan.status).label, revision=plan.revision
        ),
        is_you=rules.is_the_person(viewer, person),
        can_contribute=rules.can_contribute(viewer, person),
    )


# Parts of the plan ---------------------------------------------------------------------------


def statement_out(statement: Statement) -> schemas.StatementOut:
    return schemas.StatementOut(
        id=statement.pk,
        section=statement.section,
        text=statement.text,
        status=statement.status,
        contribution=_contribution(statement),
    )


def action_out(action: Action, *, today: dt.date) -> schemas.ActionOut:
    return schemas.ActionOut(
        id=action.pk,
        outcome_id=action.outcome_id,
        what=action.what,
        owner_name=action.owner_name,
        due_on=action.due_on,
        status=action.status,
        status_label=ActionStatus(action.status).label,
        layer=action.layer,
        layer_label=Layer(action.layer).label,
        is_overdue=bool(action.due_on and action.due_on < today and action.status not in FINISHED_ACTION_STATUSES),
        contribution=_contribution(action),
    )


def progress_out(score: ProgressScore) -> schemas.ProgressOut:
    return schemas.ProgressOut(score=score.score, recorded_on=score.recorded_on, note=score.note)


def outcome_out(
    outcome: Outcome, *, actions: list[schemas.ActionOut], latest: schemas.ProgressOut | None
) -> schemas.OutcomeOut:
    return schemas.OutcomeOut(
        id=outcome.pk,
        text=outcome.text,
        why_it_matters=outcome.why_it_matters,
        importance=outcome.importance,
        status=outcome.status,
        latest_progress=latest,
        actions=actions,
        contribution=_contribution(outcome),
    )


def _sections(plan: Plan, *, viewer: User, sections: list[Section]) -> list[schemas.SectionOut]:
    """The given sections with their statements: accepted ones, and suggestions on the one-page profile."""
    rows: dict[str, list[schemas.StatementOut]] = defaultdict(list)
    if sections:
        shown = Q(status=StatementStatus.ACCEPTED) | Q(status=StatementStatus.PROPOSED, section__in=ABOUT_ME_SECTIONS)
        statements = (
            Statement.objects.visible_to(viewer)
            .filter(shown, plan=plan, section__in=sections)
            .select_related("contributed_by")
            .order_by("section", "position", "pk")
        )
        for statement in statements:
            rows[statement.section].append(statement_out(statement))
    return [
        schemas.SectionOut(key=s.value, title=s.label, group=SECTION_GROUP[s], statements=rows.get(s, []))
        for s in sections
    ]


def outcomes_out(plan: Plan, *, viewer: User, groups: frozenset[str]) -> list[schemas.OutcomeOut]:
    """Active outcomes with their shared actions and latest progress: two queries whatever their number."""
    today = timezone.localdate()
    actions: dict[int, list[schemas.ActionOut]] = defaultdict(list)
    for action in (
        shared_actions(Action.objects.visible_to(viewer), groups)
        .filter(plan=plan, outcome__is_active=True)
        .select_related("contributed_by")
        .order_by("layer", "due_on", "pk")
    ):
        actions[action.outcome_id].append(action_out(action, today=today))
    scores = ProgressScore.objects.visible_to(viewer).filter(outcome=OuterRef("pk")).order_by("-recorded_on", "-pk")
    outcomes = (
        Outcome.objects.visible_to(viewer)
        .filter(plan=plan, is_active=True)
        .select_related("contributed_by")
        .annotate(
            latest_score=Subquery(scores.values("score")[:1]),
            latest_recorded_on=Subquery(scores.values("recorded_on")[:1]),
            latest_note=Subquery(scores.values("note")[:1]),
        )
    )
    return [outcome_out(o, actions=actions.get(o.pk, []), latest=_latest_progress(o)) for o in outcomes]


def _latest_progress(outcome: Any) -> schemas.ProgressOut | None:
    if outcome.latest_score is None:
        return None
    return schemas.ProgressOut(
        score=outcome.latest_score, recorded_on=outcome.latest_recorded_on, note=outcome.latest_note
    )


def _risks(plan: Plan, *, viewer: User) -> list[schemas.RiskOut]:
    risks = Risk.objects.visible_to(viewer).filter(plan=plan).select_related("contributed_by")
    return [
        schemas.RiskOut(
            id=r.pk,
            what_could_go_wrong=r.what_could_go_wrong,
            what_we_agree=r.what_we_agree,
            decided_by=r.decided_by,
            persons_view=r.persons_view,
            contribution=_contribution(r),
        )
        for r in risks
    ]


def _linked_plans(plan: Plan, *, viewer: User) -> list[schemas.LinkedPlanOut]:
    return [
        schemas.LinkedPlanOut(
            id=p.pk, kind=p.kind, kind_label=p.get_kind_display(), description=p.description, held_by=p.held_by
        )
        for p in LinkedPlan.objects.visible_to(viewer).filter(plan=plan)
    ]


# The whole plan ------------------------------------------------------------------------------


def plan_out(plan: Plan, *, viewer: User, groups: frozenset[str]) -> schemas.PlanOut:
    """Everything in `plan` that `viewer` may see; parts outside `groups` are left unset (absent)."""
    parts: dict[str, Any] = {}
    if SharingGroup.OUTCOMES in groups:
        parts["outcomes"] = outcomes_out(plan, viewer=viewer, groups=groups)
    if SharingGroup.RISKS in groups:
        parts["risks"] = _risks(plan, viewer=viewer)
    if SharingGroup.REVIEW in groups:
        parts["review"] = schemas.ReviewOut(
            next_review_on=plan.next_review_on,
            review_lead=_name(plan.review_lead),
            early_review_triggers=plan.early_review_triggers,
        )
    if SharingGroup.LINKED_PLANS in groups:
        parts["linked_plans"] = _linked_plans(plan, viewer=viewer)
    return schemas.PlanOut(
        person_id=plan.person_id,
        status=plan.status,
        status_label=PlanStatus(plan.status).label,
        revision=plan.revision,
        updated_at=plan.updated_at,
        shared_groups=_ordered(groups),
        sections=_sections(plan, viewer=viewer, sections=[s for s in Section if SECTION_GROUP[s] in groups]),
        **parts,
    )


def about_me_out(plan: Plan, *, viewer: User) -> schemas.AboutMeOut:
    return schemas.AboutMeOut(
        person_id=plan.person_id,
        revision=plan.revision,
        sections=_sections(plan, viewer=viewer, sections=list(ABOUT_ME_SECTIONS)),
    )


# Versions ------------------------------------------------------------------------------------


def version_summary(version: PlanVersion) -> schemas.VersionSummaryOut:
    return schemas.VersionSummaryOut(
        number=version.number,
        agreed_at=version.agreed_at,
        agreed_by=_name(version.agreed_by) or "",
        summary_of_changes=version.summary_of_changes,
    )


def versions_out(plan: Plan, *, viewer: User) -> list[schemas.VersionSummaryOut]:
    versions = PlanVersion.objects.visible_to(viewer).filter(plan=plan).select_related("agreed_by").defer("snapshot")
    return [version_summary(v) for v in versions]


def version_out(version: PlanVersion, *, groups: frozenset[str]) -> schemas.VersionOut:
    """One frozen version, showing only the groups shared with the caller today."""
    snap: dict[str, Any] = version.snapshot if isinstance(version.snapshot, dict) else {}
    parts: dict[str, Any] = {}
    if SharingGroup.OUTCOMES in groups:
        parts["outcomes"] = shared_snapshot_outcomes(snap.get("outcomes", []), groups)
    if SharingGroup.RISKS in groups:
        parts["risks"] = snap.get("risks", [])
    if SharingGroup.REVIEW in groups:
        parts["review"] = snap.get("review", {})
    if SharingGroup.LINKED_PLANS in groups:
        parts["linked_plans"] = snap.get("linked_plans", [])
    statements = [s for s in snap.get("statements", []) if SECTION_GROUP.get(s.get("section", "")) in groups]
    return schemas.VersionOut(
        **version_summary(version).model_dump(),
        shared_groups=_ordered(groups),
        statements=statements,
        **parts,
    )
