"""Telling people about their plan, through the real Notify client against the loopback stub.

Alex is the person; Sam, his daughter, is in his circle with access; Priya coordinates; Dr Jones
is his GP. Messages are queued by the plan's own verbs and read back at the stub.
"""

import io
import json

import pytest
from django.db import transaction
from django.test import Client
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient
from pytest_django.fixtures import Settings as SettingsWrapper

from livingplan.notifications.models import Channel, OutboxMessage, Status
from livingplan.people import services as people
from livingplan.people.models import ContactChannel, CoordinatorTask, InformationFormat
from livingplan.plans import services as plans
from livingplan.plans.models import Plan, PlanVersion
from livingplan.plans.sections import Section
from tests.capacity import alex_is_assessed, sam_is_alexs_attorney_and_alex_cannot_agree
from tests.documents.conftest import pdf_text, pdf_word_heights
from tests.notifications.conftest import due_retries
from tests.notifications.notify_stub import Accepted, NotifyStub
from tests.personas import World

pytestmark = pytest.mark.django_db(transaction=True)

OUTCOME = "I want to walk to the corner shop on my own again."
NEEDS = "Help getting washed and dressed in the mornings."  # not shared with Sam by default
SUMMARY = "First plan after the stroke"
EIGHTEEN_POINT_BOX = 18 * 1.1  # Liberation Sans's boxes are about 1.12 times the font size
TOKEN = "callback-token-for-tests"


def alex_reached_by(world: World, channel: str, information_format: str = InformationFormat.STANDARD) -> None:
    people.update_person_details(
        world.alex_record,
        by=world.priya,
        email="alex@example.org",
        address="14 Mill Lane\nNorthbridge",
        postcode="NB1 4QT",
    )
    people.set_communication_needs(
        world.alex_record, by=world.alex, preferred_channel=channel, information_format=information_format
    )


def written_plan(world: World) -> Plan:
    plan = plans.start_plan(world.alex_record, by=world.alex)
    plans.add_statement(plan, by=world.alex, section=Section.WHAT_MATTERS, text="Staying in my own home.")
    plans.add_statement(plan, by=world.priya, section=Section.NEEDS, text=NEEDS)
    plans.add_outcome(plan, by=world.alex, text=OUTCOME, why_it_matters="Milk and a paper.", importance=5)
    return plan


def agreed_plan(world: World) -> PlanVersion:
    plan = written_plan(world)
    plans.propose_plan(plan, by=world.priya)
    return plans.agree_plan(plan, by=world.alex, summary=SUMMARY)


def accepted(stub: NotifyStub, prefix: str) -> list[Accepted]:
    return [a for a in stub.accepted if a.reference.startswith(prefix)]


def test_a_proposed_plan_tells_alex_it_is_ready_to_agree(world: World, notify_stub: NotifyStub) -> None:
    alex_reached_by(world, ContactChannel.EMAIL)
    plans.propose_plan(written_plan(world), by=world.priya)

    [ready] = accepted(notify_stub, "plan-ready-")
    assert ready.payload["email_address"] == "alex@example.org"
    words = ready.payload["personalisation"]
    assert words["subject"] == "Your care and support plan is ready for you to agree"
    assert words["body"].startswith("Hello Alex,")
    assert f"/people/{world.alex_record.pk}/plan/" in words["body"]
    assert NEEDS not in words["body"]


def test_the_attorney_is_asked_when_alex_lacks_capacity_to_agree(world: World, notify_stub: NotifyStub) -> None:
    alex_reached_by(world, ContactChannel.EMAIL)
    sam_is_alexs_attorney_and_alex_cannot_agree(world)
    plans.propose_plan(written_plan(world), by=world.priya)

    [ready] = accepted(notify_stub, "plan-ready-")
    assert ready.payload["email_address"] == world.sam.email
    words = ready.payload["personalisation"]
    assert words["subject"] == "Alex's care and support plan is ready for you to agree for them"
    assert words["body"].startswith("Hello Sam,")


