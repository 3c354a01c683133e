"""The demo's directory: imported as an Open Referral UK file, with a walking group near Alex that his plan
links to, past the four weeks, so the worker asks him "did it help?"."""

from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from livingplan.community import asking
from livingplan.community.models import Resource, ResourceLink
from livingplan.core.models import AuditEvent
from livingplan.demo.community import WALKERS
from livingplan.notifications.models import Channel, OutboxMessage
from livingplan.people.models import Person


@pytest.fixture
def seeded(db: None) -> None:
    call_command("seed_demo", password="living-plan-demo", stdout=StringIO())  # the documented demo password


@pytest.mark.usefixtures("seeded")
def test_the_demo_directory_is_imported_with_a_walking_group_near_alex() -> None:
    alex = Person.objects.get(user__username="alex")
    walkers = Resource.objects.get(name=WALKERS)

    assert walkers.district == alex.postcode.split()[0] == "NB1"
    assert Resource.objects.count() == 5
    assert AuditEvent.objects.filter(action="community.directory.imported", actor__username="admin").exists()
    [link] = ResourceLink.objects.filter(person=alex)
    assert (link.resource, link.action.what) == (walkers, "Walk to the shop together on Sundays")


@pytest.mark.usefixtures("seeded")
def test_alex_is_asked_did_it_help_by_letter_as_he_asked_and_sees_the_question() -> None:
    alex = Person.objects.get(user__username="alex")

    # Questions go from 9am: ask at ten o'clock today, whenever the test runs.
    with time_machine.travel(timezone.localtime().replace(hour=10, minute=0), tick=False):
        queued = asking.ask_did_it_help()

    message = OutboxMessage.objects.get(template_key="community_did_it_help")
    assert (queued, message.channel, message.person_id) == (1, Channel.LETTER, alex.pk)
    client = Client()
    assert alex.user is not None
    client.force_login(alex.user)
    page = client.get(f"/community/people/{alex.pk}/").content.decode()
    assert f"Did {WALKERS} help? Tell us" in page
