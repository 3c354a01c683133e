"""Every change to a record goes through one guarded verb: the demo and the factories use the same
verbs as the views, so neither can build a state the service itself would refuse."""

import pytest
from django.core.exceptions import PermissionDenied

from livingplan.core.models import AuditEvent
from livingplan.people import services
from livingplan.people.models import CircleMember, Person
from tests import factories
from tests.personas import World


def test_only_staff_at_the_lead_council_can_register_someone(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.register_person(
            by=world.dr_jones, given_name="Nobody", family_name="Here", lead_organisation=world.council_a
        )

    assert not Person.objects.filter(given_name="Nobody").exists()


def test_someone_in_the_circle_cannot_change_the_care_team_or_the_circle(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.add_care_team_member(
            world.alex_record, by=world.sam, user=world.omar, organisation=world.care_provider
        )
    with pytest.raises(PermissionDenied):
        services.add_circle_member(world.alex_record, by=world.sam, name="Bev", relationship="Neighbour")

    assert not world.alex_record.care_team.filter(user=world.omar).exists()
    assert not CircleMember.objects.filter(name="Bev").exists()


def test_only_the_person_can_give_someone_in_the_circle_access_straight_away(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.add_circle_member(
            world.alex_record, by=world.priya, name="Bev", relationship="Neighbour", user=world.omar, has_access=True
        )


def test_staff_cannot_decide_sharing_for_someone_who_signs_in(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.set_sharing_consent(world.alex_record, by=world.priya, organisation=world.care_provider, give=True)


def test_the_factories_consent_is_given_by_the_person_not_written_for_them_by_a_coordinator(world: World) -> None:
    factories.give_consent(world.alex_record, world.care_provider)

    given = AuditEvent.objects.filter(action="people.consent.given").latest("pk")
    assert given.actor_id == world.alex.pk


def test_consent_for_someone_without_a_sign_in_says_staff_recorded_it_for_them(world: World) -> None:
    person = factories.PersonFactory.create(lead_organisation=world.council_a, by=world.priya)

    factories.give_consent(person, world.council_a)

    given = AuditEvent.objects.filter(action="people.consent.given", person_id=person.pk).get()
    assert given.detail == {"organisation": world.council_a.name, "recorded_for_the_person": True}
