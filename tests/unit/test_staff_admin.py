"""An organisation admin invites colleagues, changes their role, deactivates them and makes reset links,
in their own organisation only; the colleague opens the link once and chooses a password.
"""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from livingplan.accounts.models import Membership, PasswordLink, Role, User
from livingplan.core.models import AuditEvent
from tests.personas import PASSWORD, World, make_staff

NEW_PASSWORD = "a-long-new-passphrase-42"


def can_sign_in(username: str, password: str, client: Client | None = None) -> bool:
    client = client or Client()
    response = client.post("/sign-in/", {"username": username, "password": password})
    return response.status_code == 302 and response["Location"] == "/"


def staff_url(world: World, user: User, tail: str = "") -> str:
    return f"/organisations/{world.council_a.pk}/staff/{user.pk}/{tail}"


def link_from(page: str) -> str:
    found = re.search(r"<code>https?://[^/]+(/password-link/[^<]+/)</code>", page)
    assert found, "the page shows the link to pass on"
    return found.group(1)


def invite(admin: Client, world: World, **overrides: str):
    data = {
        "first_name": "Robin",
        "last_name": "Okafor",
        "email": "robin.okafor@northbridge.example",
        "role": Role.COORDINATOR,
        **overrides,
    }
    return admin.post(f"/organisations/{world.council_a.pk}/staff/invite/", data)


def choose_password(link: str, password: str = NEW_PASSWORD) -> tuple[Client, Any]:
    client = Client()
    opened = client.get(link)
    assert opened.status_code == 302
    return client, client.post(opened["Location"], {"new_password1": password, "new_password2": password})


def test_the_admins_home_links_to_inviting_and_to_each_colleague(world: World, client_for: Callable) -> None:
    page = client_for("admin").get("/").content.decode()

    assert f'href="/organisations/{world.council_a.pk}/staff/invite/"' in page
    assert f'href="{staff_url(world, world.priya)}"' in page


def test_an_invited_colleague_opens_the_link_once_chooses_a_password_and_signs_in(
    world: World, client_for: Callable
) -> None:
    response = invite(client_for("admin"), world)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Invitation for Robin Okafor" in page
    robin = User.objects.get(email="robin.okafor@northbridge.example")
    assert not robin.has_usable_password()
    assert robin.memberships.get().role == Role.COORDINATOR
    link = link_from(page)
    client, chosen = choose_password(link)
    assert chosen.status_code == 302
    assert client.get("/").content.decode().count("Hello, Robin") == 1
    assert can_sign_in("robin.okafor@northbridge.example", NEW_PASSWORD)
    assert Client().get(link).status_code == 404, "the link works only once"
    assert AuditEvent.objects.filter(action="accounts.staff.invited", actor=world.admin).exists()
    assert AuditEvent.objects.filter(action="accounts.password.set_from_link", actor=robin).exists()


def test_a_weak_password_is_refused_with_an_nhs_style_message(world: World, client_for: Callable) -> None:
    link = link_from(invite(client_for("admin"), world).content.decode())
    _, response = choose_password(link, "password")

    assert response.status_code == 400
    assert "Your password is too short" in response.content.decode()
    assert not User.objects.get(first_name="Robin").has_usable_password(), "nothing saved"


def test_inviting_an_address_already_in_use_is_a_form_error_and_saves_nothing(
    world: World, client_for: Callable
) -> None:
    before = User.objects.count()
    response = invite(client_for("admin"), world, email="PRIYA@example.org")

    assert response.status_code == 400
    assert "Someone already has an account with PRIYA@example.org" in response.content.decode()
    assert User.objects.count() == before


def test_an_empty_invitation_says_what_to_enter(world: World, client_for: Callable) -> None:
    response = client_for("admin").post(f"/organisations/{world.council_a.pk}/staff/invite/", {})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter their work email address" in page
    assert "Select a role" in page


def test_the_admin_changes_a_colleagues_role(world: World, client_for: Callable) -> None:
    membership = world.morgan.memberships.get()
    response = client_for("admin").post(
        f"/organisations/{world.council_a.pk}/staff/roles/{membership.pk}/",
        {f"role-{membership.pk}-role": "QUALITY_LEAD"},
    )

    assert response.status_code == 302
    assert world.morgan.roles() == {Role.QUALITY_LEAD}
    assert AuditEvent.objects.filter(action="accounts.staff.role_changed", detail__to="QUALITY_LEAD").exists()


