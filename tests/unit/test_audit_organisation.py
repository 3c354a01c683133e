"""The organisation a member of staff acted for is on every event they cause; without one, nothing is written.

The probe found 14 of Dr Jones's 20 plan views stored with a blank organisation: the auditor
read it from the request, where nothing ever set it.
"""

from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.core import audit_context
from livingplan.core.audit_context import AuditContext
from livingplan.core.models import AuditEvent
from livingplan.core.services import auditor
from livingplan.people import services as people
from livingplan.plans import services as plans
from tests.personas import World


@pytest.fixture
def alexs_plan(world: World) -> None:
    plans.start_plan(world.alex_record, by=world.alex)


@pytest.mark.usefixtures("alexs_plan")
@pytest.mark.parametrize(
    ("username", "organisation"),
    [("dr.jones", "Riverside Medical Practice"), ("priya", "Northbridge Council"), ("morgan", "Northbridge Council")],
)
@pytest.mark.parametrize("page", ["plan/", "plan/versions/", "about-me/"])
def test_a_look_at_the_plan_by_staff_says_which_organisation_they_acted_for(
    world: World, client_for: Callable[[str], Client], username: str, organisation: str, page: str
) -> None:
    assert client_for(username).get(f"/people/{world.alex_record.pk}/{page}").status_code == 200

    event = AuditEvent.objects.filter(person_id=world.alex_record.pk).latest("pk")
    assert (event.actor.username, event.actor_organisation, event.is_read) == (username, organisation, True)


def test_a_change_by_staff_says_which_organisation_too(world: World) -> None:
    plan = plans.start_plan(world.alex_record, by=world.priya)

    event = AuditEvent.objects.get(action="plans.plan.created", person_id=plan.person_id)
    assert (event.actor, event.actor_organisation) == (world.priya, "Northbridge Council")


def test_an_event_about_nobody_in_particular_names_the_staff_members_organisation(world: World) -> None:
    event = auditor.record("accounts.two_factor.enrolled", audit=AuditContext.for_actor(world.dr_jones))

    assert event.actor_organisation == "Riverside Medical Practice"


@pytest.mark.usefixtures("alexs_plan")
@pytest.mark.parametrize("username", ["alex", "sam"])
def test_the_person_and_their_circle_act_for_no_organisation(
    world: World, client_for: Callable[[str], Client], username: str
) -> None:
    assert client_for(username).get(f"/people/{world.alex_record.pk}/plan/").status_code == 200

    event = AuditEvent.objects.filter(person_id=world.alex_record.pk).latest("pk")
    assert (event.actor.username, event.actor_organisation) == (username, "")


def test_a_staff_event_whose_organisation_cannot_be_told_is_refused_and_nothing_is_written(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_context, "_organisation_finder", lambda actor, person_id: "")
    before = AuditEvent.objects.count()

    with pytest.raises(auditor.UnattributedStaffEventError):
        people.record_person_viewed(world.alex_record, by=world.priya)

    assert AuditEvent.objects.count() == before


def test_the_organisation_is_found_in_one_query(world: World, django_assert_num_queries) -> None:
    with django_assert_num_queries(1):
        assert people.organisation_acted_for(world.dr_jones, world.alex_record.pk) == "Riverside Medical Practice"
    with django_assert_num_queries(1):
        assert people.organisation_acted_for(world.sam, world.alex_record.pk) is None
