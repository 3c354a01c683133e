"""Signing in with a username or email address, the messages when it goes wrong, the lockout, and signing out."""

import re
from collections.abc import Iterator

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.test import Client

from tests.personas import PASSWORD, World

SIGN_IN = "/sign-in/"
WRONG_LOGIN = "Enter a correct username or email address and password"


@pytest.fixture(autouse=True)
def clean_axes(db: None) -> Iterator[None]:
    reset()
    yield
    reset()


def sign_in(client: Client, username: str, password: str = PASSWORD, **extra: str):
    return client.post(SIGN_IN, {"username": username, "password": password, **extra})


def error_summary_links(page: str) -> list[tuple[str, str]]:
    """(href, text) of each link in the error summary, whitespace tidied."""
    summary = page.split('class="nhsuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    return [
        (href, " ".join(text.split())) for href, text in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', summary, re.S)
    ]


def signed_in_as(client: Client) -> str | None:
    response = client.get("/")
    if response.status_code != 200:
        return None
    return client.session.get("_auth_user_id")


@pytest.mark.parametrize("username", ["priya", "PRIYA", "Priya", "priya@example.org", "Priya@Example.ORG"])
def test_staff_sign_in_with_their_username_or_email_in_any_case(world: World, username: str) -> None:
    client = Client()

    response = sign_in(client, username)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert signed_in_as(client) == str(world.priya.pk)


def test_signing_in_takes_you_back_to_the_page_you_asked_for(world: World) -> None:
    client = Client()
    asked_for = f"/people/{world.alex_record.pk}/"
    assert client.get(asked_for)["Location"] == f"/sign-in/?next=/people/{world.alex_record.pk}/"

    response = sign_in(client, "alex", next=asked_for)

    assert response["Location"] == asked_for
    assert client.get(asked_for).status_code == 200


def test_signing_in_never_sends_you_to_another_site(world: World) -> None:
    response = sign_in(Client(), "alex", next="https://evil.example/steal")

    assert response["Location"] == "/"


def test_a_wrong_password_shows_one_message_in_the_error_summary_and_no_password(world: World) -> None:
    client = Client()

    response = sign_in(client, "priya", "not-my-password")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Sign in - Living Plan</title>" in page
    summary = page.split('class="nhsuk-error-summary"', 1)[1].split("</div>", 1)[0]
    assert "There is a problem" in summary
    assert WRONG_LOGIN in summary
    assert "not-my-password" not in page, "a password typed in is never sent back to the browser"
    assert 'value="priya"' in page, "the username is kept so it need not be typed again"
    assert signed_in_as(client) is None


def test_an_unknown_user_gets_the_same_message_as_a_wrong_password(world: World) -> None:
    page = sign_in(Client(), "nobody-here", "whatever-it-is").content.decode()

    assert WRONG_LOGIN in page


def test_a_switched_off_account_cannot_sign_in(world: World) -> None:
    world.priya.is_active = False
    world.priya.save()
    client = Client()

    page = sign_in(client, "priya").content.decode()

    assert WRONG_LOGIN in page
    assert signed_in_as(client) is None


def test_an_empty_form_asks_for_each_field_and_links_to_it(world: World) -> None:
    response = Client().post(SIGN_IN, {"username": "", "password": ""})

    page = response.content.decode()
    assert response.status_code == 200
    assert error_summary_links(page) == [
        ("#id_username", "Enter your username or email address"),
        ("#id_password", "Enter your password"),
    ]
    assert 'id="id_username"' in page
    assert 'id="id_password"' in page
    assert WRONG_LOGIN not in page


def test_five_wrong_passwords_lock_the_account_and_the_right_one_then_does_not_work(world: World) -> None:
    client = Client()
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        assert sign_in(client, "priya", "guess-again").status_code == 200

    fifth = sign_in(client, "priya", "guess-again")
    sixth = sign_in(client, "priya", PASSWORD)

    for response in (fifth, sixth):
        assert response.status_code == 429
        assert "Too many attempts to sign in" in response.content.decode()
        assert "15 minutes" in response.content.decode()
    assert signed_in_as(client) is None
    assert AccessAttempt.objects.filter(username="priya").exists()


def test_the_lockout_is_for_that_username_not_everyone(world: World) -> None:
    client = Client()
    for _ in range(5):
        sign_in(client, "priya", "guess-again")

    assert sign_in(client, "priya", PASSWORD).status_code == 429
    assert sign_in(client, "dr.jones", PASSWORD).status_code == 302


