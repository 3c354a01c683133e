"""The "what is on near you" pack: chosen from Alex's outcomes and area, in his recorded format, as a PDF."""

from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.community import services
from livingplan.community.models import ResourceKind
from livingplan.core.models import AuditEvent
from livingplan.people import services as people
from livingplan.people.models import InformationFormat
from livingplan.plans import services as plans
from livingplan.plans.models import Layer
from tests.community.directory import WALKERS, add_walking_group
from tests.documents.conftest import pdf_info, pdf_text
from tests.personas import World


@pytest.fixture
def alex_near_walkers(world: World) -> None:
    people.update_person_details(world.alex_record, by=world.priya, postcode="NB1 4QT")
    plan = plans.start_plan(world.alex_record, by=world.priya)
    outcome = plans.add_outcome(plan, by=world.alex, text="Get out walking again")
    plans.add_action(outcome, by=world.priya, what="Find a group", owner_name="Alex", layer=Layer.COMMUNITY)
    add_walking_group(world, postcode="NB1 2AA")
    services.save_resource(
        None,
        by=world.admin,
        name="Northbridge Library",
        kind=ResourceKind.LIBRARY,
        description="Books, computers and a Thursday knit and natter.",
        postcode="NB1 1AA",
        when="Monday to Saturday, 9am to 5pm",
    )
    services.save_resource(
        None,
        by=world.admin,
        name="Southmere Ramblers",
        kind=ResourceKind.GROUP,
        description="Long walks for experienced walkers.",
        postcode="SM4 1AA",
    )


@pytest.mark.usefixtures("alex_near_walkers")
def test_alex_prints_his_pack_of_what_is_on_near_him(world: World, client_for: Callable[[str], Client]) -> None:
    response = client_for("alex").get(f"/people/{world.alex_record.pk}/what-is-on-near-you.pdf")

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert pdf_info(response.content)["Tagged"] == "yes"  # PDF/UA-1, like the plan
    assert "What is on near you" in text
    assert "For “Get out walking again”" in text
    assert WALKERS in text
    assert "More in NB1" in text
    assert "Northbridge Library" in text
    assert "Southmere Ramblers" not in text  # another area
    assert AuditEvent.objects.filter(action="community.pack.exported", person_id=world.alex_record.pk).exists()


@pytest.mark.usefixtures("alex_near_walkers")
def test_the_pack_comes_in_alexs_recorded_format(world: World, client_for: Callable[[str], Client]) -> None:
    people.set_communication_needs(world.alex_record, by=world.alex, information_format=InformationFormat.EASY_READ)

    response = client_for("alex").get(f"/people/{world.alex_record.pk}/what-is-on-near-you.pdf")

    assert "easy-read" in response["Content-Disposition"]
    page = client_for("alex").get(f"/people/{world.alex_record.pk}/what-is-on-near-you.pdf?print").content.decode()
    assert "livingplan-doc--easy-read" in page
    assert "Because I want to: Get out walking again" in page


@pytest.mark.usefixtures("alex_near_walkers")
def test_large_print_can_be_asked_for(world: World, client_for: Callable[[str], Client]) -> None:
    page = client_for("priya").get(f"/people/{world.alex_record.pk}/what-is-on-near-you.pdf?print&format=large-print")

    assert 'class="livingplan-doc livingplan-doc--large-print' in page.content.decode()
    assert "What is on near Alex" in page.content.decode()


@pytest.mark.usefixtures("alex_near_walkers")
@pytest.mark.parametrize("username", ["omar", "casey", "admin"])
def test_someone_who_may_not_see_alex_gets_404_for_his_pack(
    username: str, world: World, client_for: Callable[[str], Client]
) -> None:
    response = client_for(username).get(f"/people/{world.alex_record.pk}/what-is-on-near-you.pdf")

    assert response.status_code == 404


@pytest.mark.usefixtures("alex_near_walkers")
def test_while_the_worker_is_busy_alex_is_told_his_pack_is_being_made_then_gets_it(
    world: World, client_for: Callable[[str], Client], worker_busy: Callable[[], int]
) -> None:
    """Rendering a pack takes WeasyPrint seconds, so no web worker waits for it (ADR-019)."""
    alex, url = client_for("alex"), f"/people/{world.alex_record.pk}/what-is-on-near-you.pdf"

    waiting = alex.get(url)

    assert waiting.status_code == 202
    assert "<h1>Your PDF of what is on near you is being made</h1>" in waiting.content.decode()
    assert not AuditEvent.objects.filter(action="community.pack.exported").exists()
    assert worker_busy() == 1
    ready = alex.get(url)
    assert ready["Content-Type"] == "application/pdf"
    assert WALKERS in pdf_text(ready.content)
    assert AuditEvent.objects.filter(action="community.pack.exported", person_id=world.alex_record.pk).count() == 1


@pytest.mark.usefixtures("alex_near_walkers")
def test_a_pack_made_before_something_new_nearby_is_made_again(
    world: World, client_for: Callable[[str], Client], worker_busy: Callable[[], int]
) -> None:
    alex, url = client_for("alex"), f"/people/{world.alex_record.pk}/what-is-on-near-you.pdf"
    alex.get(url)
    worker_busy()
    services.save_resource(
        None,
        by=world.admin,
        name="Northbridge Nordic Walkers",
        kind=ResourceKind.GROUP,
        description="Walking with poles, all levels.",
        postcode="NB1 2XY",
    )

    assert alex.get(url).status_code == 202
    assert worker_busy() == 1
    assert "Northbridge Nordic Walkers" in pdf_text(alex.get(url).content)
