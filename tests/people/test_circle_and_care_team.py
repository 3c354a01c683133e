"""Managing the circle of support, invitations to sign in, the care team and sharing consent."""

import datetime as dt
import re
from collections.abc import Callable

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from livingplan.accounts.models import Role
from livingplan.core.models import AuditEvent
from livingplan.people import services
from livingplan.people.models import CircleInvitation, CircleMember, Person
from tests.personas import World, make_staff

ClientFor = Callable[[str], Client]
GOOD_PASSWORD = "lantern-orchard-91"


def _bev(world: World) -> CircleMember:
    return services.add_circle_member(
        world.alex_record, by=world.alex, name="Bev Okoro", relationship="Neighbour", email="bev@example.com"
    )


def _invite(client: Client, world: World, member: CircleMember) -> str:
    response = client.post(f"/people/{world.alex_record.pk}/circle/{member.pk}/invite/")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    body = response.content.decode()
    assert "We are sending Bev Okoro this link by email to bev@example.com" in body
    match = re.search(r"/invitations/([A-Za-z0-9_-]+)/", body)
    assert match
    return match.group(1)


# --- Adding to the circle ----------------------------------------------------------------------


def test_alex_adds_someone_to_the_circle(world: World, client_for: ClientFor) -> None:
    response = client_for("alex").post(
        f"/people/{world.alex_record.pk}/circle/add/",
        {"name": "Bev Okoro", "relationship": "Neighbour", "phone": "07700 900123", "email": "", "is_carer": "on"},
    )
    assert response.status_code == 302
    bev = world.alex_record.circle.get(name="Bev Okoro")
    assert bev.is_carer
    assert not bev.has_access
    assert bev.user is None
    assert AuditEvent.objects.filter(action="people.circle.member_added", object_id=str(bev.pk)).exists()


def test_the_care_team_can_add_to_the_circle_but_sam_cannot(world: World, client_for: ClientFor) -> None:
    url = f"/people/{world.alex_record.pk}/circle/add/"
    assert client_for("priya").post(url, {"name": "Bev", "relationship": "Friend"}).status_code == 302
    assert client_for("sam").post(url, {"name": "Jo", "relationship": "Friend"}).status_code == 403


