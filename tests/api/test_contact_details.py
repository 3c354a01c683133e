"""The API checks a person's contact details with the record's own words (ADR-032): a 422 names the field."""

from collections.abc import Callable

import pytest

from livingplan.people import services as people
from livingplan.people.contact_details import EMAIL_MESSAGE, MOBILE_MESSAGE, PHONE_MESSAGE
from livingplan.people.models import ContactChannel
from tests.api.helpers import Api
from tests.personas import World


def _texts(world: World) -> None:
    people.update_person_details(world.alex_record, by=world.alex, phone="07700 900982")
    people.set_communication_needs(world.alex_record, by=world.alex, preferred_channel=ContactChannel.TEXT)


def _patch(api: Api, world: World, body: dict[str, str]) -> tuple[int, object]:
    response = api.patch(f"/api/v1/people/{world.alex_record.pk}/contact-details", body)
    return response.status_code, response.json()


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [({"email": "alex@"}, "email", EMAIL_MESSAGE), ({"phone": "123"}, "phone", PHONE_MESSAGE)],
)
def test_the_api_refuses_contact_details_with_the_same_words(
    world: World, api_as: Callable[[str], Api], body: dict[str, str], field: str, message: str
) -> None:
    status, answer = _patch(api_as("priya"), world, body)

    assert status == 422
    assert answer == {
        "code": "invalid",
        "detail": [{"loc": ["body", "payload", field], "msg": message, "type": answer["detail"][0]["type"]}],  # type: ignore[index]
    }


def test_the_api_refuses_a_landline_for_texts_and_takes_a_mobile(world: World, api_as: Callable[[str], Api]) -> None:
    _texts(world)
    alex = api_as("alex")

    status, answer = _patch(alex, world, {"phone": "01632 960 001"})
    assert status == 422
    assert answer["detail"] == [{"loc": ["body", "payload", "phone"], "msg": MOBILE_MESSAGE, "type": "value_error"}]  # type: ignore[index]

    status, answer = _patch(alex, world, {"phone": "+44\u00a07700 900 123", "email": " alex@example.com "})
    assert (status, answer) == (
        200,
        {"id": world.alex_record.pk, "phone": "+44 7700 900 123", "email": "alex@example.com"},
    )


def test_the_api_is_404_for_someone_who_may_not_see_alex(world: World, api_as: Callable[[str], Api]) -> None:
    assert _patch(api_as("omar"), world, {"email": "omar@example.com"})[0] == 404
    world.alex_record.refresh_from_db()
    assert world.alex_record.email == ""
