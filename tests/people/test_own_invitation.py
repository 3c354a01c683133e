"""Priya invites Ray, a person the council has just registered, to sign in: the link goes to Ray's
own email (staff never see it), works once, and lets Ray choose a password and see his home."""

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from livingplan.core.models import AuditEvent
from livingplan.notifications.models import OutboxMessage
from livingplan.people import services as people
from livingplan.people.models import OwnInvitation, Person
from tests.people.test_circle_and_care_team import GOOD_PASSWORD, NOT_VALID
from tests.personas import World

ClientFor = Callable[[str], Client]
ACCEPT_OWN = "/invitations/yours/"


def _ray(world: World, email: str = "ray@example.org") -> Person:
    ray = people.register_person(
        by=world.priya, given_name="Ray", family_name="Nolan", lead_organisation=world.council_a
    )
    for organisation in (world.council_a, world.gp_practice):
        people.set_sharing_consent(ray, by=world.priya, organisation=organisation, give=True)
    people.add_care_team_member(
        ray, by=world.priya, user=world.priya, organisation=world.council_a, is_coordinator=True
    )
    people.add_care_team_member(
        ray, by=world.priya, user=world.dr_jones, organisation=world.gp_practice, role_description="GP"
    )
    if email:
        people.update_person_details(ray, by=world.priya, email=email)
    return ray


def test_priya_invites_ray_and_never_sees_the_link(world: World, client_for: ClientFor) -> None:
    ray = _ray(world)
    priya = client_for("priya")
    record = priya.get(f"/people/{ray.pk}/").content.decode()
    assert "Ray cannot sign in to Living Plan yet." in record
    assert "Invite Ray to sign in" in record

    response = priya.post(f"/people/{ray.pk}/invite-to-sign-in/", follow=True)

    page = response.content.decode()
    assert "We have sent Ray a link to choose a password. It works once, for 7 days." in page
    assert "Ray has been sent a link to choose a password. It works until" in page
    assert "/invitations/" not in page, "whoever holds the link can become Ray: staff never see it"
    message = OutboxMessage.objects.get(template_key="own_invitation")
    assert (message.person_id, message.to_address) == (ray.pk, "ray@example.org")
    assert AuditEvent.objects.filter(action="people.own_invitation.sent", actor=world.priya, person_id=ray.pk).exists()


def test_ray_opens_the_link_chooses_a_password_and_sees_his_home(world: World) -> None:
    ray = _ray(world)
    token = people.invite_person_to_sign_in(ray, by=world.priya)
    visitor = Client()

    opened = visitor.get(f"/invitations/{token}/")
    assert opened["Location"] == ACCEPT_OWN
    form = visitor.get(ACCEPT_OWN).content.decode()
    assert "Your care team has invited you to sign in to Living Plan" in form
    answer = visitor.post(ACCEPT_OWN, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD}, follow=True)

    assert "Hello, Ray" in answer.content.decode()
    ray.refresh_from_db()
    assert ray.user is not None
    assert ray.user.check_password(GOOD_PASSWORD)
    assert "Invite Ray to sign in" not in Client().get("/").content.decode()
    again = Client().get(f"/invitations/{token}/")
    assert again.status_code == 404
    assert NOT_VALID in again.content.decode()


def test_a_new_link_stops_the_old_one(world: World) -> None:
    ray = _ray(world)
    old = people.invite_person_to_sign_in(ray, by=world.priya)
    people.invite_person_to_sign_in(ray, by=world.priya)

    assert Client().get(f"/invitations/{old}/").status_code == 404
    assert OwnInvitation.objects.waiting().count() == 1


def test_without_an_email_or_mobile_nothing_is_made(world: World, client_for: ClientFor) -> None:
    ray = _ray(world, email="")

    response = client_for("priya").post(f"/people/{ray.pk}/invite-to-sign-in/", follow=True)

    assert "Add an email address or a UK mobile number to Ray" in response.content.decode()
    ray.refresh_from_db()
    assert ray.user is None
    assert not OwnInvitation.objects.exists()
    assert not OutboxMessage.objects.filter(template_key="own_invitation").exists()


def test_dr_jones_at_the_gp_practice_may_not_invite(world: World, client_for: ClientFor) -> None:
    ray = _ray(world)

    assert "Invite Ray to sign in" not in client_for("dr.jones").get(f"/people/{ray.pk}/").content.decode()
    assert client_for("dr.jones").post(f"/people/{ray.pk}/invite-to-sign-in/").status_code == 403
    with pytest.raises(PermissionDenied):
        people.invite_person_to_sign_in(ray, by=world.dr_jones)


def test_someone_who_may_not_see_ray_gets_a_404(world: World, client_for: ClientFor) -> None:
    ray = _ray(world)

    assert client_for("omar").post(f"/people/{ray.pk}/invite-to-sign-in/").status_code == 404
    assert not OwnInvitation.objects.exists()


def test_alex_who_can_sign_in_is_not_offered_an_invitation(world: World, client_for: ClientFor) -> None:
    record = client_for("priya").get(f"/people/{world.alex_record.pk}/").content.decode()

    assert "to sign in</button>" not in record
    answer = client_for("priya").post(f"/people/{world.alex_record.pk}/invite-to-sign-in/", follow=True)
    assert "Alex can already sign in." in answer.content.decode()
