"""Alex in the demo is getting ready for his next review: his answers are there, in progress, and
none of them has gone into his agreed plan."""

from collections.abc import Iterator

import pytest
from axes.utils import reset
from django.test import Client
from django.urls import reverse

from livingplan.conversations.models import PreparationStatus
from livingplan.conversations.status import own_preparation_status
from livingplan.people.models import Person
from livingplan.plans.models import Statement
from tests.unit.test_seed_demo import seed


@pytest.fixture
def seeded(db: None) -> Iterator[None]:
    reset()
    seed()
    yield
    reset()


@pytest.mark.usefixtures("seeded")
def test_alexs_preparation_is_in_progress_and_not_in_his_plan() -> None:
    alex = Person.objects.select_related("user").get(user__username="alex")
    assert alex.user is not None
    client = Client()
    client.force_login(alex.user)

    page = client.get(reverse("conversations:preparation", args=[alex.pk])).content.decode()

    assert own_preparation_status(alex) == PreparationStatus.IN_PROGRESS
    assert "Sam with me. A morning, at home, not Mondays." in page
    assert not Statement.objects.filter(plan__person=alex, text__startswith="Getting out to the allotment").exists()
