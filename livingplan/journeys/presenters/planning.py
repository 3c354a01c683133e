"""The planning page: where the person is on their journey, and each part of their preparation."""

from dataclasses import dataclass

from livingplan.core.viewer import Viewer
from livingplan.journeys import facts, rules
from livingplan.journeys.models import PlanningStarted
from livingplan.journeys.presenters.journey import Journey, journey_for
from livingplan.journeys.presenters.preparation import WaitingForYou, waiting_for
from livingplan.people import rules as people_rules
from livingplan.people.models import Person


@dataclass(frozen=True)
class PartRow:
    number: int
    title: str
    status: str
    tag_class: str
    detail: str
    href: str


_TAGS = {
    facts.PartStatus.DONE: "nhsuk-tag--green",
    facts.PartStatus.IN_PROGRESS: "nhsuk-tag--blue",
    facts.PartStatus.NOT_STARTED: "nhsuk-tag--grey",
}


@dataclass(frozen=True)
class PlanningPage:
    person: Person
    is_self: bool
    journey: Journey | None
    started: bool
    may_start: bool
    parts: list[PartRow]
    waiting: WaitingForYou | None  # for the person: results not yet explained to them

    @property
    def title(self) -> str:
        return "Your planning" if self.is_self else f"Planning with {self.person.name_to_use}"

    @classmethod
    def build(cls, viewer: Viewer, person: Person) -> "PlanningPage":
        started = PlanningStarted.objects.visible_to(viewer).filter(person=person).exists()
        is_self = people_rules.is_the_person(viewer, person)
        parts = []
        if started:
            for part in facts.preparation_parts():
                summary = part.summary(viewer, person)
                parts.append(
                    PartRow(
                        number=part.number,
                        title=(is_self and part.title_for_the_person) or part.title,
                        status=str(summary.status),
                        tag_class=_TAGS[summary.status],
                        detail=summary.detail,
                        href=summary.href,
                    )
                )
        return cls(
            person=person,
            is_self=is_self,
            journey=journey_for(viewer, person),
            started=started,
            may_start=not started and rules.may_start_planning(viewer, person),
            parts=parts,
            waiting=waiting_for(viewer, person) if started else None,
        )
