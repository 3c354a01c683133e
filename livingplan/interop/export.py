"""One person's plan as a FHIR R4 `collection` Bundle (ADR-044), in a fixed number of queries.

A reader gets what they may see: the person through `visible_to` (the caller's job), and of
the plan only the sharing groups the person lets them read (`plans.sharing`), exactly as the
plan page and the API do. `viewer=None` is the whole record, for commands acting as the system.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core.viewer import Viewer
from livingplan.interop.fhir import care_team, careplan, consent, goal, patient, related_person
from livingplan.interop.fhir.codes import reference, without_empty
from livingplan.interop.models import ExternalIdentifier
from livingplan.people.models import CareTeamMember, CircleMember, Person, SharingConsent
from livingplan.plans import sharing
from livingplan.plans.models import Action, Plan, ProgressScore, StatementStatus
from livingplan.plans.sections import ALL_GROUPS, SharingGroup

# Outcomes in the plan, or suggested and waiting for the person; not those declined or removed.
EXPORTED_OUTCOMES = (StatementStatus.ACCEPTED, StatementStatus.PROPOSED)


def base_url() -> str:
    return str(getattr(settings, "LIVINGPLAN_FHIR_BASE", "https://livingplan.example/fhir/r4")).rstrip("/")


def plan_bundle(person: Person, *, viewer: Viewer | None = None, base: str = "") -> dict[str, Any]:
    """The Bundle for `person`, who must already be visible to `viewer`."""
    groups = ALL_GROUPS if viewer is None else sharing.groups_visible_to(viewer, person)
    resources = plan_resources(person, groups=groups)
    root = base or base_url()
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": timezone.now().isoformat(),
        "entry": [{"fullUrl": f"{root}/{r['resourceType']}/{r['id']}", "resource": r} for r in resources],
    }


def plan_resources(person: Person, *, groups: frozenset[str]) -> list[dict[str, Any]]:
    details = SharingGroup.PERSONAL_DETAILS in groups
    identifiers = (
        list(ExternalIdentifier.objects.filter(person=person).order_by("pk").values_list("system", "value"))
        if details
        else []
    )
    # Ordered by pk, not the models' own orderings: those join users to sort by name, and an
    # export a partner system reads needs a stable order, not an alphabetical one.
    team = list(
        CareTeamMember.objects.filter(person=person, ended_on__isnull=True)
        .select_related("user", "organisation")
        .order_by("pk")
    )
    circle = list(CircleMember.objects.filter(person=person).order_by("pk"))
    refs = _people_refs(person, team, circle)
    organisations = {m.organisation_id: m.organisation for m in team}
    organisations.setdefault(person.lead_organisation_id, person.lead_organisation)
    resources: list[dict[str, Any]] = [patient.to_fhir(person, details=details, identifiers=identifiers)]
    resources += [related_person.to_fhir(c) for c in circle]
    resources.append(care_team.to_fhir(person, team, circle))
    resources += [care_team.organization(o) for o in sorted(organisations.values(), key=lambda o: o.pk)]
    resources += [care_team.practitioner(u) for u in _unique_users(team)]
    resources += [care_team.practitioner_role(m) for m in team]
    plan = next(iter(Plan.objects.filter(person=person)), None)
    if plan is not None:
        plan.person = person
        resources += _plan_part(plan, groups=groups, refs=refs)
    consents = SharingConsent.objects.filter(person=person).select_related("organisation").order_by("pk")
    resources += [consent.to_fhir(c) for c in consents]
    return [without_empty(r) for r in resources]


def _plan_part(plan: Plan, *, groups: frozenset[str], refs: dict[int, dict[str, str]]) -> list[dict[str, Any]]:
    shares_outcomes = SharingGroup.OUTCOMES in groups
    outcomes = (
        list(plan.outcomes.filter(status__in=EXPORTED_OUTCOMES).order_by("position", "pk")) if shares_outcomes else []
    )
    outcome_ids = {o.pk for o in outcomes}
    actions = [
        a
        for a in sharing.shared_actions(Action.objects.filter(plan=plan), groups).order_by("position", "pk")
        if a.outcome_id in outcome_ids
    ]
    latest: dict[int, ProgressScore] = {}
    for score in ProgressScore.objects.filter(outcome_id__in=outcome_ids).order_by("recorded_on", "pk"):
        latest[score.outcome_id] = score
    contributor_ids = sorted({o.contributed_by_id for o in outcomes} | {a.contributed_by_id for a in actions})
    contributors = [refs[pk] for pk in contributor_ids if pk in refs]
    owners = {a.pk: refs[a.owner_id] for a in actions if a.owner_id in refs}
    care_plan = careplan.to_fhir(
        plan, goal_ids=[o.pk for o in outcomes], actions=actions, owners=owners, contributors=contributors
    )
    goals = [
        goal.to_fhir(o, latest=latest.get(o.pk), expressed_by=refs.get(o.contributed_by_id, {"display": "Not known"}))
        for o in outcomes
    ]
    return [care_plan, *goals]


def _people_refs(person: Person, team: list[CareTeamMember], circle: list[CircleMember]) -> dict[int, dict[str, str]]:
    """Each user who may own or contribute to the plan, as the resource this bundle has for them."""
    refs: dict[int, dict[str, str]] = {}
    for member in team:
        refs[member.user_id] = reference("Practitioner", member.user_id, member.user.display_name)
    for c in circle:
        if c.user_id is not None:
            refs[c.user_id] = reference("RelatedPerson", c.pk, c.name)
    if person.user_id is not None:
        refs[person.user_id] = reference("Patient", person.pk, person.full_name)
    return refs


def _unique_users(team: Iterable[CareTeamMember]) -> list[User]:
    seen: dict[int, User] = {}
    for member in team:
        seen.setdefault(member.user_id, member.user)
    return list(seen.values())
