"""Rounds: invited raters score and come back, others are told why not, and a refusal saves nothing."""

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from livingplan.notifications.models import OutboxMessage
from livingplan.selfassessment import services
from livingplan.selfassessment.models import Rating, Round
from tests.personas import World
from tests.selfassessment.builders import AGREED_AREA, GAP_AREA, invite_three, start_round

Clients = Callable[[str], Client]


@pytest.fixture
def round_(world: World) -> Round:
    found = start_round(world)
    invite_three(world, found)
    return found


def rate_url(round_: Round, area: str = "") -> str:
    return f"/self-assessment/rounds/{round_.pk}/rate/" + (f"{area}/" if area else "")


def test_admin_starts_a_round_for_northbridge_and_lands_on_it(world: World, client_for: Clients) -> None:
    admin = client_for("admin")
    response = admin.post(
        f"/self-assessment/organisations/{world.council_a.pk}/start/",
        {"title": "Autumn check", "version": str(services.shipped_version().pk), "team": ""},
        follow=True,
    )
    assert "Autumn check" in response.content.decode()
    assert "Nobody has been invited yet." in response.content.decode()


def test_the_admin_invites_a_rater_by_username(world: World, client_for: Clients) -> None:
    found = start_round(world)
    response = client_for("admin").post(
        f"/self-assessment/rounds/{found.pk}/invite/", {"username": "alex", "kind": "PERSON"}, follow=True
    )
    assert "Person who uses services" in response.content.decode()


def test_level_descriptions_are_shown_as_hints_beside_the_radios(round_: Round, client_for: Clients) -> None:
    page = client_for("alex").get(rate_url(round_, AGREED_AREA)).content.decode()
    assert "We fix the time and place that suit us and send a standard letter." in page
    assert 'type="radio"' in page


def test_a_rater_saves_and_comes_back_to_their_level_and_evidence(round_: Round, client_for: Clients) -> None:
    alex = client_for("alex")
    saved = alex.post(rate_url(round_, AGREED_AREA), {"level": "2", "evidence": "I got a letter with a time"})
    assert saved.status_code == 302
    again = alex.get(rate_url(round_, AGREED_AREA)).content.decode()
    assert 'value="2" checked' in again
    assert "I got a letter with a time" in again


def test_the_list_shows_how_far_the_rater_has_got(round_: Round, world: World, client_for: Clients) -> None:
    services.save_rating(round_, by=world.sam, area_id=GAP_AREA, level=2)
    page = client_for("sam").get(rate_url(round_)).content.decode()
    assert "1 of 40 areas rated" in page


def test_saving_without_a_level_asks_for_one_and_saves_nothing(round_: Round, client_for: Clients) -> None:
    response = client_for("alex").post(rate_url(round_, AGREED_AREA), {"evidence": "Half done"})
    assert response.status_code == 400
    assert "Select which level describes us best" in response.content.decode()
    assert not Rating.objects.exists()


def test_staff_not_invited_are_told_so_clearly(round_: Round, client_for: Clients) -> None:
    response = client_for("morgan").get(rate_url(round_, AGREED_AREA))
    assert response.status_code == 403
    assert "You have not been invited to rate in this round" in response.content.decode()


def test_someone_outside_the_organisation_and_not_invited_finds_nothing(round_: Round, client_for: Clients) -> None:
    assert client_for("omar").get(f"/self-assessment/rounds/{round_.pk}/").status_code == 404


def test_a_closed_round_says_so_and_a_late_rating_saves_nothing(
    round_: Round, world: World, client_for: Clients
) -> None:
    services.close_round(round_, by=world.admin)
    response = client_for("alex").post(rate_url(round_, AGREED_AREA), {"level": "3"})
    assert response.status_code == 409
    assert "This round has closed" in response.content.decode()
    assert not Rating.objects.exists()


def test_the_service_refuses_a_rater_who_was_not_invited(round_: Round, world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.save_rating(round_, by=world.quinn, area_id=AGREED_AREA, level=3)


def test_the_service_refuses_a_level_outside_one_to_five(round_: Round, world: World) -> None:
    with pytest.raises(ValidationError):
        services.save_rating(round_, by=world.alex, area_id=AGREED_AREA, level=6)


def test_a_round_cannot_be_closed_twice(round_: Round, world: World) -> None:
    services.close_round(round_, by=world.admin)
    with pytest.raises(ValidationError):
        services.close_round(round_, by=world.admin)


def test_figures_are_frozen_when_the_round_starts(round_: Round) -> None:
    keys = {item["key"] for item in round_.figures}
    assert keys == {
        "own_words",
        "plan_sent_their_way",
        "reviews_not_overdue",
        "changes_decided_in_time",
        "budgets_signed_off_in_time",
    }


def test_each_rater_is_sent_an_invitation_with_a_link_to_the_round(round_: Round) -> None:
    sent = OutboxMessage.objects.filter(template_key="selfassessment_invited")
    assert sorted(sent.values_list("recipient_name", flat=True)) == ["Alex Carter", "Priya Shah", "Sam Carter"]
