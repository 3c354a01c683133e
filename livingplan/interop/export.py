"""People's plans as FHIR R4 resources (ADR-044), read for many people at once (ADR-045).

`load(people)` reads everything the export maps for a chunk of people in a fixed number of
queries (one per table, `rows.fetch`), however many people are in the chunk; `resources_for`
then maps one person from what was loaded. One plan's export is a chunk of one; the bulk
export and `fhir_export` use chunks of hundreds. A reader gets what they may see: the person
through `visible_to` (the caller's job), and of the plan only the sharing groups the person lets
them read (`plans.sharing`), exactly as the plan page and the API do. `viewer=None` is the whole
record, for commands acting as the system.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from livingplan.accounts.models import Organisation, User
from livingplan.core.viewer import Viewer
from livingplan.interop import rows
from livingplan.interop.fhir import (
    about_me,
    care_team,
    careplan,
    consent,
    contingency,
    goal,
    patient,
    provenance,
    related_person,
)
from livingplan.interop.fhir.codes import reference, without_empty
from livingplan.interop.models import ExternalIdentifier
from livingplan.people.models import CareTeamMember, CircleMember, Person, SharingConsent
from livingplan.plans import sharing
from livingplan.plans.models import Action, Outcome, Plan, ProgressScore, Statement, StatementStatus
from livingplan.plans.sections import ABOUT_ME_SECTIONS, ALL_GROUPS, CRISIS_SECTIONS, SharingGroup

# Outcomes in the plan, or suggested and waiting for the person; not those declined or removed.
EXPORTED_OUTCOMES = (StatementStatus.ACCEPTED, StatementStatus.PROPOSED)
# Statements exported so far: About Me (a QuestionnaireResponse) and the contingency plan (a CarePlan).
EXPORTED_SECTIONS = frozenset(ABOUT_ME_SECTIONS) | frozenset(CRISIS_SECTIONS)
R = TypeVar("R", bound=models.Model)


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
    return resources_for(person, load([person]), groups=groups)


@dataclass
class Loaded:
    """Everything the export maps for a chunk of people, by person (plan parts by plan)."""

    identifiers: dict[int, list[ExternalIdentifier]]
    team: dict[int, list[CareTeamMember]]
    circle: dict[int, list[CircleMember]]
    plans: dict[int, Plan]
    outcomes: dict[int, list[Outcome]]
    actions: dict[int, list[Action]]
    statements: dict[int, list[Statement]]
    latest: dict[int, ProgressScore]
    consents: dict[int, list[SharingConsent]]
    organisations: dict[int, Organisation]


def _grouped(found: Iterable[R], key: str = "person_id") -> dict[int, list[R]]:
    grouped: dict[int, list[R]] = defaultdict(list)
    for row in found:
        grouped[getattr(row, key)].append(row)
    return grouped


def load(people: Sequence[Person]) -> Loaded:
    """What `resources_for` maps for each of `people`: eleven queries, however many people.

    Everything is read whatever the reader's groups; `resources_for` leaves out what they may
    not see. Rows are in primary key order, not the models' own orderings: those join users to
    sort by name, and an export a partner system reads needs a stable order, not an alphabetical one."""
    ids = [p.pk for p in people]
    team = [m for m in rows.fetch(CareTeamMember, "person", ids) if m.ended_on is None]
    users = {u.pk: u for u in rows.fetch(User, "id", {m.user_id for m in team})}
    organisations = {
        o.pk: o
        for o in rows.fetch(
            Organisation, "id", {m.organisation_id for m in team} | {p.lead_organisation_id for p in people}
        )
    }
    for member in team:
        member.user = users[member.user_id]
        member.organisation = organisations[member.organisation_id]
    plans = {p.person_id: p for p in rows.fetch(Plan, "person", ids)}
    outcomes = [o for o in rows.fetch(Outcome, "person", ids) if o.status in EXPORTED_OUTCOMES]
    latest: dict[int, ProgressScore] = {}
    scores = sorted(rows.fetch(ProgressScore, "person", ids), key=lambda s: (s.recorded_on, s.pk))
    for score in scores:
        latest[score.outcome_id] = score
    consents = rows.fetch(SharingConsent, "person", ids)
    for given in consents:
        given.organisation = organisations.get(given.organisation_id) or given.organisation
    return Loaded(
        identifiers=_grouped(rows.fetch(ExternalIdentifier, "person", ids)),
        team=_grouped(team),
        circle=_grouped(rows.fetch(CircleMember, "person", ids)),
        plans=plans,
        outcomes=_grouped(sorted(outcomes, key=lambda o: (o.position, o.pk)), "plan_id"),
        actions=_grouped(sorted(rows.fetch(Action, "person", ids), key=lambda a: (a.position, a.pk)), "plan_id"),
        statements=_grouped(
            sorted(
                (
                    s
                    for s in rows.fetch(Statement, "person", ids)
                    if s.status in EXPORTED_OUTCOMES and s.section in EXPORTED_SECTIONS
                ),
                key=lambda s: (s.position, s.pk),
            ),
            "plan_id",
        ),
        latest=latest,
        consents=_grouped(consents),
        organisations=organisations,
    )


def resources_for(person: Person, loaded: Loaded, *, groups: frozenset[str]) -> list[dict[str, Any]]:
    """`person`'s resources from a chunk `load`ed with them, with only the groups given."""
    details = SharingGroup.PERSONAL_DETAILS in groups
    identifiers = [(i.system, i.value) for i in loaded.identifiers.get(person.pk, [])] if details else []
    team = loaded.team.get(person.pk, [])
    circle = loaded.circle.get(person.pk, [])
    refs = _people_refs(person, team, circle)
    organisations = {m.organisation_id: m.organisation for m in team}
    organisations.setdefault(person.lead_organisation_id, loaded.organisations[person.lead_organisation_id])
    resources: list[dict[str, Any]] = [patient.to_fhir(person, details=details, identifiers=identifiers)]
    resources += [related_person.to_fhir(c) for c in circle]
    resources.append(care_team.to_fhir(person, team, circle))
    resources += [care_team.organization(o) for o in sorted(organisations.values(), key=lambda o: o.pk)]
    resources += [care_team.practitioner(u) for u in _unique_users(team)]
    resources += [care_team.practitioner_role(m) for m in team]
    plan = loaded.plans.get(person.pk)
    if plan is not None:
        plan.person = person
        resources += _plan_part(plan, loaded, groups=groups, refs=refs)
    resources += [consent.to_fhir(c) for c in loaded.consents.get(person.pk, [])]
    return [without_empty(r) for r in resources]