def test_an_empty_circle_form_shows_nhs_style_errors(world: World, client_for: ClientFor) -> None:
    response = client_for("alex").post(f"/people/{world.alex_record.pk}/circle/add/", {"email": "not-an-email"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter their name" in body
    assert "Enter an email address in the correct format" in body


# --- Inviting and accepting --------------------------------------------------------------------


ACCEPT = "/invitations/accept/"
NOT_VALID = "This invitation link does not work"


def _open(visitor: Client, token: str) -> None:
    """Follow the link as the invitee does: it is swapped for a page whose URL holds no token."""
    response = visitor.get(f"/invitations/{token}/")
    assert response.status_code == 302
    assert response["Location"] == ACCEPT
    assert response["Cache-Control"].startswith("max-age=0")


def test_alex_invites_bev_who_sets_a_password_and_sees_the_record(world: World, client_for: ClientFor) -> None:
    bev = _bev(world)
    token = _invite(client_for("alex"), world, bev)

    bev.refresh_from_db()
    assert bev.user is not None
    assert not bev.user.has_usable_password()
    assert bev.user.username == "bev"
    assert not bev.has_access
    invitation = CircleInvitation.objects.get(circle_member=bev)
    assert token not in invitation.token_hash, "only a hash of the token is stored"
    assert abs(invitation.expires_at - invitation.created_at - dt.timedelta(days=7)) < dt.timedelta(seconds=5)

    visitor = Client()
    _open(visitor, token)
    form = visitor.get(ACCEPT)
    assert form.status_code == 200
    assert "Set your password" in form.content.decode()
    assert token not in form.content.decode()
    response = visitor.post(ACCEPT, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"

    bev.refresh_from_db()
    assert bev.has_access
    assert Person.objects.visible_to(bev.user).filter(pk=world.alex_record.pk).exists()
    assert visitor.get(f"/people/{world.alex_record.pk}/").status_code == 200, "signed in straight away"
    assert AuditEvent.objects.filter(action="people.circle.invitation_opened", actor=bev.user).exists()
    assert AuditEvent.objects.filter(action="people.circle.invitation_accepted", actor=bev.user).exists()
    assert AuditEvent.objects.filter(action="people.circle.invited", actor=world.alex).exists()


def test_the_link_in_the_access_log_is_dead_once_it_has_been_opened(world: World, client_for: ClientFor) -> None:
    token = _invite(client_for("alex"), world, _bev(world))
    _open(Client(), token)

    # Someone who reads the URL in a log, or in the browser's history, gets nothing from it.
    later = Client()
    again = later.get(f"/invitations/{token}/")
    assert again.status_code == 404
    assert NOT_VALID in again.content.decode()
    assert later.get(ACCEPT).status_code == 404
    data = {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD}
    assert later.post(ACCEPT, data).status_code == 404
    assert not CircleInvitation.objects.get().accepted_at


def test_the_token_url_only_answers_a_get(world: World, client_for: ClientFor) -> None:
    token = _invite(client_for("alex"), world, _bev(world))
    visitor = Client()
    assert visitor.post(f"/invitations/{token}/", {"password1": GOOD_PASSWORD}).status_code == 405
    assert visitor.head(f"/invitations/{token}/").status_code == 405, "link checkers that only look do not use it"
    _open(visitor, token)


def test_an_invitation_works_once(world: World, client_for: ClientFor) -> None:
    token = _invite(client_for("alex"), world, _bev(world))
    data = {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD}
    visitor = Client()
    _open(visitor, token)
    assert visitor.post(ACCEPT, data).status_code == 302

    again = visitor.post(ACCEPT, data)
    assert again.status_code == 404
    assert NOT_VALID in again.content.decode()
    assert Client().get(f"/invitations/{token}/").status_code == 404


def test_an_invitation_expires_after_7_days(world: World, client_for: ClientFor) -> None:
    token = _invite(client_for("alex"), world, _bev(world))
    with time_machine.travel(timezone.now() + dt.timedelta(days=7, minutes=1)):
        response = Client().get(f"/invitations/{token}/")
        assert response.status_code == 404
        assert "more than 7 days old" in response.content.decode()
    with time_machine.travel(timezone.now() + dt.timedelta(days=6, hours=23)):
        _open(Client(), token)


def test_the_password_must_be_chosen_within_an_hour_of_opening_the_link(world: World, client_for: ClientFor) -> None:
    token = _invite(client_for("alex"), world, _bev(world))
    visitor = Client()
    _open(visitor, token)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=59)):
        assert visitor.get(ACCEPT).status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=61)):
        response = visitor.post(ACCEPT, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
        assert response.status_code == 404
        assert NOT_VALID in response.content.decode()
    invitation = CircleInvitation.objects.get()
    with pytest.raises(services.InvitationInvalid), time_machine.travel(timezone.now() + dt.timedelta(hours=2)):
        services.accept_invitation(invitation.pk, password=GOOD_PASSWORD)


def test_a_new_invitation_replaces_the_old_one(world: World, client_for: ClientFor) -> None:
    bev = _bev(world)
    first = _invite(client_for("alex"), world, bev)
    second = _invite(client_for("alex"), world, bev)
    assert Client().get(f"/invitations/{first}/").status_code == 404
    _open(Client(), second)


@pytest.mark.parametrize("token", ["nonsense", "a" * 43, "x" * 300])
def test_unknown_tokens_show_a_clear_404(world: World, token: str) -> None:
    response = Client().get(f"/invitations/{token}/")
    assert response.status_code == 404
    assert NOT_VALID in response.content.decode()


def test_the_accept_page_without_an_opened_link_says_the_link_does_not_work(world: World) -> None:
    response = Client().post(ACCEPT, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
    assert response.status_code == 404
    assert NOT_VALID in response.content.decode()


def test_weak_or_mismatched_passwords_are_refused_in_plain_english(world: World, client_for: ClientFor) -> None:
    token = _invite(client_for("alex"), world, _bev(world))
    visitor = Client()
    _open(visitor, token)
    empty = visitor.post(ACCEPT, {})
    assert empty.status_code == 400
    assert "Enter a password" in empty.content.decode()

    short = visitor.post(ACCEPT, {"password1": "short", "password2": "short"})
    assert short.status_code == 400
    assert "Your password is too short" in short.content.decode()

    mismatch = visitor.post(ACCEPT, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD + "x"})
    assert "The passwords do not match" in mismatch.content.decode()
    assert visitor.get(ACCEPT).status_code == 200, "failed attempts do not use the invitation up"


# --- Seeing and cancelling invitations that are waiting ------------------------------------


def test_alex_sees_the_invitations_waiting_on_his_record_page(world: World, client_for: ClientFor) -> None:
    bev = _bev(world)
    alex = client_for("alex")
    assert "Invitations waiting to be accepted" not in alex.get(f"/people/{world.alex_record.pk}/").content.decode()
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)):
        _invite(alex, world, bev)

        page = alex.get(f"/people/{world.alex_record.pk}/").content.decode()

    section = page.split("Invitations waiting to be accepted", 1)[1].split("</table>", 1)[0]
    assert "Bev Okoro" in section
    assert "2 March 2026" in section, "sent"
    assert "9 March 2026" in section, "stops working"
    invitation = CircleInvitation.objects.get()
    assert f'href="/people/{world.alex_record.pk}/invitations/{invitation.pk}/cancel/"' in section
    for other in ("sam", "priya"):
        assert "Invitations waiting" not in client_for(other).get(f"/people/{world.alex_record.pk}/").content.decode()


