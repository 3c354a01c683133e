"""Every row held about one person, for their subject access export, read through `visible_to(viewer)`.

Only the person downloads this today, and they see every part; the export still follows the
record's sharing groups, so it can never hold more than the record page shows the reader.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from livingplan.community.models import HelpedAnswer, ResourceLink
from livingplan.core.models import AuditEvent
from livingplan.notifications.models import OutboxMessage

# The record's own rows, as `record.Advocacy`: the names say which part of the record they are.
from livingplan.people import models as record
from livingplan.plans import rules
from livingplan.plans.models import (
    Action,
    ContentEdit,
    Disagreement,
    LinkedPlan,
    Outcome,
    Plan,
    PlanNote,
    PlanStatusChange,
    PlanVersion,
    Risk,
    SharingChoice,
    Statement,
    WritesForPerson,
)
from livingplan.plans.notes import NOTES
from livingplan.plans.sections import SECTION_GROUP, SharingGroup
from livingplan.plans.sharing import shared_actions

OWN_VOICE = ("contributed_by", "decided_by")


@dataclass
class SubjectAccess:
    """Every row held about one person, read through `visible_to(viewer)`."""

    person: record.Person
    communication: record.CommunicationNeeds | None
    care_team: list[record.CareTeamMember]
    circle: list[record.CircleMember]
    consents: list[record.SharingConsent]
    plan: Plan | None
    sharing_choices: list[SharingChoice]
    versions: list[PlanVersion]
    audit: list[AuditEvent]
    personal_details: bool = True  # date of birth, NHS number, address, GP: only if shared (ADR-023)
    invitations: list[record.CircleInvitation] = field(default_factory=list)
    own_invitations: list[record.OwnInvitation] = field(default_factory=list)  # to sign in (ADR-048)
    capacity: list[record.CapacityAssessment] = field(default_factory=list)
    advocacy: record.Advocacy | None = None
    legal: list[record.LegalAuthority] = field(default_factory=list)
    writers: list[WritesForPerson] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    content_edits: list[ContentEdit] = field(default_factory=list)
    linked_plans: list[LinkedPlan] = field(default_factory=list)
    status_changes: list[PlanStatusChange] = field(default_factory=list)
    notes: list[PlanNote] = field(default_factory=list)
    messages: list[OutboxMessage] = field(default_factory=list)
    # What the coordinator was asked to do because a message could not (ADR-032).
    coordinator_tasks: list[record.CoordinatorTask] = field(default_factory=list)
    # Local activities linked to the plan's actions, and whether they helped (issue 12).
    local_links: list[ResourceLink] = field(default_factory=list)
    helped: dict[int, HelpedAnswer] = field(default_factory=dict)  # link id -> the person's answer


def load_subject_access(person: record.Person, *, viewer: Any, groups: frozenset[str]) -> SubjectAccess:
    """Read everything about `person` that `viewer` may see, in a fixed number of queries."""
    plan = Plan.objects.visible_to(viewer).filter(person=person).select_related("review_lead").first()
    mine = {"viewer": viewer, "person": person}
    data = SubjectAccess(
        person=person,
        personal_details=SharingGroup.PERSONAL_DETAILS in groups,
        communication=record.CommunicationNeeds.objects.visible_to(viewer).filter(person=person).first(),
        care_team=_rows(record.CareTeamMember, **mine, related=("user", "organisation")),
        circle=_rows(record.CircleMember, **mine),
        # The fact of an invitation, to whom and when, is the person's; its token hash never leaves.
        invitations=list(
            record.CircleInvitation.objects.visible_to(viewer)
            .filter(circle_member__person=person)
            .select_related("circle_member", "created_by")
        ),
        own_invitations=_rows(record.OwnInvitation, **mine, related=("created_by",)),
        consents=_rows(record.SharingConsent, **mine, related=("organisation",)),
        plan=plan,
        sharing_choices=_rows(SharingChoice, **mine, related=("circle_member", "organisation")),
        versions=list(
            PlanVersion.objects.visible_to(viewer)
            .filter(person=person)
            .select_related("agreed_by", "acting_authority")
            .prefetch_related("signatures__signed_by")
            .order_by("number")
        ),
        audit=list(AuditEvent.objects.visible_to(viewer).about_person(person.pk).select_related("actor")),
        coordinator_tasks=_rows(record.CoordinatorTask, **mine, related=("done_by",)),
    )
    if person.user_id is not None:
        # Messages sent to the person; those to their circle or care team are the recipients' own.
        data.messages = list(OutboxMessage.objects.visible_to(viewer).to_user(person.user).filter(person_id=person.pk))
    if SharingGroup.CAPACITY in groups:
        data.capacity = _rows(record.CapacityAssessment, **mine, related=("assessed_by",))
        data.advocacy = record.Advocacy.objects.visible_to(viewer).filter(person=person).first()
        data.legal = _rows(record.LegalAuthority, **mine, related=("held_by",))
    # Who may write for the person shows only to whoever decides on their words (the writers page).
    if rules.may_decide_suggestions(viewer, person):
        data.writers = _rows(WritesForPerson, **mine, related=("supporter", "granted_by", "ended_by"))
    if plan is not None:
        _load_plan(data, plan, viewer=viewer, groups=groups)
    return data


def _rows(model: Any, *, viewer: Any, person: record.Person, related: tuple[str, ...] = ()) -> list[Any]:
    return list(model.objects.visible_to(viewer).filter(person=person).select_related(*related))


def _load_plan(data: SubjectAccess, plan: Plan, *, viewer: Any, groups: frozenset[str]) -> None:
    def for_plan(model: Any, *related: str) -> list[Any]:
        return list(model.objects.visible_to(viewer).filter(plan=plan).select_related(*related))

    data.statements = [s for s in for_plan(Statement, *OWN_VOICE) if SECTION_GROUP[s.section] in groups]
    if SharingGroup.OUTCOMES in groups:
        actions = Action.objects.visible_to(viewer).select_related("contributed_by", "owner")
        data.outcomes = list(
            Outcome.objects.visible_to(viewer)
            .filter(plan=plan)
            .select_related(*OWN_VOICE)
            .prefetch_related(Prefetch("actions", shared_actions(actions, groups)), "scores__recorded_by")
        )
    if SharingGroup.RISKS in groups:
        data.risks = for_plan(Risk, "contributed_by")
    # A different view, or a change to the words, sits beside one item; it is shown only where that item is.
    shown = {f"statement:{s.pk}" for s in data.statements} | {f"risk:{r.pk}" for r in data.risks}
    for o in data.outcomes:
        shown |= {f"outcome:{o.pk}"} | {f"action:{a.pk}" for a in o.actions.all()}
    data.disagreements = [d for d in for_plan(Disagreement, "raised_by") if d.about in shown]
    _load_local_links(data, shown, viewer=viewer)
    data.content_edits = [e for e in for_plan(ContentEdit, "edited_by") if e.about in shown]
    if SharingGroup.LINKED_PLANS in groups:
        data.linked_plans = for_plan(LinkedPlan)
    data.status_changes = for_plan(PlanStatusChange, "changed_by")
    if NOTES in groups:
        data.notes = for_plan(PlanNote, "written_by")


def _load_local_links(data: SubjectAccess, shown: set[str], *, viewer: Any) -> None:
    """The links of the actions shown (a link is seen exactly where its action is), and their answers."""
    action_ids = [int(item.split(":")[1]) for item in shown if item.startswith("action:")]
    data.local_links = list(
        ResourceLink.objects.visible_to(viewer)
        .filter(person=data.person, action_id__in=action_ids)
        .select_related("action", "resource", "linked_by")
    )
    answers = HelpedAnswer.objects.visible_to(viewer).filter(link__in=[link.pk for link in data.local_links])
    data.helped = {answer.link_id: answer for answer in answers.select_related("answered_by")}
