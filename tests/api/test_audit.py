"""Every read of a plan through the API is audited as `plans.plan.viewed`, with who and from where."""

import pytest

from livingplan.core.models import AuditEvent
from livingplan.plans.models import Plan
from tests.api.helpers import url
from tests.personas import World


@pytest.mark.parametrize("rest", ["/plan", "/plan/versions", "/plan/versions/1", "/plan/outcomes", "/about-me"])
def test_every_plan_read_writes_plan_viewed(world: World, agreed: Plan, api_as, rest: str) -> None:
    before = AuditEvent.objects.filter(action="plans.plan.viewed").count()
    assert api_as("dr.jones").get(url(world, rest)).status_code == 200
    events = AuditEvent.objects.filter(action="plans.plan.viewed")
    assert events.count() == before + 1
    event = events.latest("occurred_at")
    assert (event.actor, event.person_id) == (world.dr_jones, world.alex_record.pk)
    assert event.ip_address == "127.0.0.1"


def test_reading_a_person_is_audited_as_a_record_view(world: World, plan: Plan, api_as) -> None:
    api_as("priya").get(url(world))
    event = AuditEvent.objects.filter(action="people.person.viewed").latest("occurred_at")
    assert (event.actor, event.person_id, event.actor_organisation) == (
        world.priya,
        world.alex_record.pk,
        "Northbridge Council",
    )


def test_refused_reads_are_not_recorded_as_views(world: World, plan: Plan, api_as) -> None:
    omar, sam = api_as("omar"), api_as("sam")  # making their tokens is audited: before counting
    before = AuditEvent.objects.count()
    omar.get(url(world, "/plan"))
    sam.get(url(world, "/plan/versions/9"))
    assert AuditEvent.objects.count() == before
