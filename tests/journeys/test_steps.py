"""Where the person is comes from what happened, never from a stored stage."""

import datetime as dt
from collections.abc import Iterator

import pytest
from django.utils import timezone

from livingplan.core.viewer import Viewer
from livingplan.journeys import facts, services
from livingplan.journeys.presenters.journey import journey_for
from livingplan.journeys.steps import JourneyFacts, Step, current_step, step_rows
from livingplan.people.models import Person
from tests.personas import World

NOTHING = JourneyFacts(
    started=False,
    conversation_by=None,
    coordinator="",
    ready=False,
    booked_on=None,
    held_on=None,
    plan_status=None,
    next_review_on=None,
)
STARTED = JourneyFacts(**{**NOTHING.__dict__, "started": True, "conversation_by": dt.date(2026, 9, 29)})


def _with(base: JourneyFacts, **changes: object) -> JourneyFacts:
    return JourneyFacts(**{**base.__dict__, **changes})


@pytest.mark.parametrize(
    ("journey", "step"),
    [
        (NOTHING, None),
        (STARTED, Step.PREPARING),
        (_with(STARTED, ready=True), Step.TALKING),
        (_with(STARTED, booked_on=dt.date(2026, 9, 20)), Step.TALKING),
        (_with(STARTED, held_on=dt.date(2026, 9, 20), plan_status="DRAFT"), Step.WRITING),
        (_with(STARTED, plan_status="PROPOSED"), Step.AGREEING),
        (_with(STARTED, plan_status="ACTIVE"), Step.MAKING_IT_HAPPEN),
        (_with(STARTED, plan_status="UNDER_REVIEW"), Step.REVIEWING),
        (_with(NOTHING, plan_status="DRAFT"), Step.WRITING),
    ],
)
def test_the_current_step_follows_from_the_facts(journey: JourneyFacts, step: Step | None) -> None:
    assert current_step(journey) == step


def test_each_step_says_where_it_stands_and_who_does_it_by_when() -> None:
    rows = step_rows(_with(STARTED, coordinator="Priya Shah", next_review_on=dt.date(2027, 3, 1)))

    assert [row.state for row in rows] == ["You are here", "Next", "Later", "Later", "Later", "Later"]
    assert (rows[1].who, rows[1].when) == ("You and Priya Shah", "By 29 September 2026")
    assert rows[5].when == "By 1 March 2027"


@pytest.fixture
def booked() -> Iterator[None]:
    """What the appointments app will register: the conversation is booked."""

    def finder(viewer: Viewer, person: Person) -> list[facts.Fact]:
        return [facts.Fact(kind=facts.FactKind.CONVERSATION_BOOKED, on=dt.date(2026, 9, 22), who="Priya Shah")]

    facts.register_fact_finder("test.booked", finder)
    yield
    facts._fact_finders.pop("test.booked")


def test_an_app_above_tells_the_journey_the_conversation_is_booked(world: World, jo: Person, booked: None) -> None:
    services.start_planning(jo, by=world.priya, conversation_by=timezone.localdate() + dt.timedelta(days=28))

    assert jo.user is not None
    journey = journey_for(jo.user, jo)

    assert journey is not None
    assert journey.current.title == "Talking it through"
    assert journey.current.when == "Booked for 22 September 2026"