def _plan_part(
    plan: Plan, loaded: Loaded, *, groups: frozenset[str], refs: dict[int, dict[str, str]]
) -> list[dict[str, Any]]:
    outcomes = loaded.outcomes.get(plan.pk, []) if SharingGroup.OUTCOMES in groups else []
    outcome_ids = {o.pk for o in outcomes}
    actions = [
        a
        for a in loaded.actions.get(plan.pk, [])
        if a.outcome_id in outcome_ids and sharing.action_is_shared(a.layer, groups)
    ]
    contributor_ids = sorted({o.contributed_by_id for o in outcomes} | {a.contributed_by_id for a in actions})
    contributors = [refs[pk] for pk in contributor_ids if pk in refs]
    owners = {a.pk: refs[a.owner_id] for a in actions if a.owner_id in refs}
    care_plan = careplan.to_fhir(
        plan, goal_ids=[o.pk for o in outcomes], actions=actions, owners=owners, contributors=contributors
    )
    goals = [
        goal.to_fhir(
            o,
            latest=loaded.latest.get(o.pk),
            expressed_by=refs.get(o.contributed_by_id, {"display": "Not known"}),
        )
        for o in outcomes
    ]
    statements = loaded.statements.get(plan.pk, [])
    about = [s for s in statements if s.section in ABOUT_ME_SECTIONS] if SharingGroup.ABOUT_ME in groups else []
    crisis = (
        [s for s in statements if s.section in CRISIS_SECTIONS and s.status == StatementStatus.ACCEPTED]
        if SharingGroup.CRISIS in groups
        else []
    )
    accepted = [s for s in about if s.status == StatementStatus.ACCEPTED]
    suggested = [s for s in about if s.status != StatementStatus.ACCEPTED]
    extra = [
        r
        for r in (
            about_me.to_fhir(plan, plan.person, accepted, base=base_url()),
            about_me.to_fhir(plan, plan.person, suggested, base=base_url(), suggested=True),
            contingency.to_fhir(plan, plan.person, crisis),
        )
        if r is not None
    ]
    authors: dict[int, provenance.Authorship] = {}
    written: list[tuple[Statement | Outcome | Action, str, str]] = [
        *((s, f"QuestionnaireResponse/{plan.pk}-about-me", "About me") for s in accepted),
        *((s, f"QuestionnaireResponse/{plan.pk}-about-me-suggested", "About me, suggested") for s in suggested),
        *((s, f"CarePlan/{plan.pk}-contingency", "Contingency plan") for s in crisis),
        *((o, f"Goal/{o.pk}", "Outcomes") for o in outcomes),
        *((a, f"CarePlan/{plan.pk}", "Actions") for a in actions),
    ]
    for row, target, part in written:
        who = authors.setdefault(
            row.contributed_by_id, provenance.Authorship(row.contributed_by_id, row.contributor_kind)
        )
        who.add(target, part, row.contributed_at)
    authorship = [provenance.to_fhir(plan.person, plan.pk, who, refs.get(uid, {})) for uid, who in authors.items()]
    return [care_plan, *goals, *extra, *authorship]


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