def test_the_agreed_plan_reaches_alex_as_a_large_print_letter(world: World, notify_stub: NotifyStub) -> None:
    alex_reached_by(world, ContactChannel.LETTER, InformationFormat.LARGE_PRINT)
    version = agreed_plan(world)

    [letter] = accepted(notify_stub, "plan-version-")
    assert letter.kind == "letter"
    assert set(letter.payload) == {"reference", "content"}, "the precompiled route: a PDF, no template"
    pdf = letter.pdf
    assert pdf is not None
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert OUTCOME in text
    assert "14 Mill Lane Northbridge NB1 4QT" in text, "the address is on the letter"
    assert "Dear Alex" in text
    assert min(pdf_word_heights(pdf)) >= EIGHTEEN_POINT_BOX, "no text in the large-print letter is below 18pt"
    message = OutboxMessage.objects.get(idempotency_key=f"plan-version-{version.pk}")
    assert message.channel == Channel.LETTER
    assert message.status == Status.SENT
    assert "large print" in message.status_changes.last().note  # type: ignore[union-attr]


def test_the_agreed_plan_reaches_someone_who_asked_for_email_as_a_link_to_its_pdf(
    world: World, notify_stub: NotifyStub
) -> None:
    alex_reached_by(world, ContactChannel.EMAIL)
    agreed_plan(world)

    [email] = accepted(notify_stub, "plan-version-")
    assert email.kind == "email"
    assert email.payload["email_address"] == "alex@example.org"
    body = email.payload["personalisation"]["body"]
    assert f"/people/{world.alex_record.pk}/plan.pdf" in body
    assert SUMMARY in body


def test_sam_is_told_the_plan_was_agreed_without_what_he_may_not_see(world: World, notify_stub: NotifyStub) -> None:
    alex_reached_by(world, ContactChannel.EMAIL)
    agreed_plan(world)

    told = {a.payload["email_address"]: a.payload["personalisation"] for a in accepted(notify_stub, "plan-agreed-")}
    assert set(told) == {world.sam.email, world.priya.email, world.dr_jones.email}, "not Alex, who agreed it"
    sams = told[world.sam.email]
    assert sams["subject"] == "Alex's care and support plan has been agreed"
    assert SUMMARY in sams["body"]
    assert NEEDS not in sams["body"]
    assert OUTCOME not in sams["body"]


def test_a_text_about_the_agreed_plan_names_only_its_recipient(world: World, notify_stub: NotifyStub) -> None:
    alex_reached_by(world, ContactChannel.EMAIL)
    sam_row = world.alex_record.circle.get(user=world.sam)
    sam_row.phone = "07700 900456"
    sam_row.save(update_fields=["phone"])
    world.sam.email = ""
    world.sam.save(update_fields=["email"])
    agreed_plan(world)

    [text] = [a for a in accepted(notify_stub, "plan-agreed-") if a.kind == "sms"]
    body = text.payload["personalisation"]["body"]
    assert body.startswith("Hello Sam.")
    assert "Alex" not in body
    assert SUMMARY not in body


def test_the_versions_page_shows_the_letter_posted(
    world: World, notify_stub: NotifyStub, settings: SettingsWrapper, client_for
) -> None:
    settings.NOTIFY_CALLBACK_TOKEN = TOKEN
    alex_reached_by(world, ContactChannel.LETTER, InformationFormat.LARGE_PRINT)
    version = agreed_plan(world)
    message = OutboxMessage.objects.get(idempotency_key=f"plan-version-{version.pk}")
    url = f"/people/{world.alex_record.pk}/plan/versions/"
    before = client_for("alex").get(url).content.decode()

    body = {"id": message.provider_id, "reference": message.idempotency_key, "status": "received"}
    answer = Client().post(
        "/messages/notify-callback/", json.dumps(body), content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
    )  # fmt: skip

    assert answer.status_code == 200
    page = client_for("alex").get(url).content.decode()
    today = version.agreed_at.strftime("%-d %B %Y")
    assert f"Sent to you as a large-print letter on {today}." in before, "Alex reads about his own copy"
    assert "Posted on" not in before
    assert f"Sent to you as a large-print letter on {today}. Posted on {today}." in page
    priyas = client_for("priya").get(url).content.decode()
    assert f"Sent to Alex as a large-print letter on {today}. Posted on {today}." in priyas, "his coordinator too"
    assert "large-print letter" not in client_for("sam").get(url).content.decode(), "not Sam's business"


