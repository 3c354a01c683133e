"""Make what one checked unit maps, through the people and plans service verbs, in one transaction.

Patient -> a person (matched by NHS number, then by any identifier we hold, then by the URL we
had it from); Goal -> an outcome, suggested to the person (ADR-025: words from elsewhere wait for
the person to accept them); CarePlan -> their one plan, each activity an action under the goal it
serves (or, for a plan with no goals, under an outcome named after the plan). Everything else is
counted and passed over with the reason. Refusals (the verbs' own, or a reference that resolves to
nothing) undo the whole unit and name where the problem is."""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model, Q

from livingplan.accounts.models import Organisation, User
from livingplan.core.audit_context import AuditContext
from livingplan.interop.export import base_url
from livingplan.interop.fhir import about_me, careplan, contingency, goal, patient
from livingplan.interop.fhir.checks import Issue
from livingplan.interop.importing.bundle import Checked, Entry, check
from livingplan.interop.importing.report import CREATED, MATCHED, SKIPPED, UnitReport
from livingplan.interop.importing.sources import Unit
from livingplan.interop.models import ExternalIdentifier, ImportedResource
from livingplan.people import nhs_number
from livingplan.people import services as people
from livingplan.people.models import Person
from livingplan.plans import services as plans
from livingplan.plans.lifecycle import TransitionNotAllowed
from livingplan.plans.models import ActionStatus, Outcome, Plan

PASSED_OVER = {
    "CareTeam": "care teams here are staff who sign in: the coordinator adds them",
    "Practitioner": "staff are set up by an organisation admin",
    "PractitionerRole": "staff are set up by an organisation admin",
    "Organization": "organisations are set up by an administrator",
    "RelatedPerson": "the person adds their circle of support themselves",
    "Consent": "who sees the record is the person's own choice, made here",
    "Provenance": "who wrote what here is whoever writes it here: the importer, for what is imported",
}
NOT_IN_A_PLAN = "not part of a care and support plan"
ENDED_GOALS = frozenset({"cancelled", "rejected", "entered-in-error"})


class Refused(Exception):
    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(i.problem for i in issues))
        self.issues = issues


def import_unit(
    unit: Unit, *, actor: User, organisation: Organisation, via: str = "livingplan fhir_import"
) -> UnitReport:
    report = UnitReport(unit.name)
    checked, issues = check(unit)
    report.seen.update(e.resource_type for e in checked.entries)
    if issues:
        report.refuse(issues)
        return report
    audit = AuditContext.for_system(actor=actor, via=via, organisation=organisation.name)
    try:
        with transaction.atomic():
            _Run(checked, report, actor, organisation, audit).run()
    except Refused as refused:
        report.refuse(refused.issues, by_a_rule=True)
    except ValidationError as error:
        report.refuse(_issues(unit.name, error), by_a_rule=True)
    except (PermissionDenied, TransitionNotAllowed) as error:
        # Not this importer's to change (not on the care team; an agreed plan is changed in a review).
        report.refuse([Issue(unit.name, str(error), code="forbidden")], by_a_rule=True)
    return report


def _issues(where: str, error: ValidationError) -> list[Issue]:
    if hasattr(error, "error_dict"):
        return [
            Issue(f"{where}.{name}", " ".join(str(m) for m in messages))
            for name, messages in error.message_dict.items()
        ]
    return [Issue(where, str(message)) for message in error.messages]


