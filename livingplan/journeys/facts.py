"""What the apps above journeys tell it, so the journey is worked out from what actually happened.

journeys sits below conversations and appointments in the layers: it may not import them, and they
may not import each other. So each registers, from its `AppConfig.ready`, a function that says
what it knows about one person, as `people.record_parts.register_parts_finder` does for sharing:

- `register_fact_finder(name, finder)`: `finder(viewer, person)` returns `Fact`s, such as
  "the conversation is booked for 3 March" (appointments) or "the conversation was held"
  (conversations). The journey's step list reads them; no stage is ever stored.
- `register_preparation_part(part)`: a part of the preparation with its own checklist and status,
  shown on the planning page beside the others (parts 1 and 3 are journeys' own, registered the
  same way in `apps.py`; part 2, the person's own preparation, is the conversations app's).

Both are keyed by name, so registering again (tests, a reloaded app) replaces rather than adds.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from livingplan.core.viewer import Viewer
from livingplan.people.models import Person


class FactKind(StrEnum):
    CONVERSATION_BOOKED = "CONVERSATION_BOOKED"  # `on`: the day it is booked for
    CONVERSATION_HELD = "CONVERSATION_HELD"  # `on`: the day it was held


@dataclass(frozen=True)
class Fact:
    kind: FactKind
    on: dt.date
    who: str = ""  # who leads it, by name ("Priya Shah"), if known


FactFinder = Callable[[Viewer, Person], Iterable[Fact]]
_fact_finders: dict[str, FactFinder] = {}


def register_fact_finder(name: str, finder: FactFinder) -> None:
    """Called from an `AppConfig.ready`: `finder` reads only through `visible_to(viewer)`."""
    _fact_finders[name] = finder


def facts_about(viewer: Viewer, person: Person) -> list[Fact]:
    return [fact for finder in _fact_finders.values() for fact in finder(viewer, person)]


class PartStatus(StrEnum):
    NOT_STARTED = "Not started"
    IN_PROGRESS = "In progress"
    DONE = "Done"


@dataclass(frozen=True)
class PartSummary:
    status: PartStatus
    detail: str = ""  # one plain sentence about where it has got to
    href: str = ""  # the part's page, for a viewer who may open it; "" when they may not


@dataclass(frozen=True)
class PreparationPart:
    number: int  # 1, 2 or 3: the order the parts are shown in
    title: str
    summary: Callable[[Viewer, Person], PartSummary]
    # What the person reads instead, where the title speaks of them ("Your own preparation").
    title_for_the_person: str = ""


_parts: dict[int, PreparationPart] = {}


def register_preparation_part(part: PreparationPart) -> None:
    _parts[part.number] = part


def preparation_parts() -> list[PreparationPart]:
    return [_parts[number] for number in sorted(_parts)]
