"""A second factor: organisations can require it; codes from an authenticator app turn it on and sign in."""

import datetime as dt
from collections.abc import Iterator

import pytest
import time_machine
from axes.utils import reset
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from livingplan.core.models import AuditEvent
from tests.personas import PASSWORD, World

SECURITY = "/account/security/"
VERIFY = "/account/verify/"
WRONG_CODE = "The security code is wrong or has expired. Enter the code shown now"


@pytest.fixture(autouse=True)
def frozen_time() -> Iterator[None]:
    """Codes change every 30 seconds; freeze the clock so a test never straddles a change."""
    with time_machine.travel(dt.datetime(2026, 3, 14, 10, 0, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture(autouse=True)
def clean_axes(db: None) -> Iterator[None]:
    reset()
    yield
    reset()


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def wrong_code_for(device: TOTPDevice) -> str:
    """A code that is certainly wrong now, and not merely one that is unlikely to be right."""
    right = {
        totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
        for drift in range(-device.tolerance, device.tolerance + 1)
    }
    wrong = next(n for n in range(10**6) if n not in right)
    return f"{wrong:06d}"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def council_requires_two_factor(world: World) -> World:
    world.council_a.requires_two_factor = True
    world.council_a.save()
    return world


def test_staff_of_an_organisation_that_requires_it_are_sent_to_set_it_up(council_requires_two_factor: World) -> None:
    world = council_requires_two_factor
    client = signed_in(world.priya)

    assert client.get("/")["Location"] == SECURITY
    assert client.get(f"/people/{world.alex_record.pk}/")["Location"] == SECURITY

    page = client.get(SECURITY).content.decode()
    assert "Your organisation asks everyone who works there to use a second step" in page
    assert "<svg" in page, "the QR code to scan"


def test_people_outside_that_organisation_are_not_made_to(council_requires_two_factor: World) -> None:
    world = council_requires_two_factor
    for user in (world.alex, world.sam, world.dr_jones):
        assert signed_in(user).get("/").status_code == 200, user.username


def test_the_pages_everyone_needs_stay_open_while_setting_it_up(council_requires_two_factor: World) -> None:
    client = signed_in(council_requires_two_factor.priya)

    for url in ("/healthz", "/accessibility-statement/", "/privacy-notice/", SECURITY):
        assert client.get(url).status_code == 200, url
    assert client.post("/sign-out/").status_code == 302


def test_a_correct_code_turns_it_on_records_it_and_lets_you_in(council_requires_two_factor: World) -> None:
    world = council_requires_two_factor
    client = signed_in(world.priya)
    client.get(SECURITY)
    device = TOTPDevice.objects.get(user=world.priya)
    assert not device.confirmed

    response = client.post(SECURITY, {"token": code_for(device)})

    assert response.status_code == 302
    assert response["Location"] == "/"
    device.refresh_from_db()
    assert device.confirmed
    event = AuditEvent.objects.get(action="accounts.two_factor.enrolled")
    assert (event.actor, event.object_id) == (world.priya, str(device.pk))
    assert client.get("/").status_code == 200
    assert client.get(f"/people/{world.alex_record.pk}/").status_code == 200


def test_the_code_can_be_typed_with_spaces(council_requires_two_factor: World) -> None:
    client = signed_in(council_requires_two_factor.priya)
    client.get(SECURITY)
    device = TOTPDevice.objects.get(user=council_requires_two_factor.priya)
    code = code_for(device)

    response = client.post(SECURITY, {"token": f"{code[:3]} {code[3:]}"})

    assert response.status_code == 302


def test_a_wrong_code_shows_an_error_and_leaves_it_off(council_requires_two_factor: World) -> None:
    world = council_requires_two_factor
    client = signed_in(world.priya)
    client.get(SECURITY)
    device = TOTPDevice.objects.get(user=world.priya)

    response = client.post(SECURITY, {"token": wrong_code_for(device)})

    page = response.content.decode()
    assert response.status_code == 400
    assert page.count(WRONG_CODE) == 2, "in the error summary and by the field"
    assert 'href="#id_token"' in page
    device.refresh_from_db()
    assert not device.confirmed
    assert not AuditEvent.objects.filter(action="accounts.two_factor.enrolled").exists()
    assert client.get("/")["Location"] == SECURITY


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("", "Enter the 6-digit security code"),
        ("12345", "Security code must be 6 digits"),
        ("12a456", "Security code must only include the numbers 0 to 9"),
        ("\u0661\u0662\u0663\u0664\u0665\u0666", "Security code must only include the numbers 0 to 9"),  # Arabic-Indic
        ("\u00b2" * 6, "Security code must only include the numbers 0 to 9"),  # superscript two
    ],
)
def test_a_code_that_is_not_six_digits_says_what_is_wrong(world: World, token: str, message: str) -> None:
    client = signed_in(world.priya)
    client.get(SECURITY)

    response = client.post(SECURITY, {"token": token})

    assert response.status_code == 400
    assert message in response.content.decode()


def test_setting_up_a_new_app_replaces_the_old_one(world: World) -> None:
    old = TOTPDevice.objects.create(user=world.priya, name="Old phone", confirmed=True)
    client = signed_in(world.priya)
    client.post(VERIFY, {"token": code_for(old)})
    client.get(SECURITY)
    new = TOTPDevice.objects.get(user=world.priya, confirmed=False)

    client.post(SECURITY, {"token": code_for(new)})

    assert list(TOTPDevice.objects.filter(user=world.priya)) == [new]