def test_the_admin_cannot_remove_their_own_admin_role(world: World, client_for: Callable) -> None:
    membership = world.admin.memberships.get()
    response = client_for("admin").post(
        f"/organisations/{world.council_a.pk}/staff/roles/{membership.pk}/",
        {f"role-{membership.pk}-role": "COORDINATOR"},
    )

    assert response.status_code == 400
    assert world.admin.roles() == {Role.ORGANISATION_ADMIN}


def test_deactivating_ends_the_colleagues_session_and_sign_in(world: World, client_for: Callable) -> None:
    priya = Client()
    assert can_sign_in("priya", PASSWORD, priya)
    assert priya.get("/").status_code == 200

    response = client_for("admin").post(staff_url(world, world.priya, "deactivate/"))

    assert response.status_code == 302
    world.priya.refresh_from_db()
    assert world.priya.is_active is False
    assert priya.get("/")["Location"].startswith("/sign-in/"), "her open session is over"
    assert not can_sign_in("priya", PASSWORD)
    assert AuditEvent.objects.filter(action="accounts.staff.deactivated", object_id=str(world.priya.pk)).exists()


def test_the_admin_cannot_deactivate_themselves(world: World, client_for: Callable) -> None:
    response = client_for("admin").post(staff_url(world, world.admin, "deactivate/"))

    assert response.status_code == 400
    assert "You cannot deactivate your own account" in response.content.decode()
    world.admin.refresh_from_db()
    assert world.admin.is_active


def test_a_reset_link_lets_the_colleague_choose_a_new_password(world: World, client_for: Callable) -> None:
    response = client_for("admin").post(staff_url(world, world.priya, "reset/"))

    assert response.status_code == 200
    assert "Password reset link for Priya Shah" in response.content.decode()
    assert can_sign_in("priya", PASSWORD), "the old password works until she chooses"
    _, chosen = choose_password(link_from(response.content.decode()))
    assert chosen.status_code == 302
    assert can_sign_in("priya", NEW_PASSWORD)
    assert not can_sign_in("priya", PASSWORD)
    assert AuditEvent.objects.filter(action="accounts.staff.reset_sent", actor=world.admin).exists()


def test_a_newer_link_replaces_the_older_one(world: World, client_for: Callable) -> None:
    admin = client_for("admin")
    first = link_from(admin.post(staff_url(world, world.priya, "reset/")).content.decode())
    admin.post(staff_url(world, world.priya, "reset/"))

    assert Client().get(first).status_code == 404
    assert PasswordLink.objects.filter(user=world.priya).count() == 2


@pytest.fixture
def other_admin(world: World) -> Client:
    make_staff("southmere.admin", "Sol", "Marsh", world.council_b, Role.ORGANISATION_ADMIN)
    client = Client()
    assert can_sign_in("southmere.admin", PASSWORD, client)
    return client


@pytest.mark.parametrize(
    ("method", "tail"),
    [("get", ""), ("get", "deactivate/"), ("post", "deactivate/"), ("post", "reset/")],
)
def test_another_organisations_admin_gets_404(world: World, other_admin: Client, method: str, tail: str) -> None:
    assert getattr(other_admin, method)(staff_url(world, world.priya, tail)).status_code == 404
    world.priya.refresh_from_db()
    assert world.priya.is_active
    assert not PasswordLink.objects.exists()


def test_another_organisations_admin_cannot_invite_or_change_roles_here(world: World, other_admin: Client) -> None:
    membership = world.priya.memberships.get()

    assert other_admin.get(f"/organisations/{world.council_a.pk}/staff/invite/").status_code == 404
    assert invite(other_admin, world).status_code == 404
    changed = other_admin.post(
        f"/organisations/{world.council_a.pk}/staff/roles/{membership.pk}/", {f"role-{membership.pk}-role": "APPROVER"}
    )
    assert changed.status_code == 404
    assert Membership.objects.get(pk=membership.pk).role == Role.COORDINATOR


def test_their_own_staff_pages_answer_404_for_someone_in_another_organisation(
    world: World, other_admin: Client
) -> None:
    """Sol administers Southmere: Priya, at Northbridge, is not found under Southmere either."""
    url = f"/organisations/{world.council_b.pk}/staff/{world.priya.pk}/"

    assert other_admin.get(url).status_code == 404
