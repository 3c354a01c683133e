"""Phone numbers and email addresses are checked where they are entered, in the NHS way, by every
way in: the record's forms, the circle and care team forms, the staff invitation, `Model.clean()`
and the API (ADR-032). A number chosen for text messages must be a UK mobile; landlines are fine
for a phone call."""

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from livingplan.accounts.models import Role
from livingplan.people import services as people
from livingplan.people.contact_details import EMAIL_MESSAGE, MOBILE_MESSAGE, PHONE_MESSAGE
from livingplan.people.models import CircleMember, ContactChannel, Person
from livingplan.people.models.person import TEXT_NEEDS_MOBILE
from tests.personas import World

ClientFor = Callable[[str], Client]
BAD_EMAILS = ["alex", "alex@", "alex@example", "alex @example.com", "alex@@example.com"]
BAD_PHONES = ["123", "call me", "0770090098212345678", "07700 900 98x"]
MOBILES = [
    ("07700 900982", "07700 900982"),
    ("+44 7700 900 982", "+44 7700 900 982"),
    ("0044 7700 900982", "0044 7700 900982"),
    ("07700\u00a0900\t982", "07700 900 982"),  # non-breaking space and a tab, made plain
]


def _details(client: Client, world: World, **changes: str) -> str:
    data = {"given_name": "Alex", "family_name": "Carter", **changes}
    response = client.post(f"/people/{world.alex_record.pk}/details/", data)
    return "" if response.status_code == 302 else response.content.decode()


def _texts(world: World) -> None:
    people.update_person_details(world.alex_record, by=world.alex, phone="07700 900982")
    people.set_communication_needs(world.alex_record, by=world.alex, preferred_channel=ContactChannel.TEXT)


@pytest.mark.parametrize("email", BAD_EMAILS)
def test_the_record_refuses_an_email_address_in_the_wrong_format(
    world: World, client_for: ClientFor, email: str
) -> None:
    assert EMAIL_MESSAGE in _details(client_for("alex"), world, email=email)
    world.alex_record.refresh_from_db()
    assert world.alex_record.email == ""


@pytest.mark.parametrize("phone", BAD_PHONES)
def test_the_record_refuses_a_phone_number_nobody_could_dial(world: World, client_for: ClientFor, phone: str) -> None:
    assert PHONE_MESSAGE in _details(client_for("priya"), world, phone=phone)


def test_a_landline_is_fine_for_someone_who_has_not_chosen_texts(world: World, client_for: ClientFor) -> None:
    assert _details(client_for("alex"), world, phone="01632 960 001") == "", "saved, and back to the record"
    world.alex_record.refresh_from_db()
    assert world.alex_record.phone == "01632 960 001"


def test_someone_who_chose_texts_must_give_a_uk_mobile(world: World, client_for: ClientFor) -> None:
    _texts(world)
    page = _details(client_for("alex"), world, phone="01632 960 001")

    assert MOBILE_MESSAGE in page
    assert "Mobile phone number" in page
    world.alex_record.refresh_from_db()
    assert world.alex_record.phone == "07700 900982"


@pytest.mark.parametrize(("typed", "kept"), MOBILES)
def test_a_uk_mobile_is_taken_in_any_usual_form_with_its_spaces_made_plain(
    world: World, client_for: ClientFor, typed: str, kept: str
) -> None:
    _texts(world)
    assert _details(client_for("alex"), world, phone=typed) == ""
    world.alex_record.refresh_from_db()
    assert world.alex_record.phone == kept


def test_choosing_texts_with_a_landline_on_the_record_is_refused(world: World, client_for: ClientFor) -> None:
    people.update_person_details(world.alex_record, by=world.alex, phone="01632 960 001")
    data = {"information_format": "STANDARD", "preferred_channel": "TEXT", "language": "English"}
    page = client_for("alex").post(f"/people/{world.alex_record.pk}/communication/", data).content.decode()

    assert TEXT_NEEDS_MOBILE in page
    assert not Person.objects.filter(communication_needs__preferred_channel="TEXT").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"), [("email", "sam@", EMAIL_MESSAGE), ("phone", "12", PHONE_MESSAGE)]
)
def test_the_circle_form_refuses_contact_details_that_cannot_work(
    world: World, client_for: ClientFor, field: str, value: str, message: str
) -> None:
    data = {"name": "Bev Okoro", "relationship": "Neighbour", field: value}
    response = client_for("alex").post(f"/people/{world.alex_record.pk}/circle/add/", data)

    assert message in response.content.decode()
    assert not CircleMember.objects.filter(name="Bev Okoro").exists()


def test_the_care_team_form_refuses_an_email_address_in_the_wrong_format(world: World, client_for: ClientFor) -> None:
    data = {"email": "nia.evans@", "organisation": world.council_a.pk}
    response = client_for("priya").post(f"/people/{world.alex_record.pk}/care-team/add/", data)

    assert EMAIL_MESSAGE in response.content.decode()


def test_the_staff_invitation_refuses_an_email_address_in_the_wrong_format(world: World, client_for: ClientFor) -> None:
    data = {"first_name": "Nia", "last_name": "Evans", "email": "nia.evans@example", "role": Role.PRACTITIONER}
    response = client_for("admin").post(f"/organisations/{world.council_a.pk}/staff/invite/", data)

    assert EMAIL_MESSAGE in response.content.decode()


def test_model_clean_says_the_same_for_every_other_way_in(world: World) -> None:
    alex = world.alex_record
    alex.email, alex.phone = "alex@", "123"
    with pytest.raises(ValidationError) as refused:
        alex.full_clean()
    assert refused.value.message_dict == {"email": [EMAIL_MESSAGE], "phone": [PHONE_MESSAGE]}

    bev = CircleMember(person=alex, name="Bev", relationship="Neighbour", email="bev@", phone="call me")
    with pytest.raises(ValidationError) as refused:
        bev.full_clean()
    assert refused.value.message_dict == {"email": [EMAIL_MESSAGE], "phone": [PHONE_MESSAGE]}


def test_model_clean_refuses_a_landline_for_someone_who_chose_texts(world: World) -> None:
    _texts(world)
    with pytest.raises(ValidationError) as refused:
        people.update_person_details(world.alex_record, by=world.alex, phone="01632 960 001")
    assert refused.value.message_dict == {"phone": [MOBILE_MESSAGE]}
