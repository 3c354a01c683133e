"""Once Alex's plan is agreed, his home puts his plan first and says where he is in two lines;
before then (Jo, preparing) the whole list of steps comes first."""

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.utils import timezone

from livingplan.journeys import services
from livingplan.people.models import Person
from tests.factories import active_plan_for_alex
from tests.journeys.conftest import signed_in_as
from tests.personas import World


def test_alexs_home_puts_his_agreed_plan_before_where_he_is(world: World, client_for: Callable[[str], Client]) -> None:
    active_plan_for_alex(world)

    home = client_for("alex").get("/").content.decode()

    assert home.index("Your plan is <strong>active</strong>") < home.index("What happens next")
    assert "You are here: <strong>Making it happen</strong>. Now, until your next review." in home
    assert "All the steps of your planning" in home
    assert "1. Preparing" not in home, "the steps behind him are on his planning page, not his home"
    assert "Get ready for your planning conversation" not in home


def test_the_whole_list_stays_on_alexs_planning_page(world: World, client_for: Callable[[str], Client]) -> None:
    active_plan_for_alex(world)

    page = client_for("alex").get(f"/people/{world.alex_record.pk}/planning/").content.decode()

    assert "1. Preparing" in page
    assert "Now, until your next review" in page


def test_jo_preparing_sees_every_step_before_her_plan(world: World, jo: Person) -> None:
    services.start_planning(jo, by=world.priya, conversation_by=timezone.localdate() + dt.timedelta(days=28))

    home = signed_in_as(jo).get("/").content.decode()

    assert home.index("What happens next") < home.index(">Your plan</h2>")
    assert "1. Preparing" in home
    assert "Get ready for your planning conversation" in home
