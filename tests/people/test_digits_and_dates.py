"""The person's record takes NHS numbers, phone numbers and postcodes in the digits 0 to 9 only,
and dates within their bounds: a clear message on the form, and the same refusal from the service."""

# ruff: noqa: RUF001 - digits from other scripts are what these tests are about
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from livingplan.people import services
from livingplan.people.models import CapacityOutcome, DecisionKind, LegalAuthority, Person
from tests.personas import World

ClientFor = Callable[[str], Client]
VALID = "9434765919"  # a real check digit
OTHER_SCRIPTS = {
    "superscript": "²²²²²²²²²²",
    "Arabic-Indic": "٩٤٣٤٧٦٥٩١٩",
    "fullwidth": "９４３４７６５９１９",
    "Arabic-Indic with spaces": "٩٤٣ ٤٧٦ ٥٩١٩",
    "one fullwidth digit": "943476591９",
}


def _details(world: World, **fields: str) -> dict[str, str]:
    return {"given_name": "Alex", "family_name": "Carter", **fields}


def _post_details(world: World, client_for: ClientFor, **fields: str) -> Any:
    return client_for("priya").post(f"/people/{world.alex_record.pk}/details/", _details(world, **fields))


def _alex(world: World) -> Person:
    return Person.objects.get(pk=world.alex_record.pk)


@pytest.mark.parametrize("typed", OTHER_SCRIPTS.values(), ids=OTHER_SCRIPTS.keys())
def test_an_nhs_number_in_another_scripts_digits_is_refused_with_a_clear_message(
    world: World, client_for: ClientFor, typed: str
) -> None:
    response = _post_details(world, client_for, nhs_number=typed)

    assert response.status_code == 400
    assert "Enter the NHS number using the digits 0 to 9" in response.content.decode()
    assert _alex(world).nhs_number is None


def test_an_nhs_number_with_spaces_of_any_kind_is_stored_as_ten_digits(world: World, client_for: ClientFor) -> None:
    response = _post_details(world, client_for, nhs_number="943\u00a0476 5919 ")

    assert response.status_code == 302
    assert _alex(world).nhs_number == VALID


def test_the_service_refuses_an_nhs_number_in_other_digits_too(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        services.update_person_details(world.alex_record, by=world.priya, nhs_number="٩٤٣٤٧٦٥٩١٩")

    assert error.value.message_dict["nhs_number"] == ["Enter the NHS number using the digits 0 to 9"]
    assert _alex(world).nhs_number is None


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("phone", "٠١٦٣٢ ٩٦٠١٢٣", "Enter the phone number using the digits 0 to 9"),
        ("phone", "０１６３２ ９６０１２３", "Enter the phone number using the digits 0 to 9"),
        ("postcode", "NB١ ٤QT", "Enter the postcode using the digits 0 to 9"),
    ],
)
def test_a_phone_number_or_postcode_in_other_digits_is_refused(
    world: World, client_for: ClientFor, field: str, typed: str, message: str
) -> None:
    response = _post_details(world, client_for, **{field: typed})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert getattr(_alex(world), field) == ""
    with pytest.raises(ValidationError):
        services.update_person_details(world.alex_record, by=world.priya, **{field: typed})  # type: ignore[arg-type]


def test_phone_and_postcode_spaces_are_made_plain(world: World, client_for: ClientFor) -> None:
    response = _post_details(world, client_for, phone=" 01632\u00a0\u00a0960123 ", postcode="nb1\t 4qt")

    assert response.status_code == 302
    alex = _alex(world)
    assert (alex.phone, alex.postcode) == ("01632 960123", "NB1 4QT")


def test_a_circle_members_phone_in_other_digits_is_refused(world: World, client_for: ClientFor) -> None:
    response = client_for("alex").post(
        f"/people/{world.alex_record.pk}/circle/add/",
        {"name": "Bev Okoro", "relationship": "Neighbour", "phone": "٠٧٧٠٠ ٩٠٠١٢٣"},
    )

    assert response.status_code == 400
    assert "Enter the phone number using the digits 0 to 9" in response.content.decode()
    assert not world.alex_record.circle.filter(name="Bev Okoro").exists()


def _date(prefix: str, day: dt.date | tuple[str, str, str]) -> dict[str, str]:
    parts = (str(day.day), str(day.month), str(day.year)) if isinstance(day, dt.date) else day
    return dict(zip((f"{prefix}_day", f"{prefix}_month", f"{prefix}_year"), parts, strict=True))


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (("1", "1", "2999"), "Date of birth must be today or in the past"),
        (("31", "12", "1899"), "Date of birth must be on or after 1 January 1900"),
        (("1", "1", "0001"), "Date of birth must be on or after 1 January 1900"),
        (("1", "1", "51"), "Enter a real date, for example 15 3 1984"),
        (("١", "١", "١٩٥١"), "Enter a real date, for example 15 3 1984"),
    ],
)
def test_an_implausible_date_of_birth_is_refused(
    world: World, client_for: ClientFor, typed: tuple[str, str, str], message: str
) -> None:
    response = _post_details(world, client_for, **_date("date_of_birth", typed))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert _alex(world).date_of_birth == dt.date(1951, 6, 14)


