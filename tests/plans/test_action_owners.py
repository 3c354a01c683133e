"""An action belongs to someone real: chosen from the person's people, shown by name, on their home."""

import datetime as dt
import html
import re
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from livingplan.plans import services as plans
from livingplan.plans.models import Action, Layer, Plan
from tests.factories import UserFactory
from tests.personas import World

ClientFor = Callable[[str], Client]
TODAY = timezone.localdate()


def text_of(response) -> str:
    assert response.status_code == 200
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.fixture
def plan(world: World) -> Plan:
    plan = plans.start_plan(world.alex_record, by=world.alex)
    plans.add_outcome(plan, by=world.alex, text="Walk to the shop", expected_revision=plan.revision)
    plan.refresh_from_db()
    return plan


def _add(plan: Plan, by, **kwargs) -> Action:
    plan.refresh_from_db()
    return plans.add_action(
        plan.outcomes.get(),
        by=by,
        what=kwargs.pop("what", "Ring the club"),
        layer=Layer.COMMUNITY,
        expected_revision=plan.revision,
        **{"owner_name": "", **kwargs},
    )


def test_the_form_offers_the_persons_people_and_someone_else(world: World, plan: Plan, client_for: ClientFor) -> None:
    outcome = plan.outcomes.get()
    page = text_of(client_for("priya").get(f"/people/{world.alex_record.pk}/plan/outcomes/{outcome.pk}/actions/add/"))

    for label in (
        "Alex Carter (the person)",
        "Sam Carter, daughter",
        "Priya Shah, coordinator, Northbridge Council",
        "Eleri Jones, GP, Riverside Medical Practice",
        "Someone else",
    ):
        assert label in page


def test_choosing_sam_stores_his_name_and_he_sees_it_under_my_actions(
    world: World, plan: Plan, client_for: ClientFor
) -> None:
    outcome = plan.outcomes.get()
    response = client_for("priya").post(
        f"/people/{world.alex_record.pk}/plan/outcomes/{outcome.pk}/actions/add/",
        {
            "revision": plan.revision,
            "what": "Walk to the shop together",
            "owner": str(world.sam.pk),
            "layer": Layer.FAMILY_FRIENDS,
            "due_on_day": str((TODAY - dt.timedelta(days=1)).day),
            "due_on_month": str((TODAY - dt.timedelta(days=1)).month),
            "due_on_year": str((TODAY - dt.timedelta(days=1)).year),
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(what="Walk to the shop together")
    assert (action.owner, action.owner_name) == (world.sam, "Sam Carter")

    sams_home = text_of(client_for("sam").get("/"))
    assert "My actions" in sams_home
    assert "Walk to the shop together" in sams_home
    assert "Overdue" in sams_home
    assert "Walk to the shop together" not in text_of(client_for("dr.jones").get("/"))


def test_someone_else_must_be_named(world: World, plan: Plan, client_for: ClientFor) -> None:
    outcome = plan.outcomes.get()
    url = f"/people/{world.alex_record.pk}/plan/outcomes/{outcome.pk}/actions/add/"
    base = {"revision": plan.revision, "what": "Fix the gate", "layer": Layer.COMMUNITY}

    assert "Select who will do it" in text_of_400(client_for("priya").post(url, base))
    assert "Enter who will do it" in text_of_400(client_for("priya").post(url, {**base, "owner": "someone-else"}))
    assert not Action.objects.filter(what="Fix the gate").exists()
    client_for("priya").post(url, {**base, "owner": "someone-else", "owner_name": "Bev next door"})
    assert Action.objects.get(what="Fix the gate").owner_name == "Bev next door"


def text_of_400(response) -> str:
    assert response.status_code == 400
    return html.unescape(response.content.decode())


def test_me_means_whoever_wrote_it_so_others_never_read_me(world: World, plan: Plan, client_for: ClientFor) -> None:
    action = _add(plan, world.alex, owner_name="me")

    assert (action.owner, action.owner_name) == (world.alex, "Alex Carter")
    sams_view = client_for("sam").get(f"/people/{world.alex_record.pk}/plan/").content.decode()
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Ring the club.*?</tr>", sams_view, re.S)
    assert row
    assert "Alex Carter" in row.group(0)


def test_an_owner_from_outside_the_persons_people_is_refused(world: World, plan: Plan) -> None:
    stranger = UserFactory.create()

    with pytest.raises(ValidationError):
        _add(plan, world.priya, owner=stranger)
    with pytest.raises(ValidationError):
        _add(plan, world.priya, owner=world.omar)