class TestSigningInWithASecondFactor:
    @pytest.fixture
    def device(self, world: World) -> TOTPDevice:
        return TOTPDevice.objects.create(user=world.dr_jones, name="Phone", confirmed=True)

    def sign_in_with_password(self, **extra: str) -> Client:
        client = Client()
        response = client.post("/sign-in/", {"username": "dr.jones", "password": PASSWORD, **extra})
        assert response.status_code == 302
        return client

    def test_after_the_password_you_are_asked_for_a_code_before_anything_else(
        self, world: World, device: TOTPDevice
    ) -> None:
        client = self.sign_in_with_password()

        assert client.get("/")["Location"] == f"{VERIFY}?next=%2F"
        assert client.get(f"/people/{world.alex_record.pk}/")["Location"] == (
            f"{VERIFY}?next=%2Fpeople%2F{world.alex_record.pk}%2F"
        )
        assert "Enter your security code" in client.get(VERIFY).content.decode()

    def test_a_correct_code_reaches_home(self, world: World, device: TOTPDevice) -> None:
        client = self.sign_in_with_password()

        response = client.post(f"{VERIFY}?next=/", {"token": code_for(device)})

        assert response["Location"] == "/"
        page = client.get("/")
        assert page.status_code == 200
        assert "Hello, Eleri" in page.content.decode()

    def test_a_correct_code_goes_on_to_the_page_first_asked_for(self, world: World, device: TOTPDevice) -> None:
        client = self.sign_in_with_password()
        record = f"/people/{world.alex_record.pk}/"
        verify_url = client.get(record)["Location"]

        response = client.post(verify_url, {"token": code_for(device)})

        assert response["Location"] == record
        assert client.get(record).status_code == 200

    def test_a_code_never_sends_you_to_another_site(self, world: World, device: TOTPDevice) -> None:
        client = self.sign_in_with_password()

        response = client.post(f"{VERIFY}?next=https://evil.example/", {"token": code_for(device)})

        assert response["Location"] == "/"

    def test_a_wrong_code_keeps_you_out(self, world: World, device: TOTPDevice) -> None:
        client = self.sign_in_with_password()

        response = client.post(VERIFY, {"token": wrong_code_for(device)})

        assert response.status_code == 400
        assert WRONG_CODE in response.content.decode()
        assert client.get("/")["Location"].startswith(VERIFY)

    def test_a_code_cannot_be_used_twice(self, world: World, device: TOTPDevice) -> None:
        code = code_for(device)
        assert self.sign_in_with_password().post(VERIFY, {"token": code}).status_code == 302

        response = self.sign_in_with_password().post(VERIFY, {"token": code})

        assert response.status_code == 400

    def test_someone_without_an_app_is_sent_to_set_one_up_rather_than_verify(self, world: World) -> None:
        assert signed_in(world.priya).get(VERIFY)["Location"] == SECURITY


class TestTooManyWrongCodes:
    """django-otp doubles the wait after each wrong code; while it waits, even the right code is refused."""

    @pytest.fixture
    def device(self, world: World) -> TOTPDevice:
        return TOTPDevice.objects.create(user=world.dr_jones, name="Phone", confirmed=True)

    def twelve_wrong_codes(self, client: Client, device: TOTPDevice, traveller: time_machine.Traveller) -> None:
        for n in range(12):
            assert WRONG_CODE in client.post(VERIFY, {"token": wrong_code_for(device)}).content.decode()
            if n < 11:
                traveller.shift(2**n)  # each wrong code is counted only once the previous wait is over

    def test_after_twelve_wrong_codes_the_right_one_is_refused_and_the_page_says_until_when(
        self, world: World, device: TOTPDevice
    ) -> None:
        client = signed_in(world.dr_jones)
        with time_machine.travel(dt.datetime(2026, 3, 14, 10, 0, 0, tzinfo=dt.UTC), tick=False) as traveller:
            self.twelve_wrong_codes(client, device, traveller)

            response = client.post(VERIFY, {"token": code_for(device)})

            page = response.content.decode()
            assert response.status_code == 400
            assert WRONG_CODE not in page
            # The last wrong code came at 10:34:07 and starts a wait of 2,048 seconds.
            wait = "Wait until 14 March 2026 at 11:09am, then enter the code shown in your app"
            assert f"{wait}. A wrong code was entered too many times" in page
            assert "no code will work for now, not even the right one" in page
            assert "lost your authenticator app, contact your organisation's admin" in page
            assert client.get("/")["Location"].startswith(VERIFY)
            assert wait in client.get(VERIFY).content.decode()

    def test_when_the_wait_is_over_the_right_code_works_again(self, world: World, device: TOTPDevice) -> None:
        client = signed_in(world.dr_jones)
        with time_machine.travel(dt.datetime(2026, 3, 14, 10, 0, 0, tzinfo=dt.UTC), tick=False) as traveller:
            self.twelve_wrong_codes(client, device, traveller)
            traveller.shift(2**11 + 1)

            assert "Wait until" not in client.get(VERIFY).content.decode()
            response = client.post(VERIFY, {"token": code_for(device)})

            assert response.status_code == 302
            assert client.get("/").status_code == 200

    def test_one_wrong_code_says_it_is_wrong_and_no_more(self, world: World, device: TOTPDevice) -> None:
        page = signed_in(world.dr_jones).post(VERIFY, {"token": wrong_code_for(device)}).content.decode()

        assert WRONG_CODE in page
        assert "Wait until" not in page
        assert "not even the right one" not in page