def test_with_nobody_to_agree_for_alex_staff_see_the_message_could_not_go(
    world: World, notify_stub: NotifyStub
) -> None:
    alex_reached_by(world, ContactChannel.EMAIL)
    alex_is_assessed(world)  # lacks capacity to agree, and no attorney or deputy on record
    plans.propose_plan(written_plan(world), by=world.priya)

    assert accepted(notify_stub, "plan-ready-") == [], "not Alex, who cannot agree it"
    failed = OutboxMessage.objects.get(template_key="plan_ready_on_behalf")
    assert failed.status == Status.PERMANENT_FAILURE
    assert failed.recipient_name == "Alex Carter's attorney or deputy"
    assert failed.last_error.startswith("Nothing is recorded to reach their attorney or deputy by")


def test_someone_on_the_care_team_who_may_not_see_the_plan_is_not_told_of_it(
    world: World, notify_stub: NotifyStub
) -> None:
    # Omar's care provider is on Alex's care team, but Alex has not consented to it seeing his record.
    people.add_care_team_member(
        world.alex_record, by=world.priya, user=world.omar, organisation=world.care_provider, role_description="Carer"
    )
    alex_reached_by(world, ContactChannel.EMAIL)
    agreed_plan(world)

    told = {a.payload["email_address"] for a in accepted(notify_stub, "plan-agreed-")}
    assert world.priya.email in told
    assert world.omar.email not in told


def test_a_letter_refused_for_a_moment_is_posted_once(world: World, notify_stub: NotifyStub) -> None:
    alex_reached_by(world, ContactChannel.LETTER, InformationFormat.LARGE_PRINT)
    plan = written_plan(world)
    plans.propose_plan(plan, by=world.priya)
    notify_stub.answer_next(500)  # the next message is Alex's copy of the version
    version = plans.agree_plan(plan, by=world.alex, summary=SUMMARY)
    message = OutboxMessage.objects.get(idempotency_key=f"plan-version-{version.pk}")
    assert message.status == Status.CREATED, "Notify's 500: tried again later"

    due_retries()

    message.refresh_from_db()
    assert message.status == Status.SENT
    assert len([a for a in notify_stub.accepted if a.pdf is not None]) == 1
    assert notify_stub.duplicates() == 0


def test_the_stub_refuses_a_letter_that_is_not_a_pdf_as_notify_would(notify_stub: NotifyStub) -> None:
    client = NotificationsAPIClient(notify_stub.api_key, base_url=notify_stub.url)
    with pytest.raises(HTTPError) as refused:
        client.send_precompiled_letter_notification("not-a-pdf-1", io.BytesIO(b"Dear Alex, this is plain text"))
    assert refused.value.status_code == 400
    assert notify_stub.refused == [(400, "Letter content is not a valid PDF")]


def test_a_letter_overtaken_by_a_newer_version_is_not_posted_and_asks_nobody_to_call(
    world: World, notify_stub: NotifyStub
) -> None:
    """Both versions agreed before the worker runs (one transaction): only the newer is posted, and
    the older one's letter is no failure for the coordinator to chase."""
    alex_reached_by(world, ContactChannel.LETTER, InformationFormat.LARGE_PRINT)
    with transaction.atomic():  # the letters are made on commit, after both agreements
        first = agreed_plan(world)
        plan = first.plan
        plans.start_review(plan, by=world.alex)
        plans.propose_plan(plan, by=world.priya)
        second = plans.agree_plan(plan, by=world.alex, summary="After the fall")

    older = OutboxMessage.objects.get(idempotency_key=f"plan-version-{first.pk}")
    newer = OutboxMessage.objects.get(idempotency_key=f"plan-version-{second.pk}")
    assert older.status == Status.PERMANENT_FAILURE
    assert "changed before version 1 was posted" in older.last_error
    assert newer.status == Status.SENT
    assert [a.reference for a in accepted(notify_stub, "plan-version-")] == [newer.idempotency_key]
    assert not CoordinatorTask.objects.filter(person_id=world.alex_record.pk).exists()
