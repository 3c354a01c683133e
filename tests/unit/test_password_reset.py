"""Staff reset their own password by email: the same answer whether or not an account uses the address,
a link that works once, and limits counted in the database. The email goes through the outbox to
GOV.UK Notify (the real client against the loopback stub), after the request has answered.
"""

import re

import pytest
from django.conf import settings
from django.test import Client

from livingplan.accounts.models import PasswordResetRequest
from livingplan.notifications.models import OutboxMessage, Status
from livingplan.notifications.texts import REMOVED
from tests.notifications.notify_stub import Accepted, NotifyStub
from tests.personas import PASSWORD, World

# Real commits, so each queued message is sent when its request's transaction commits.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("notify_stub")]

RESET = "/password-reset/"
SENT = "If an account uses that address, we have sent a link"
NEW_PASSWORD = "a-long-new-passphrase-42"


def ask(client: Client, email: str, ip: str = "203.0.113.9"):
    return client.post(RESET, {"email": email}, follow=True, REMOTE_ADDR=ip)


def can_sign_in(username: str, password: str) -> bool:
    response = Client().post("/sign-in/", {"username": username, "password": password})
    return response.status_code == 302 and response["Location"] == "/"


def without_nonces(page: str) -> str:
    return re.sub(r'nonce="[^"]*"', "", page)


def resets(notify: NotifyStub) -> list[Accepted]:
    """The reset emails Notify took (building the world tells Dr Jones she joined Alex's care team)."""
    return [accepted for accepted in notify.accepted if accepted.reference.startswith("password-reset-")]


def emailed_path(notify: NotifyStub) -> str:
    body = resets(notify)[-1].payload["personalisation"]["body"]
    found = re.search(r"https?://[^/\s]+(/password-reset/\S+/)", body)
    assert found, body
    return found.group(1)


def emailed_to(notify: NotifyStub) -> list[str]:
    return [accepted.payload["email_address"] for accepted in resets(notify)]


def test_the_sign_in_page_tells_people_how_to_reset_a_password() -> None:
    page = Client().get("/sign-in/").content.decode()

    assert 'href="/password-reset/"' in page
    assert "ask your coordinator or your organisation's admin to reset it" not in page


def test_a_known_address_gets_an_email_and_the_link_sets_a_new_password_once(
    world: World, notify_stub: NotifyStub
) -> None:
    response = ask(Client(), "PRIYA@example.org")

    assert SENT in response.content.decode()
    assert emailed_to(notify_stub) == ["priya@example.org"]
    assert resets(notify_stub)[0].payload["personalisation"]["subject"] == "Reset your Living Plan password"
    client = Client()
    opened = client.get(emailed_path(notify_stub))
    assert opened.status_code == 302, "the token is swapped for a step in the session"
    form = client.get(opened["Location"])
    assert "Choose a new password" in form.content.decode()
    done = client.post(opened["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True)
    assert "Your password is changed" in done.content.decode()
    assert can_sign_in("priya", NEW_PASSWORD)
    assert not can_sign_in("priya", PASSWORD)
    used = Client().get(emailed_path(notify_stub))
    assert used.status_code == 404
    assert "This link does not work" in used.content.decode()


def test_an_unknown_address_gets_the_same_page_and_no_email(world: World, notify_stub: NotifyStub) -> None:
    known = ask(Client(), "priya@example.org").content.decode()
    unknown = ask(Client(), "nobody@example.org").content.decode()

    assert SENT in unknown
    assert without_nonces(unknown) == without_nonces(known)
    assert emailed_to(notify_stub) == ["priya@example.org"], "Priya's only"
    assert OutboxMessage.objects.filter(template_key="password_reset").count() == 1


def test_the_email_says_nothing_but_the_link_and_the_outbox_forgets_the_link(
    world: World, notify_stub: NotifyStub
) -> None:
    ask(Client(), "priya@example.org")

    body = resets(notify_stub)[0].payload["personalisation"]["body"]
    assert "Priya" not in body
    assert "priya" not in body.replace(emailed_path(notify_stub), "")
    message = OutboxMessage.objects.get(template_key="password_reset")
    assert message.status == Status.SENT
    assert message.personalisation == {"link": REMOVED}
    assert message.person_id is None


def test_mismatched_passwords_are_a_form_error(world: World, notify_stub: NotifyStub) -> None:
    ask(Client(), "priya@example.org")
    client = Client()
    step = client.get(emailed_path(notify_stub))["Location"]
    response = client.post(step, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"})

    assert response.status_code == 400
    assert "The passwords do not match" in response.content.decode()
    assert can_sign_in("priya", PASSWORD)


def test_an_address_in_the_wrong_format_is_a_form_error(db: None) -> None:
    response = Client().post(RESET, {"email": "not an address"})

    assert response.status_code == 400
    assert "Enter an email address in the correct format" in response.content.decode()


def test_one_address_gets_only_a_few_emails_an_hour_and_the_page_does_not_change(
    world: World, notify_stub: NotifyStub
) -> None:
    pages = [ask(Client(), "priya@example.org", ip=f"203.0.113.{n}") for n in range(5)]

    assert len(resets(notify_stub)) == settings.LIVINGPLAN_RESET_EMAILS_PER_ADDRESS
    assert len({accepted.reference for accepted in resets(notify_stub)}) == len(resets(notify_stub))
    assert all(SENT in page.content.decode() for page in pages)


def test_one_ip_address_is_told_to_wait_after_too_many_requests(world: World, notify_stub: NotifyStub) -> None:
    for n in range(settings.LIVINGPLAN_RESET_REQUESTS_PER_IP):
        ask(Client(), f"someone{n}@example.org")
    response = ask(Client(), "priya@example.org")

    assert response.status_code == 429
    assert "Too many requests to reset a password" in response.content.decode()
    assert resets(notify_stub) == []


def test_the_counts_are_kept_in_the_database_not_the_cache(world: World) -> None:
    from django.core.cache import caches

    ask(Client(), "priya@example.org")
    for cache in caches.all():
        cache.clear()  # another worker process starts with an empty cache

    assert PasswordResetRequest.objects.count() == 1
    assert "priya@example.org" not in str(list(PasswordResetRequest.objects.values()))


@pytest.mark.parametrize("tail", ["MQ/not-a-token/", "nonsense/set-password/"])
def test_a_made_up_link_says_it_does_not_work(db: None, tail: str) -> None:
    response = Client().get(RESET + tail, follow=True)

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
