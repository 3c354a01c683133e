"""Recording which decision a capacity assessment is about, and who an attorney or deputy signs in as."""

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from livingplan.core.models import AuditEvent
from livingplan.people import services
from livingplan.people.models import CapacityOutcome, DecisionKind, LegalAuthority
from tests.personas import World

ClientFor = Callable[[str], Client]


def _url(world: World, path: str) -> str:
    return f"/people/{world.alex_record.pk}/{path}"


def test_priya_records_that_alex_lacks_capacity_to_agree_the_plan(world: World, client_for: ClientFor) -> None:
    response = client_for("priya").post(
        _url(world, "capacity/add/"),
        {
            "decision_kind": DecisionKind.AGREE_PLAN,
            "decision": "Whether to agree the new care and support plan",
            "outcome": CapacityOutcome.LACKS_CAPACITY,
            "assessed_on_day": "12",
            "assessed_on_month": "1",
            "assessed_on_year": "2026",
        },
    )
    assert response.status_code == 302
    assessment = world.alex_record.capacity_assessments.get()
    assert assessment.decision_kind == DecisionKind.AGREE_PLAN
    event = AuditEvent.objects.get(action="people.capacity.assessed")
    assert event.detail["decision_kind"] == "AGREE_PLAN"
    record = client_for("priya").get(_url(world, "")).content.decode()
    assert "Agreeing their care and support plan" in record


def test_the_capacity_form_asks_what_the_decision_is_about(world: World, client_for: ClientFor) -> None:
    response = client_for("priya").post(_url(world, "capacity/add/"), {"decision": "Moving home"})
    assert response.status_code == 400
    assert "Select what the decision is about" in response.content.decode()
    assert not world.alex_record.capacity_assessments.exists()


def test_an_attorney_is_linked_to_sams_sign_in_and_the_record_says_so(world: World, client_for: ClientFor) -> None:
    form = client_for("priya").get(_url(world, "attorneys/add/")).content.decode()
    assert "Do they sign in to Living Plan?" in form
    assert "Sam Carter" in form
    assert "Omar" not in form  # not in the circle or on the care team

    response = client_for("priya").post(
        _url(world, "attorneys/add/"),
        {
            "kind": LegalAuthority.Kind.LPA_HEALTH_WELFARE,
            "name": "Sam Carter",
            "registered_on_day": "3",
            "registered_on_month": "4",
            "registered_on_year": "2023",
            "held_by": str(world.sam.pk),
        },
    )
    assert response.status_code == 302
    authority = world.alex_record.legal_authorities.get()
    assert authority.held_by == world.sam
    assert AuditEvent.objects.get(action="people.legal_authority.added").detail["held_by"] == "Sam Carter"
    record = client_for("alex").get(_url(world, "")).content.decode()
    assert "Lasting power of attorney for health and welfare: Sam Carter, registered 3 April 2023" in record
    assert "Signs in as Sam Carter" in record


def test_an_attorney_may_be_recorded_without_a_sign_in(world: World, client_for: ClientFor) -> None:
    response = client_for("priya").post(
        _url(world, "attorneys/add/"),
        {"kind": LegalAuthority.Kind.DEPUTY_WELFARE, "name": "Northbridge deputyship team"},
    )
    assert response.status_code == 302
    assert world.alex_record.legal_authorities.get().held_by is None


def test_someone_outside_the_circle_and_care_team_cannot_be_linked(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        services.add_legal_authority(
            world.alex_record,
            by=world.priya,
            kind=LegalAuthority.Kind.LPA_HEALTH_WELFARE,
            name="Omar Haddad",
            held_by=world.omar,
        )
    assert "held_by" in error.value.message_dict
    assert not world.alex_record.legal_authorities.exists()
    with pytest.raises(ValidationError):
        services.add_legal_authority(
            world.alex_record, by=world.priya, kind=LegalAuthority.Kind.DEPUTY_WELFARE, name="Alex", held_by=world.alex
        )