def test_a_date_of_birth_today_is_accepted(world: World, client_for: ClientFor) -> None:
    today = timezone.localdate()
    assert _post_details(world, client_for, **_date("date_of_birth", today)).status_code == 302
    assert _alex(world).date_of_birth == today


def test_the_service_refuses_a_date_of_birth_in_the_future(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        services.update_person_details(world.alex_record, by=world.priya, date_of_birth=dt.date(2999, 1, 1))

    assert error.value.message_dict["date_of_birth"] == ["Date of birth must be today or in the past"]


def test_an_attorney_registered_in_the_future_is_refused(world: World, client_for: ClientFor) -> None:
    response = client_for("priya").post(
        f"/people/{world.alex_record.pk}/attorneys/add/",
        {
            "kind": LegalAuthority.Kind.LPA_HEALTH_WELFARE,
            "name": "Sam Carter",
            **_date("registered_on", ("1", "1", "2999")),
        },
    )

    assert response.status_code == 400
    assert "The date registered must be today or in the past" in response.content.decode()
    assert not world.alex_record.legal_authorities.exists()


def _capacity(world: World, client_for: ClientFor, on: tuple[str, str, str], outcome: str) -> Any:
    return client_for("priya").post(
        f"/people/{world.alex_record.pk}/capacity/add/",
        {
            "decision_kind": DecisionKind.SHARING,
            "decision": "Who sees my record",
            "outcome": outcome,
            **_date("assessed_on", on),
        },
    )


def test_a_capacity_assessment_dated_in_the_future_is_refused(world: World, client_for: ClientFor) -> None:
    response = _capacity(world, client_for, ("1", "1", "2999"), CapacityOutcome.LACKS_CAPACITY)

    assert response.status_code == 400
    assert "The date of the assessment must be today or in the past" in response.content.decode()
    assert not world.alex_record.capacity_assessments.exists()
    assert client_for("alex").get(f"/people/{world.alex_record.pk}/sharing/").status_code == 200


def test_a_future_dated_assessment_already_stored_is_outranked_by_one_recorded_after_it(
    world: World, client_for: ClientFor
) -> None:
    """The probe's case: "lacks capacity" dated 1/1/2999 (stored before dates were checked), then
    "has capacity" dated today. The later one decides, and Alex chooses who sees his plan again."""
    stored = services.record_capacity_assessment(
        world.alex_record,
        by=world.priya,
        decision_kind=DecisionKind.SHARING,
        decision="Who sees my record",
        outcome=CapacityOutcome.LACKS_CAPACITY,
        assessed_on=timezone.localdate(),
    )
    type(stored).objects.filter(pk=stored.pk).update(assessed_on=dt.date(2999, 1, 1))
    sharing = f"/people/{world.alex_record.pk}/sharing/"
    assert client_for("alex").get(sharing).status_code == 404  # Alex cannot decide, as the probe found

    today = timezone.localdate()
    response = _capacity(world, client_for, (str(today.day), str(today.month), str(today.year)), "HAS_CAPACITY")

    assert response.status_code == 302
    assert client_for("alex").get(sharing).status_code == 200
    record = client_for("priya").get(f"/people/{world.alex_record.pk}/").content.decode()
    assert record.index("Has capacity to make this decision") < record.index("Lacks capacity to make this decision")


def test_of_two_assessments_dated_the_same_day_the_one_recorded_later_decides(
    world: World, client_for: ClientFor
) -> None:
    for outcome in (CapacityOutcome.HAS_CAPACITY, CapacityOutcome.LACKS_CAPACITY, CapacityOutcome.HAS_CAPACITY):
        services.record_capacity_assessment(
            world.alex_record,
            by=world.priya,
            decision_kind=DecisionKind.SHARING,
            decision="Who sees my record",
            outcome=outcome,
            assessed_on=dt.date(2026, 1, 12),
        )

    assert client_for("alex").get(f"/people/{world.alex_record.pk}/sharing/").status_code == 200


def test_an_older_assessment_recorded_late_does_not_outrank_a_more_recent_one(
    world: World, client_for: ClientFor
) -> None:
    """Paperwork caught up on: recorded later, but it took place earlier, so the recent one stands."""
    for on, outcome in ((dt.date(2026, 1, 12), CapacityOutcome.LACKS_CAPACITY), (dt.date(2025, 6, 1), "HAS_CAPACITY")):
        services.record_capacity_assessment(
            world.alex_record,
            by=world.priya,
            decision_kind=DecisionKind.SHARING,
            decision="Who sees my record",
            outcome=outcome,
            assessed_on=on,
        )

    assert client_for("alex").get(f"/people/{world.alex_record.pk}/sharing/").status_code == 404