def test_alex_cancels_an_invitation_and_the_link_stops_working(world: World, client_for: ClientFor) -> None:
    bev = _bev(world)
    alex = client_for("alex")
    token = _invite(alex, world, bev)
    invitation = CircleInvitation.objects.get()
    url = f"/people/{world.alex_record.pk}/invitations/{invitation.pk}/cancel/"

    confirm = alex.get(url)
    assert confirm.status_code == 200
    assert "Cancel the invitation for Bev Okoro" in confirm.content.decode()
    assert "the link stops working straight away" in confirm.content.decode()
    assert CircleInvitation.objects.get().cancelled_at is None, "looking at the question changes nothing"

    response = alex.post(url, follow=True)
    page = response.content.decode()
    assert "The invitation for Bev Okoro is cancelled. The link no longer works." in page
    assert "Invitations waiting to be accepted" not in page
    assert AuditEvent.objects.filter(
        action="people.circle.invitation_cancelled", actor=world.alex, object_id=str(invitation.pk)
    ).exists()

    link = Client().get(f"/invitations/{token}/")
    assert link.status_code == 404
    assert "it may have been cancelled" in link.content.decode()
    assert alex.get(url).status_code == 404, "nothing left to cancel"


def test_cancelling_a_link_already_opened_ends_the_step_too(world: World, client_for: ClientFor) -> None:
    alex = client_for("alex")
    token = _invite(alex, world, _bev(world))
    visitor = Client()
    _open(visitor, token)
    invitation = CircleInvitation.objects.get()
    assert "(link opened, password not set yet)" in alex.get(f"/people/{world.alex_record.pk}/").content.decode()

    alex.post(f"/people/{world.alex_record.pk}/invitations/{invitation.pk}/cancel/")

    assert visitor.get(ACCEPT).status_code == 404
    assert visitor.post(ACCEPT, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD}).status_code == 404


