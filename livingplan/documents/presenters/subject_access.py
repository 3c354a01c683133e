"""Every row held about one person, for their subject access export, read through `visible_to(viewer)`."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch

from livingplan.core.models import AuditEvent
from livingplan.people.models import (
    Advocacy,
    CapacityAssessment,
    CareTeamMember,
    CircleMember,
    CommunicationNeeds,
    LegalAuthority,
    Person,
    SharingConsent,
)
from livingplan.plans.models import (
    Action,
    Disagreement,
    LinkedPlan,
    Outcome,
    Plan,
    PlanStatusChange,
    PlanVersion,
    Risk,
    SharingChoice,
    Statement,
)
from livingplan.plans.sections import SECTION_GROUP, SharingGroup
from livingplan.plans.sharing import shared_actions


@dataclass
class SubjectAccess:
    """Every row held about one person, read through `visible_to(viewer)`."""

    person: Person
    communication: CommunicationNeeds | None
    capacity: list[CapacityAssessment]
    advocacy: Advocacy | None
    legal: list[LegalAuthority]
    care_team: list[CareTeamMember]
    circle: list[CircleMember]
    consents: list[SharingConsent]
    plan: Plan | None
    statements: list[Statement]
    outcomes: list[Outcome]
    risks: list[Risk]
    disagreements: list[Disagreement]
    linked_plans: list[LinkedPlan]
    status_changes: list[PlanStatusChange]
    sharing_choices: list[SharingChoice]
    versions: list[PlanVersion]
    audit: list[AuditEvent]
    personal_details: bool = True  # date of birth, NHS number, address, GP: only if shared (ADR-023)


def load_subject_access(person: Person, *, viewer: Any, groups: frozenset[str]) -> SubjectAccess:
    """Read everything about `person` that `viewer` may see, in a fixed number of queries."""
    plan = Plan.objects.visible_to(viewer).filter(person=person).select_related("review_lead").first()

    def for_plan(model: Any, *related: str) -> list[Any]:
        if plan is None:
            return []
        return list(model.objects.visible_to(viewer).filter(plan=plan).select_related(*related))

    statements = [s for s in for_plan(Statement, "contributed_by") if SECTION_GROUP[s.section] in groups]
    outcomes: list[Outcome] = []
    if plan is not None and SharingGroup.OUTCOMES in groups:
        outcomes = list(
            Outcome.objects.visible_to(viewer)
            .filter(plan=plan)
            .select_related("contributed_by")
            .prefetch_related(
                Prefetch("actions", shared_actions(Action.objects.select_related("contributed_by"), groups)),
                "scores__recorded_by",
            )
        )
    risks = for_plan(Risk, "contributed_by") if SharingGroup.RISKS in groups else []
    # A different view sits beside one item; it is shown only where that item is.
    shown = {f"statement:{s.pk}" for s in statements} | {f"risk:{r.pk}" for r in risks}
    for o in outcomes:
        shown |= {f"outcome:{o.pk}"} | {f"action:{a.pk}" for a in o.actions.all()}
    # Only the person downloads this today, and they see every part; the export still follows the
    # record's sharing groups, so it can never hold more than the record page shows the reader.
    capacity = SharingGroup.CAPACITY in groups
    return SubjectAccess(
        person=person,
        personal_details=SharingGroup.PERSONAL_DETAILS in groups,
        communication=CommunicationNeeds.objects.visible_to(viewer).filter(person=person).first(),
        capacity=list(CapacityAssessment.objects.visible_to(viewer).filter(person=person).select_related("assessed_by"))
        if capacity
        else [],
        advocacy=Advocacy.objects.visible_to(viewer).filter(person=person).first() if capacity else None,
        legal=list(LegalAuthority.objects.visible_to(viewer).filter(person=person)) if capacity else [],
        care_team=list(
            CareTeamMember.objects.visible_to(viewer).filter(person=person).select_related("user", "organisation")
        ),
        circle=list(CircleMember.objects.visible_to(viewer).filter(person=person)),
        consents=list(SharingConsent.objects.visible_to(viewer).filter(person=person).select_related("organisation")),
        plan=plan,
        statements=statements,
        outcomes=outcomes,
        risks=risks,
        disagreements=[d for d in for_plan(Disagreement, "raised_by") if d.about in shown],
        linked_plans=for_plan(LinkedPlan) if SharingGroup.LINKED_PLANS in groups else [],
        status_changes=for_plan(PlanStatusChange, "changed_by"),
        sharing_choices=list(
            SharingChoice.objects.visible_to(viewer)
            .filter(person=person)
            .select_related("circle_member", "organisation")
        ),
        versions=list(
            PlanVersion.objects.visible_to(viewer)
            .filter(person=person)
            .select_related("agreed_by", "acting_authority")
            .prefetch_related("signatures__signed_by")
            .order_by("number")
        ),
        audit=list(AuditEvent.objects.visible_to(viewer).about_person(person.pk).select_related("actor")),
    )
