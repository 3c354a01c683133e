"""`livingplan seed_demo`: the demo world every issue's walkthrough relies on."""

import re
from collections.abc import Iterator
from io import StringIO

import pytest
from axes.utils import reset
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from livingplan.accounts.models import Membership, Organisation, User
from livingplan.core.models import AuditEvent
from livingplan.demo.audit import SEED
from livingplan.notifications.models import Channel, OutboxMessage, Provider, Status
from livingplan.people.models import CareTeamMember, CircleMember, Person, SharingConsent
from livingplan.plans.models import Action, Plan, PlanNote, PlanVersion
from livingplan.plans.receipts import version_message_key
from tests.personas import PERSONAS

DEMO_PASSWORD = "living-plan-demo"  # the documented demo password, not a secret


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", password=DEMO_PASSWORD, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = (User, Organisation, Membership, Person, CareTeamMember, CircleMember, SharingConsent, AuditEvent)
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture
def seeded(db: None) -> Iterator[str]:
    reset()
    yield seed()
    reset()


def test_the_demo_has_every_persona_and_42_people(seeded: str) -> None:
    usernames = set(User.objects.values_list("username", flat=True))

    assert set(PERSONAS) <= usernames
    assert Person.objects.count() == 43  # 41, Jo Green (issue 12) and Rita Mensah, whose budgets wait (issue 14)
    assert Person.objects.filter(user__username="alex").get().full_name == "Alex Carter"
    assert "12 accounts and 42 people created" in seeded, "every account counted, Jo's too"


def test_every_persona_signs_in_with_the_demo_password(seeded: str) -> None:
    reached_home = {}
    for username in PERSONAS:
        client = Client()
        client.post("/sign-in/", {"username": username, "password": DEMO_PASSWORD})
        reached_home[username] = client.get("/").status_code == 200

    assert reached_home == dict.fromkeys(PERSONAS, True)


def test_running_it_again_creates_nothing_new(seeded: str) -> None:
    before = counts()

    output = seed()

    assert counts() == before
    assert "0 accounts and 0 people created" in output


def test_every_event_the_seed_writes_says_the_seed_made_it_and_for_which_organisation(seeded: str) -> None:
    events = AuditEvent.objects.select_related("actor")
    by_staff = events.filter(actor__memberships__isnull=False).distinct()

    assert set(events.values_list("user_agent", flat=True)) == {SEED}
    assert events.filter(ip_address__isnull=False).count() == 0
    assert by_staff.exists()
    assert not by_staff.filter(actor_organisation="").exists()


def test_running_it_again_resets_a_changed_demo_password(seeded: str) -> None:
    priya = User.objects.get(username="priya")
    priya.set_password("someone-changed-it")
    priya.save()

    seed()

    priya.refresh_from_db()
    assert priya.check_password(DEMO_PASSWORD)


def test_omar_cannot_see_alex_in_the_demo(seeded: str) -> None:
    omar = User.objects.get(username="omar")
    alex = Person.objects.get(user__username="alex")

    visible = Person.objects.visible_to(omar)

    assert alex not in visible
    assert visible.exists(), "omar supports other people, so the demo shows a caseload that leaves Alex out"
    client = Client()
    client.force_login(omar)
    assert client.get(f"/people/{alex.pk}/").status_code == 404


def test_the_demo_personas_see_alex_as_the_issues_describe(seeded: str) -> None:
    alex = Person.objects.get(user__username="alex")
    sees = {
        username: Person.objects.visible_to(User.objects.get(username=username)).filter(pk=alex.pk).exists()
        for username in PERSONAS
    }

    assert sees == {
        "alex": True,
        "sam": True,
        "priya": True,
        "dr.jones": True,
        "omar": False,
        "morgan": True,
        "quinn": True,
        "casey": False,
        "admin": False,
    }


def test_the_gp_sees_fewer_people_than_they_are_on_the_care_team_of(seeded: str) -> None:
    """Some demo people have not agreed to share with the GP practice, so consent visibly matters."""
    gp = User.objects.get(username="dr.jones")
    on_team = Person.objects.filter(care_team__user=gp).distinct().count()

    assert 0 < Person.objects.visible_to(gp).count() < on_team


def test_no_two_people_in_the_demo_share_a_name(seeded: str) -> None:
    names = [person.full_name for person in Person.objects.all()]

    assert len(names) == len(set(names)) == 43


def test_the_demo_looks_current_on_the_day_it_is_seeded(seeded: str) -> None:
    # Seeded today, Alex's plan has its review a few weeks ahead, two actions just overdue and
    # more coming up; nothing is months late.
    today = timezone.localdate()
    plan = Plan.objects.get(person__user__username="alex")
    due_dates = [action.due_on for action in Action.objects.filter(outcome__plan=plan) if action.due_on is not None]
    overdue = [due for due in due_dates if due < today]
    coming_up = [due for due in due_dates if due >= today]

    assert plan.next_review_on is not None
    assert 14 <= (plan.next_review_on - today).days <= 42
    assert len(overdue) == 2
    assert all((today - due).days <= 7 for due in overdue)
    assert len(coming_up) > len(overdue)


def test_the_demo_has_notes_since_the_plan_was_agreed_one_from_sam(seeded: str) -> None:
    today = timezone.localdate()
    notes = list(PlanNote.objects.filter(plan__person__user__username="alex"))
    assert {n.written_by.username for n in notes} == {"alex", "sam"}
    assert all(0 < (today - timezone.localtime(n.written_at).date()).days <= 14 for n in notes)
    assert not any(n.asks_for_review for n in notes)


@pytest.fixture
def seeded_and_committed(transactional_db: None, settings: SettingsWrapper) -> Iterator[None]:
    """Seeded as `make run` does: committed, the messages' tasks queued for a worker (here: for none)."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
        "later": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    settings.NOTIFY_API_KEY = ""
    settings.NOTIFICATIONS_PROVIDER = "log"
    reset()
    seed()
    yield
    reset()


def test_the_demo_leaves_sams_invitation_and_alexs_large_print_letter_queued_for_the_worker(
    seeded_and_committed: None,
) -> None:
    alex = Person.objects.get(user__username="alex")
    latest = PlanVersion.objects.filter(person=alex).order_by("-number").first()
    assert latest is not None
    invitation = OutboxMessage.objects.get(template_key="circle_invitation", person_id=alex.pk)
    letter = OutboxMessage.objects.get(idempotency_key=version_message_key(latest.pk))

    assert (invitation.recipient_name, invitation.channel, invitation.status) == (
        "Sam Carter",
        Channel.EMAIL,
        Status.CREATED,
    )
    assert invitation.to_address == "sam@example.org"
    assert (letter.recipient_name, letter.channel, letter.status) == ("Alex Carter", Channel.LETTER, Status.CREATED)
    assert letter.personalisation["letter_format"] == "large-print"
    assert letter.to_address.splitlines() == ["Alex Carter", "14 Mill Lane, Northbridge", "NB1 4QT"]

    call_command("db_worker", "--batch", "--backend", "later", stdout=StringIO())

    invitation.refresh_from_db()
    letter.refresh_from_db()
    assert (invitation.status, invitation.provider) == (Status.SENT, Provider.LOG)
    assert (letter.status, letter.provider) == (Status.SENT, Provider.LOG)
    sent = letter.status_changes.order_by("changed_at", "pk").last()
    assert sent is not None
    assert re.fullmatch(r"Letter as a PDF \(large print, \d+ pages\): not posted, demo log", sent.note)
    assert not OutboxMessage.objects.filter(status=Status.CREATED).exists(), "the worker drained the outbox"
