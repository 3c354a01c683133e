"""A different view about an action is shown beside the action, as one about an outcome or a
statement is (issue 10): the plan took it and, until now, showed it nowhere."""

import pytest
from django.test import Client

from livingplan.accounts.models import User
from livingplan.plans import services
from livingplan.plans.models import Action, Layer, Plan
from tests.personas import World


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def action(world: World, plan: Plan) -> Action:
    return services.add_action(
        plan.outcomes.get(),
        by=world.priya,
        what="Physiotherapy twice a week",
        owner_name="Community physio team",
        layer=Layer.SPECIALIST,
    )


def plan_page(user: User, world: World) -> str:
    return signed_in(user).get(f"/people/{world.alex_record.pk}/plan/").content.decode()


def test_sams_view_about_an_action_is_shown_beside_it_to_alex_and_his_care_team(
    world: World, plan: Plan, action: Action
) -> None:
    url = f"/people/{world.alex_record.pk}/plan/action/{action.pk}/different-view/"
    plan.refresh_from_db()
    body = {"revision": plan.revision, "view": "Twice a week tires him out", "how_handled": "Try once a week first"}

    assert signed_in(world.sam).post(url, body).status_code == 302

    for reader in (world.alex, world.priya):
        actions_table = plan_page(reader, world).split("<caption", 1)[1].split("</table>", 1)[0]
        assert "Physiotherapy twice a week" in actions_table
        assert "Sam Carter sees this differently:</strong> Twice a week tires him out" in actions_table
        assert "How it was handled: Try once a week first" in actions_table


def test_the_plan_page_offers_to_record_a_different_view_about_each_action(
    world: World, plan: Plan, action: Action
) -> None:
    page = plan_page(world.sam, world)

    assert f"/plan/action/{action.pk}/different-view/" in page
    assert 'Record a different view<span class="nhsuk-u-visually-hidden"> about: Physiotherapy twice a week' in page