def test_a_good_sign_in_clears_earlier_failures(world: World) -> None:
    client = Client()
    for _ in range(4):
        sign_in(client, "priya", "guess-again")
    assert sign_in(client, "priya").status_code == 302
    client.post("/sign-out/")

    for _ in range(4):
        assert sign_in(client, "priya", "guess-again").status_code == 200
    assert sign_in(client, "priya").status_code == 302


def test_the_lockout_can_be_lifted(world: World) -> None:
    client = Client()
    for _ in range(5):
        sign_in(client, "priya", "guess-again")

    reset(username="priya")

    assert sign_in(client, "priya").status_code == 302


def assert_locked_out(response) -> None:
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()


def test_every_spelling_of_a_username_and_its_email_count_towards_one_lockout(world: World) -> None:
    client = Client()
    for spelling in ("quinn", "QUINN", "Quinn", "quinn@example.org"):
        assert sign_in(client, spelling, "guess-again").status_code == 200

    fifth = sign_in(client, "qUiNn", "guess-again")

    assert_locked_out(fifth)
    for spelling in ("quinn", "QUINN", "Quinn", "Quinn@Example.ORG"):
        assert_locked_out(sign_in(client, spelling, "guess-again"))


def test_a_locked_account_refuses_the_right_password_in_any_spelling_and_stays_locked(world: World) -> None:
    client = Client()
    for _ in range(5):
        sign_in(client, "quinn", "guess-again")

    for spelling in ("Quinn", "QUINN", "quinn@example.org", "quinn"):
        assert_locked_out(sign_in(client, spelling, PASSWORD))
        assert signed_in_as(client) is None
    assert_locked_out(sign_in(client, "quinn", PASSWORD))


def test_the_account_lockout_holds_from_another_address(world: World) -> None:
    for n in range(5):
        sign_in(Client(REMOTE_ADDR=f"192.0.2.{n + 1}"), "Jordan" if n % 2 else "jordan", "guess-again")
    # jordan is not an account: guesses at names that do not exist are throttled the same way.
    assert_locked_out(sign_in(Client(REMOTE_ADDR="198.51.100.7"), "JORDAN", "guess-again"))
    for n in range(4):
        sign_in(Client(REMOTE_ADDR=f"192.0.2.{n + 10}"), "PRIYA@example.org", "guess-again")

    assert_locked_out(sign_in(Client(REMOTE_ADDR="198.51.100.8"), "priya", "guess-again"))
    assert_locked_out(sign_in(Client(REMOTE_ADDR="198.51.100.9"), "priya", PASSWORD))


def test_one_address_guessing_at_many_accounts_is_locked_out_for_all_of_them(world: World) -> None:
    assert settings.LIVINGPLAN_IP_FAILURE_LIMIT == 20
    client = Client()
    responses = [
        sign_in(client, username, "guess-again")
        for username in ("alex", "sam", "priya", "dr.jones", "omar")
        for _ in range(4)
    ]

    assert [r.status_code for r in responses[:19]] == [200] * 19
    assert_locked_out(responses[19])
    assert_locked_out(sign_in(client, "morgan", PASSWORD))
    assert signed_in_as(client) is None
    assert sign_in(Client(REMOTE_ADDR="198.51.100.20"), "morgan", PASSWORD).status_code == 302


def test_signing_in_to_your_own_account_does_not_wipe_your_address_failed_guesses(world: World) -> None:
    client = Client()
    for username in ("alex", "sam", "priya", "dr.jones"):
        for _ in range(4):
            sign_in(client, username, "guess-again")
    assert sign_in(client, "omar", PASSWORD).status_code == 302
    client.post("/sign-out/")

    for _ in range(3):
        assert sign_in(client, "morgan", "guess-again").status_code == 200
    assert_locked_out(sign_in(client, "morgan", "guess-again"))


def test_sign_out_is_a_post_and_a_link_cannot_sign_you_out(world: World) -> None:
    client = Client()
    sign_in(client, "alex")

    assert client.get("/sign-out/").status_code == 405
    assert signed_in_as(client) == str(world.alex.pk)

    response = client.post("/sign-out/")

    assert response.status_code == 302
    assert response["Location"] == "/sign-in/"
    assert signed_in_as(client) is None


def test_sign_out_needs_the_pages_csrf_token(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.alex)

    assert client.post("/sign-out/").status_code == 403
    assert signed_in_as(client) == str(world.alex.pk)


def test_every_signed_in_page_offers_a_sign_out_button_not_a_link(world: World) -> None:
    client = Client()
    client.force_login(world.alex)

    page = client.get("/").content.decode()

    assert '<form class="nhsuk-header__account-form" method="post" action="/sign-out/">' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert 'href="/sign-out/"' not in page