@dataclass
class _Run:
    checked: Checked
    report: UnitReport
    actor: User
    organisation: Organisation
    audit: AuditContext
    people: dict[int, Person] = field(default_factory=dict)
    outcomes: dict[int, Outcome] = field(default_factory=dict)
    known: dict[tuple[int, str, str], int] = field(default_factory=dict)
    loaded: set[int] = field(default_factory=set)

    def run(self) -> None:
        for entry in self.checked.entries:
            kind = entry.resource_type
            if kind == "Patient":
                self.people[id(entry)] = self._person(entry)
            elif kind not in ("Goal", "CarePlan", "QuestionnaireResponse"):
                self._passed_over(entry, PASSED_OVER.get(kind, NOT_IN_A_PLAN))
        for entry in self.checked.of_type("Goal"):
            self._goal(entry)
        for entry in self.checked.of_type("CarePlan"):
            if contingency.is_contingency(entry.resource):
                self._statements(entry, contingency.from_fhir(entry.resource))
            else:
                self._care_plan(entry)
        for entry in self.checked.of_type("QuestionnaireResponse"):
            if about_me.is_about_me(entry.resource):
                self._statements(entry, about_me.from_fhir(entry.resource))
            else:
                self._passed_over(entry, "only our own About Me questionnaire's answers have a place in the plan")

    def _passed_over(self, entry: Entry, reason: str) -> None:
        self.report.count(entry.resource_type, SKIPPED, reason)
        self.report.result(entry.where, SKIPPED, reason=reason)

    def _made(self, entry: Entry, outcome: str, obj: Model, reason: str = "") -> None:
        self.report.count(entry.resource_type, outcome, reason)
        self.report.result(entry.where, outcome, f"{entry.resource_type}/{obj.pk}", reason)

    def _where(self, entry: Entry, element: str) -> str:
        return f"{entry.where}({entry.resource_type}).{element}"

    def _subject(self, entry: Entry, element: str) -> Person:
        target = self.checked.resolve(entry.resource.get(element))
        if target is None or id(target) not in self.people:
            ref = (entry.resource.get(element) or {}).get("reference", "")
            raise Refused(
                [
                    Issue(
                        self._where(entry, element),
                        f"{ref or 'The subject'} is not a Patient in this bundle: send the Patient with it",
                        code="not-found",
                    )
                ]
            )
        return self.people[id(target)]

    def _remembered(self, person: Person, kind: str, key: str) -> int | None:
        if person.pk not in self.loaded:  # one query per person, not one per resource
            rows = ImportedResource.objects.filter(person=person).values_list("resource_type", "key", "object_id")
            self.known.update({(person.pk, t, k): pk for t, k, pk in rows})
            self.loaded.add(person.pk)
        return self.known.get((person.pk, kind, key))

    def _remember(self, person: Person, kind: str, key: str, obj: Model) -> None:
        self.known[(person.pk, kind, key)] = obj.pk
        ImportedResource.objects.create(
            person=person, resource_type=kind, key=key, object_type=obj._meta.label_lower, object_id=obj.pk
        )

    def _ours(self, entry: Entry, person: Person, model: type[Plan] | type[Outcome]) -> int | None:
        """A resource this service exported, sent back: it is already here, for the same person."""
        raw = entry.full_url.removeprefix(f"{base_url()}/{entry.resource_type}/")
        if raw == entry.full_url or not raw.isdigit():
            return None
        found: int | None = model.objects.filter(pk=int(raw), person=person).values_list("pk", flat=True).first()
        return found

    # Patient

    def _person(self, entry: Entry) -> Person:
        fields = patient.from_fhir(entry.resource)
        key = entry.full_url or entry.key
        person = self._match(entry, fields)
        if person is None:
            person = self._register(entry, fields)
            self._made(entry, CREATED, person)
        else:
            self._made(entry, MATCHED, person, "the same NHS number or identifier")
        for system, value in fields.identifiers:
            ExternalIdentifier.objects.get_or_create(
                system=system[:300], value=value[:200], defaults={"person": person}
            )
        if self._remembered(person, "Patient", key) is None:
            self._remember(person, "Patient", key, person)
        return person

    def _match(self, entry: Entry, fields: patient.PatientFields) -> Person | None:
        found: set[int] = set()
        nhs = nhs_number.normalise(fields.nhs_number) if fields.nhs_number else ""
        if nhs:
            found |= set(Person.objects.filter(nhs_number=nhs).values_list("pk", flat=True))
        if fields.identifiers:
            wanted = Q()
            for system, value in fields.identifiers:
                wanted |= Q(system=system, value=value)
            found |= set(ExternalIdentifier.objects.filter(wanted).values_list("person_id", flat=True))
        if not found:
            found |= set(
                ImportedResource.objects.filter(resource_type="Patient", key=entry.full_url or entry.key).values_list(
                    "person_id", flat=True
                )
            )
        if len(found) > 1:
            raise Refused(
                [
                    Issue(
                        self._where(entry, "identifier"),
                        "These identifiers name more than one person here",
                        code="duplicate",
                    )
                ]
            )
        return Person.objects.filter(pk__in=found).first()

    def _register(self, entry: Entry, fields: patient.PatientFields) -> Person:
        try:
            person = people.register_person(
                by=self.actor,
                given_name=fields.given_name[:100],
                family_name=fields.family_name[:100],
                preferred_name=fields.preferred_name[:100],
                date_of_birth=fields.date_of_birth,
                lead_organisation=self.organisation,
                audit=self.audit,
            )
            people.add_care_team_member(
                person,
                by=self.actor,
                user=self.actor,
                organisation=self.organisation,
                is_coordinator=True,
                audit=self.audit,
            )
            if fields.nhs_number:
                people.update_person_details(person, by=self.actor, nhs_number=fields.nhs_number, audit=self.audit)
        except ValidationError as error:
            raise Refused(_issues(f"{entry.where}(Patient)", error)) from error
        return person

    # Goal

    def _plan(self, person: Person) -> Plan:
        return plans.start_plan(person, by=self.actor, audit=self.audit)

    def _goal(self, entry: Entry) -> None:
        person = self._subject(entry, "subject")
        if entry.resource.get("lifecycleStatus") in ENDED_GOALS:
            self._passed_over(entry, "cancelled, rejected or entered in error")
            return
        known = self._remembered(person, "Goal", entry.key) or self._ours(entry, person, Outcome)
        if known is not None:
            self.outcomes[id(entry)] = Outcome.objects.get(pk=known)
            self._made(entry, MATCHED, self.outcomes[id(entry)])
            return
        fields = goal.from_fhir(entry.resource)
        outcome = plans.add_outcome(
            self._plan(person), by=self.actor, text=fields.text, why_it_matters=fields.why_it_matters, audit=self.audit
        )
        self._remember(person, "Goal", entry.key, outcome)
        self.outcomes[id(entry)] = outcome
        self._made(entry, CREATED, outcome)

    # About Me and the contingency plan: statements in their sections (About Me's are suggestions
    # to the person, as goals are: the person's own voice, ADR-025).

    def _statements(self, entry: Entry, found: list[tuple[str, str]]) -> None:
        person = self._subject(entry, "subject")
        raw = entry.full_url.removeprefix(f"{base_url()}/{entry.resource_type}/").partition("-")[0]
        if raw != entry.full_url and raw.isdigit() and Plan.objects.filter(pk=int(raw), person=person).exists():
            self.report.count(entry.resource_type, MATCHED, "our own plan, sent back")
            self.report.result(entry.where, MATCHED, f"CarePlan/{raw}", "our own plan, sent back")
            return
        plan = self._plan(person)
        new = 0
        for n, (section, words) in enumerate(found):
            key = f"{entry.key}#{n}"
            if self._remembered(person, f"{entry.resource_type}.statement", key) is not None:
                continue
            made = plans.add_statement(plan, by=self.actor, section=section, text=words, audit=self.audit)
            self._remember(person, f"{entry.resource_type}.statement", key, made)
            new += 1
        self._made(entry, CREATED if new else MATCHED, plan)

    # CarePlan

    def _care_plan(self, entry: Entry) -> None:
        person = self._subject(entry, "subject")
        ours = self._ours(entry, person, Plan)
        if ours is not None:
            self.report.count("CarePlan", MATCHED, "our own plan, sent back")
            self.report.result(entry.where, MATCHED, f"CarePlan/{ours}", "our own plan, sent back")
            return
        plan = self._plan(person)
        fields = careplan.from_fhir(entry.resource)
        new = 0
        for n, activity in enumerate(fields.activities):
            key = f"{entry.key}#activity{n}"
            if self._remembered(person, "CarePlan.activity", key) is not None:
                continue
            outcome = self._outcome_for(entry, plan, fields, activity)
            action = plans.add_action(
                outcome,
                by=self.actor,
                what=activity.what,
                owner_name=activity.owner_name,
                layer=activity.layer,
                due_on=activity.due_on,
                audit=self.audit,
            )
            if activity.status != ActionStatus.NOT_STARTED:
                plans.set_action_status(action, by=self.actor, status=activity.status, audit=self.audit)
            self._remember(person, "CarePlan.activity", key, action)
            new += 1
        if self._remembered(person, "CarePlan", entry.key) is None:
            self._remember(person, "CarePlan", entry.key, plan)
            self._made(entry, CREATED if new or not fields.activities else MATCHED, plan)
        else:
            self._made(entry, MATCHED if not new else CREATED, plan)

    def _outcome_for(
        self, entry: Entry, plan: Plan, fields: careplan.CarePlanFields, activity: careplan.ActivityFields
    ) -> Outcome:
        for ref in activity.goal_refs + fields.goal_refs:
            target = self.checked.resolve({"reference": ref})
            if target is not None and id(target) in self.outcomes:
                return self.outcomes[id(target)]
        # A plan with no goals (Synthea's older plans): one outcome named after it, a suggestion.
        key = f"{entry.key}#outcome"
        known = self._remembered(plan.person, "CarePlan.outcome", key)
        if known is not None:
            return Outcome.objects.get(pk=known)
        outcome = plans.add_outcome(plan, by=self.actor, text=fields.title, audit=self.audit)
        self._remember(plan.person, "CarePlan.outcome", key, outcome)
        return outcome


def issues_of(report: UnitReport) -> list[dict[str, Any]]:
    return [i.as_fhir() for i in report.issues]