def test_only_alex_may_cancel_and_an_accepted_invitation_cannot_be(world: World, client_for: ClientFor) -> None:
    bev = _bev(world)
    token = _invite(client_for("alex"), world, bev)
    invitation = CircleInvitation.objects.get()
    url = f"/people/{world.alex_record.pk}/invitations/{invitation.pk}/cancel/"
    for other, status in (("sam", 403), ("priya", 403), ("omar", 404)):
        assert client_for(other).get(url).status_code == status
        assert client_for(other).post(url).status_code == status
    with pytest.raises(PermissionDenied):
        services.cancel_invitation(invitation, by=world.priya)
    assert CircleInvitation.objects.get().cancelled_at is None

    visitor = Client()
    _open(visitor, token)
    visitor.post(ACCEPT, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
    assert client_for("alex").post(url).status_code == 404
    with pytest.raises(ValidationError, match="already accepted"):
        services.cancel_invitation(invitation, by=world.alex)


def test_only_alex_may_invite(world: World, client_for: ClientFor) -> None:
    bev = _bev(world)
    url = f"/people/{world.alex_record.pk}/circle/{bev.pk}/invite/"
    assert client_for("sam").post(url).status_code == 403
    assert client_for("priya").post(url).status_code == 403
    assert client_for("omar").post(url).status_code == 404
    with pytest.raises(PermissionDenied):
        services.invite_circle_member(bev, by=world.priya)
    assert not CircleInvitation.objects.exists()


def test_usernames_are_unique_and_emails_already_in_use_are_refused(world: World) -> None:
    first = services.add_circle_member(world.alex_record, by=world.alex, name="Sam Carter", relationship="Cousin")
    services.invite_circle_member(first, by=world.alex)
    first.refresh_from_db()
    assert first.user is not None
    assert first.user.username == "sam.carter"
    clash = services.add_circle_member(
        world.alex_record, by=world.alex, name="Also Sam", relationship="Friend", email="Sam@example.com"
    )
    services.invite_circle_member(clash, by=world.alex)
    clash.refresh_from_db()
    assert clash.user is not None
    assert clash.user.username == "sam2"

    world.priya.email = "priya@example.com"
    world.priya.save()
    taken = services.add_circle_member(
        world.alex_record, by=world.alex, name="P", relationship="Friend", email="PRIYA@example.com"
    )
    with pytest.raises(ValidationError):
        services.invite_circle_member(taken, by=world.alex)


def test_inviting_someone_who_can_already_sign_in_explains_instead_of_failing(
    world: World, client_for: ClientFor
) -> None:
    sam_row = world.alex_record.circle.get(user=world.sam)
    response = client_for("alex").post(f"/people/{world.alex_record.pk}/circle/{sam_row.pk}/invite/", follow=True)
    assert response.status_code == 200
    assert "can already sign in" in response.content.decode()


# --- Turning access on and off -----------------------------------------------------------------


def test_alex_turns_sams_access_off_and_on(world: World, client_for: ClientFor) -> None:
    sam_row = world.alex_record.circle.get(user=world.sam)
    url = f"/people/{world.alex_record.pk}/circle/{sam_row.pk}/access/"
    alex = client_for("alex")

    assert alex.post(url, {"access": "off"}).status_code == 302
    assert client_for("sam").get(f"/people/{world.alex_record.pk}/").status_code == 404
    assert AuditEvent.objects.filter(action="people.circle.access_turned_off").exists()

    # Sam no longer sees the record, so cannot turn himself back on.
    assert client_for("sam").post(url, {"access": "on"}).status_code == 404
    assert alex.post(url, {"access": "on"}).status_code == 302
    assert client_for("sam").get(f"/people/{world.alex_record.pk}/").status_code == 200


def test_access_changes_are_for_alex_only_and_bad_input_is_refused(world: World, client_for: ClientFor) -> None:
    sam_row = world.alex_record.circle.get(user=world.sam)
    url = f"/people/{world.alex_record.pk}/circle/{sam_row.pk}/access/"
    assert client_for("sam").post(url, {"access": "off"}).status_code == 403
    assert client_for("priya").post(url, {"access": "off"}).status_code == 403
    assert client_for("omar").post(url, {"access": "off"}).status_code == 404
    assert client_for("alex").post(url, {"access": "maybe"}).status_code == 400
    assert client_for("alex").post(url, {}).status_code == 400
    assert client_for("alex").post(f"/people/{world.alex_record.pk}/circle/999999/access/").status_code == 404
    assert client_for("alex").post(f"/people/{world.alex_record.pk}/circle/999999/invite/").status_code == 404


def test_access_cannot_be_turned_on_before_an_invitation_is_accepted(world: World, client_for: ClientFor) -> None:
    bev = _bev(world)
    response = client_for("alex").post(
        f"/people/{world.alex_record.pk}/circle/{bev.pk}/access/", {"access": "on"}, follow=True
    )
    assert "Invite them first" in response.content.decode()
    bev.refresh_from_db()
    assert not bev.has_access


# --- The care team -----------------------------------------------------------------------------


def _nurse(world: World) -> None:
    nurse = make_staff("nurse", "Nia", "Evans", world.council_a, Role.PRACTITIONER)
    nurse.email = "nia.evans@example.org"
    nurse.save()


def test_priya_adds_a_colleague_by_email(world: World, client_for: ClientFor) -> None:
    _nurse(world)
    response = client_for("priya").post(
        f"/people/{world.alex_record.pk}/care-team/add/",
        {"email": "NIA.EVANS@example.org", "organisation": world.council_a.pk, "role_description": "Nurse"},
    )
    assert response.status_code == 302
    assert world.alex_record.care_team.filter(user__username="nurse", role_description="Nurse").exists()


def test_the_organisation_list_is_limited_to_where_the_coordinator_works(world: World, client_for: ClientFor) -> None:
    response = client_for("priya").get(f"/people/{world.alex_record.pk}/care-team/add/")
    body = response.content.decode()
    assert world.council_a.name in body
    assert world.care_provider.name not in body
    refused = client_for("priya").post(
        f"/people/{world.alex_record.pk}/care-team/add/",
        {"email": "x@example.org", "organisation": world.care_provider.pk},
    )
    assert refused.status_code == 400


def test_clear_errors_for_unknown_staff_and_the_wrong_organisation(world: World, client_for: ClientFor) -> None:
    url = f"/people/{world.alex_record.pk}/care-team/add/"
    alex = client_for("alex")
    unknown = alex.post(url, {"email": "nobody@example.org", "organisation": world.council_a.pk})
    assert unknown.status_code == 400
    assert "There is no member of staff with that email address" in unknown.content.decode()

    world.omar.email = "omar@example.org"
    world.omar.save()
    wrong = alex.post(url, {"email": "omar@example.org", "organisation": world.council_a.pk})
    assert wrong.status_code == 400
    assert "does not work for Northbridge Council" in wrong.content.decode()

    empty = alex.post(url, {})
    assert empty.status_code == 400
    assert "Enter the work email address" in empty.content.decode()
    assert "Select the organisation they work for" in empty.content.decode()

    world.dr_jones.email = "eleri@example.org"
    world.dr_jones.save()
    already = alex.post(url, {"email": "eleri@example.org", "organisation": world.gp_practice.pk})
    assert "already on the care team" in already.content.decode()


def test_someone_from_a_new_organisation_cannot_see_the_record_until_alex_shares_it(
    world: World, client_for: ClientFor
) -> None:
    world.omar.email = "omar@example.org"
    world.omar.save()
    alex = client_for("alex")
    response = alex.post(
        f"/people/{world.alex_record.pk}/care-team/add/",
        {"email": "omar@example.org", "organisation": world.care_provider.pk, "role_description": "Carer"},
        follow=True,
    )
    body = response.content.decode()
    assert "Omar Haddad cannot see the record yet" in body
    assert "These members of the care team cannot see it yet" in body
    assert client_for("omar").get(f"/people/{world.alex_record.pk}/").status_code == 404

    assert (
        alex.post(f"/people/{world.alex_record.pk}/consent/{world.care_provider.pk}/", {"decision": "give"}).status_code
        == 302
    )
    assert client_for("omar").get(f"/people/{world.alex_record.pk}/").status_code == 200


def test_only_alex_and_the_coordinator_add_to_the_care_team(world: World, client_for: ClientFor) -> None:
    url = f"/people/{world.alex_record.pk}/care-team/add/"
    assert client_for("dr.jones").post(url, {}).status_code == 403
    assert client_for("sam").post(url, {}).status_code == 403
    assert client_for("omar").post(url, {}).status_code == 404


# --- Consent -----------------------------------------------------------------------------------


def test_the_record_page_shows_who_it_is_shared_with(world: World, client_for: ClientFor) -> None:
    body = client_for("priya").get(f"/people/{world.alex_record.pk}/").content.decode()
    assert "Shared with: Northbridge Council, Riverside Medical Practice." in body
    assert "Stop sharing" not in body
    alex_body = client_for("alex").get(f"/people/{world.alex_record.pk}/").content.decode()
    assert 'Stop sharing<span class="nhsuk-u-visually-hidden"> your record with Riverside Medical Practice' in alex_body


def test_withdrawing_consent_removes_dr_jones_access(world: World, client_for: ClientFor) -> None:
    url = f"/people/{world.alex_record.pk}/consent/{world.gp_practice.pk}/"
    assert client_for("dr.jones").get(f"/people/{world.alex_record.pk}/").status_code == 200
    assert client_for("alex").post(url, {"decision": "withdraw"}).status_code == 302
    assert client_for("dr.jones").get(f"/people/{world.alex_record.pk}/").status_code == 404
    assert AuditEvent.objects.filter(action="people.consent.withdrawn", actor=world.alex).exists()
    # Withdrawing twice is harmless.
    assert client_for("alex").post(url, {"decision": "withdraw"}).status_code == 302


def test_consent_is_alex_alone_to_give_and_bad_input_is_refused(world: World, client_for: ClientFor) -> None:
    url = f"/people/{world.alex_record.pk}/consent/{world.care_provider.pk}/"
    assert client_for("priya").post(url, {"decision": "give"}).status_code == 403
    assert client_for("sam").post(url, {"decision": "give"}).status_code == 403
    assert client_for("omar").post(url, {"decision": "give"}).status_code == 404
    assert client_for("alex").post(url, {"decision": "sometimes"}).status_code == 400
    assert (
        client_for("alex").post(f"/people/{world.alex_record.pk}/consent/999999/", {"decision": "give"}).status_code
        == 404
    )
    with pytest.raises(PermissionDenied):
        services.set_sharing_consent(world.alex_record, by=world.priya, organisation=world.care_provider, give=True)


# --- Omar never learns the record exists -------------------------------------------------------

NEW_URLS = (
    "/people/{pk}/circle/add/",
    "/people/{pk}/circle/{member}/invite/",
    "/people/{pk}/circle/{member}/access/",
    "/people/{pk}/care-team/add/",
    "/people/{pk}/consent/{org}/",
)


@pytest.mark.parametrize("template", NEW_URLS)
def test_omar_gets_404_from_every_new_page(world: World, client_for: ClientFor, template: str) -> None:
    member = world.alex_record.circle.get(user=world.sam)
    url = template.format(pk=world.alex_record.pk, member=member.pk, org=world.care_provider.pk)
    assert client_for("omar").post(url, {"access": "off", "decision": "give"}).status_code == 404
    assert client_for("omar").post(url.replace(str(world.alex_record.pk), "999999", 1), {}).status_code == 404


def test_an_invitation_to_someone_we_cannot_reach_says_to_pass_the_link_on(
    world: World, client_for: Callable[[str], Client]
) -> None:
    jo = services.add_circle_member(world.alex_record, by=world.alex, name="Jo Carter", relationship="Son")
    body = client_for("alex").post(f"/people/{world.alex_record.pk}/circle/{jo.pk}/invite/").content.decode()
    assert "We have no email address or mobile number for Jo Carter, so we cannot send this link" in body
    assert "We are sending" not in body
