"""The person's journey as a short list of steps, for their home and the planning page."""

from dataclasses import dataclass

from livingplan.core.viewer import Viewer
from livingplan.journeys import facts, steps
from livingplan.journeys.models import PlanningStarted, ReadyForConversation
from livingplan.people.models import CareTeamMember, CommunicationNeeds, InformationFormat, Person
from livingplan.plans.models import Plan


@dataclass(frozen=True)
class Journey:
    rows: list[steps.StepRow]
    format_class: str  # "large-print" or "easy-read" for the stylesheet, "" for standard print
    easy_read: bool

    @property
    def current(self) -> steps.StepRow:
        return next(row for row in self.rows if row.is_current)

    @property
    def next(self) -> steps.StepRow | None:
        return next((row for row in self.rows if row.number == self.current.number + 1), None)

    @property
    def plan_in_place(self) -> bool:
        """Agreed (or under review): the steps before are behind them, so their home says where they are
        in two lines and puts their plan first; the whole list stays on their planning page."""
        return self.current.number >= steps.Step.MAKING_IT_HAPPEN


_FORMATS = {InformationFormat.LARGE_PRINT: "large-print", InformationFormat.EASY_READ: "easy-read"}


def journey_facts(viewer: Viewer, person: Person) -> steps.JourneyFacts:
    started = PlanningStarted.objects.visible_to(viewer).filter(person=person).first()
    coordinator = (
        CareTeamMember.objects.visible_to(viewer)
        .filter(person=person, is_coordinator=True, ended_on__isnull=True)
        .select_related("user")
        .first()
    )
    plan = Plan.objects.visible_to(viewer).filter(person=person).only("status", "next_review_on").first()
    told = facts.facts_about(viewer, person)
    booked = [f for f in told if f.kind == facts.FactKind.CONVERSATION_BOOKED]
    held = [f for f in told if f.kind == facts.FactKind.CONVERSATION_HELD]
    return steps.JourneyFacts(
        started=started is not None,
        conversation_by=started.conversation_by if started else None,
        coordinator=coordinator.user.display_name if coordinator else "",
        ready=ReadyForConversation.objects.visible_to(viewer).filter(person=person).exists(),
        booked_on=max(f.on for f in booked) if booked else None,
        held_on=max(f.on for f in held) if held else None,
        plan_status=plan.status if plan else None,
        next_review_on=plan.next_review_on if plan else None,
    )


def journey_for(viewer: Viewer, person: Person) -> Journey | None:
    """Where `person` is on their journey, in their recorded format; None before it has begun."""
    needs = CommunicationNeeds.objects.visible_to(viewer).filter(person=person).first()
    fmt = _FORMATS.get(InformationFormat(needs.information_format), "") if needs else ""
    rows = steps.step_rows(journey_facts(viewer, person), easy_read=fmt == "easy-read")
    if not rows:
        return None
    return Journey(rows=rows, format_class=fmt, easy_read=fmt == "easy-read")
