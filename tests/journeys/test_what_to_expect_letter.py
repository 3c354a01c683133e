"""Jo asked for letters in large print: what to expect reaches her as a large-print letter (a PDF by
Notify's precompiled route), not as words on a standard letter template."""

import datetime as dt

import pytest
from django.utils import timezone

from livingplan.journeys import services
from livingplan.notifications.models import OutboxMessage, Status
from livingplan.people import services as people
from livingplan.people.models import ContactChannel, InformationFormat, Person
from tests.documents.conftest import pdf_text, pdf_word_heights
from tests.notifications.notify_stub import NotifyStub
from tests.personas import World

pytestmark = pytest.mark.django_db(transaction=True)

EIGHTEEN_POINT_BOX = 18 * 1.1  # Liberation Sans's boxes are about 1.12 times the font size


def _jo_by_post(world: World, jo: Person, information_format: str) -> None:
    people.update_person_details(jo, by=world.priya, address="3 Orchard Close\nNorthbridge", postcode="NB2 7RT")
    people.set_communication_needs(
        jo, by=world.priya, preferred_channel=ContactChannel.LETTER, information_format=information_format
    )


def test_what_to_expect_reaches_jo_as_a_large_print_letter(world: World, jo: Person, notify_stub: NotifyStub) -> None:
    _jo_by_post(world, jo, InformationFormat.LARGE_PRINT)
    conversation_by = timezone.localdate() + dt.timedelta(days=28)

    services.start_planning(jo, by=world.priya, conversation_by=conversation_by)

    [letter] = [a for a in notify_stub.accepted if a.reference.startswith("what-to-expect-")]
    assert set(letter.payload) == {"reference", "content"}, "the precompiled route: a PDF, no template"
    assert letter.pdf is not None
    text = pdf_text(letter.pdf)
    assert "3 Orchard Close Northbridge NB2 7RT" in text, "the address is on the letter"
    assert "Dear Jo" in text
    assert "2. Talking it through, by" in text
    assert min(pdf_word_heights(letter.pdf)) >= EIGHTEEN_POINT_BOX, "no text below 18pt"
    message = OutboxMessage.objects.get(person_id=jo.pk, template_key="what_to_expect")
    assert message.status == Status.SENT
    assert "large print, 2 pages" in (message.status_changes.last().note or "")  # type: ignore[union-attr]


def test_an_easy_read_letter_has_the_easy_read_words(world: World, jo: Person, notify_stub: NotifyStub) -> None:
    _jo_by_post(world, jo, InformationFormat.EASY_READ)

    services.start_planning(jo, by=world.priya, conversation_by=timezone.localdate() + dt.timedelta(days=28))

    [letter] = [a for a in notify_stub.accepted if a.reference.startswith("what-to-expect-")]
    assert letter.pdf is not None
    assert "1. Getting ready." in pdf_text(letter.pdf)
    message = OutboxMessage.objects.get(person_id=jo.pk, template_key="what_to_expect_easy_read")
    assert "easy read" in (message.status_changes.last().note or "")  # type: ignore[union-attr]
