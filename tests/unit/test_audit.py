"""The audit trail: every look at a record is written down, by a named person, or not at all."""

import datetime as dt
import html
import re
from collections.abc import Callable

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import Client

from livingplan.core.audit_context import AuditContext
from livingplan.core.models import AuditEvent
from livingplan.core.services import auditor
from livingplan.core.services.auditor import AnonymousAuditError
from livingplan.people import services as people
from livingplan.people.models import Person
from tests.factories import PersonFactory, put_on_care_team
from tests.personas import World

VIEWED = "people.person.viewed"
LONDON_SUMMER_AFTERNOON = dt.datetime(2026, 7, 1, 13, 5, tzinfo=dt.UTC)  # 2:05pm BST


def views_of(person: Person) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=VIEWED, person_id=person.pk))


def trail_rows(page: bytes) -> list[list[str]]:
    """The "who has looked" tables as [when, who, organisation, what] rows, top to bottom.

    Entries are grouped under a heading per day; `when` joins the day and the row's time.
    """
    main = page.decode().split("<main", 1)[1]
    rows = []
    for day, body in re.findall(r"<h2>(.*?)</h2>\s*<table.*?<tbody[^>]*>(.*?)</tbody>", main, re.S):
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
            time, *rest = [html.unescape(cell.strip()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            rows.append([f"{day} at {time}", *rest])
    return rows


def test_opening_a_record_writes_who_looked_for_which_organisation_and_about_whom(
    world: World, client_for: Callable[[str], Client]
) -> None:
    response = client_for("priya").get(f"/people/{world.alex_record.pk}/", HTTP_USER_AGENT="Test browser")

    assert response.status_code == 200
    [event] = views_of(world.alex_record)
    assert event.actor == world.priya
    assert event.actor_organisation == "Northbridge Council"
    assert event.person_id == world.alex_record.pk
    assert (event.object_type, event.object_id) == ("people.person", str(world.alex_record.pk))
    assert event.ip_address == "127.0.0.1"
    assert event.user_agent == "Test browser"
    assert event.is_read


def test_the_organisation_recorded_is_the_one_the_viewer_is_on_the_care_team_for(
    world: World, client_for: Callable[[str], Client]
) -> None:
    client_for("dr.jones").get(f"/people/{world.alex_record.pk}/")

    [event] = views_of(world.alex_record)
    assert (event.actor, event.actor_organisation) == (world.dr_jones, "Riverside Medical Practice")


def test_every_opening_is_recorded_not_just_the_first(world: World, client_for: Callable[[str], Client]) -> None:
    client = client_for("sam")
    for _ in range(3):
        client.get(f"/people/{world.alex_record.pk}/")

    assert [event.actor for event in views_of(world.alex_record)] == [world.sam] * 3


def test_a_refused_look_at_a_record_is_not_recorded_as_a_view(
    world: World, client_for: Callable[[str], Client]
) -> None:
    assert client_for("omar").get(f"/people/{world.alex_record.pk}/").status_code == 404
    assert views_of(world.alex_record) == []


@pytest.mark.parametrize("actor", [AnonymousUser(), None], ids=["anonymous user", "no user"])
def test_the_auditor_refuses_an_anonymous_actor_and_writes_nothing(world: World, actor: object) -> None:
    before = AuditEvent.objects.count()

    with pytest.raises(AnonymousAuditError):
        auditor.record(VIEWED, audit=AuditContext.for_actor(actor), person_id=world.alex_record.pk)

    assert AuditEvent.objects.count() == before


def test_an_unsaved_user_is_not_an_actor_either(world: World) -> None:
    ghost = type(world.alex)(username="ghost")
    with pytest.raises(AnonymousAuditError):
        auditor.record(VIEWED, audit=AuditContext.for_actor(ghost), person_id=world.alex_record.pk)


def test_a_change_made_without_a_signed_in_actor_is_refused_and_nothing_saved(world: World) -> None:
    # The verb's own guard refuses first now (nobody works for the council); the auditor would too.
    with pytest.raises((PermissionDenied, AnonymousAuditError)):
        people.register_person(
            by=AnonymousUser(),  # type: ignore[arg-type]  # the mistake under test
            given_name="Nobody",
            family_name="Known",
            lead_organisation=world.council_a,
        )

    assert not Person.objects.filter(given_name="Nobody").exists()


def test_a_rolled_back_transaction_leaves_no_audit_event(world: World) -> None:
    before = AuditEvent.objects.count()

    def view_then_fail() -> None:
        people.record_person_viewed(world.alex_record, by=world.priya)
        assert AuditEvent.objects.count() == before + 1
        raise RuntimeError("the request failed after the audit was written")

    with pytest.raises(RuntimeError, match="the request failed"), transaction.atomic():
        view_then_fail()

    assert AuditEvent.objects.count() == before


def test_audit_action_codes_must_be_namespaced(world: World) -> None:
    with pytest.raises(ValueError, match=r"app\.thing\.verb"):
        auditor.record("viewed", audit=AuditContext.for_actor(world.priya))


def test_changes_to_a_record_are_audited_by_whoever_made_them(world: World) -> None:
    people.set_sharing_consent(world.alex_record, by=world.alex, organisation=world.gp_practice, give=False)

    event = AuditEvent.objects.get(action="people.consent.withdrawn")
    assert (event.actor, event.person_id) == (world.alex, world.alex_record.pk)
    assert event.detail == {"organisation": "Riverside Medical Practice"}
    assert not event.is_read


class TestWhoHasLooked:
    def url(self, world: World) -> str:
        return f"/people/{world.alex_record.pk}/who-has-looked/"

    def test_alex_sees_that_priya_looked_and_for_which_organisation_in_uk_time(
        self, world: World, client_for: Callable[[str], Client]
    ) -> None:
        with time_machine.travel(LONDON_SUMMER_AFTERNOON, tick=False):
            client_for("priya").get(f"/people/{world.alex_record.pk}/")

        rows = trail_rows(client_for("alex").get(self.url(world)).content)

        assert ["1 July 2026 at 2:05pm", "Priya Shah", "Northbridge Council", "Looked at your record"] in rows

    def test_alex_sees_changes_made_to_the_record_too(self, world: World, client_for: Callable[[str], Client]) -> None:
        rows = trail_rows(client_for("alex").get(self.url(world)).content)

        # Each change in its own plain words, not "Changed your record" for all of them.
        assert {
            "Started your record",
            "Shared your record with an organisation",
            "Added someone to your care team",
        } <= {what for *_, what in rows}
        assert "Changed your record" not in {what for *_, what in rows}
        assert [who for _, who, _, what in rows].count("Priya Shah") >= 1

    def test_alexs_own_looks_show_as_you(self, world: World, client_for: Callable[[str], Client]) -> None:
        client = client_for("alex")
        client.get(f"/people/{world.alex_record.pk}/")

        rows = trail_rows(client.get(self.url(world)).content)

        assert [(who, what) for _, who, _, what in rows if what == "Looked at your record"] == [
            ("You", "Looked at your record")
        ]

    def test_the_newest_look_comes_first(self, world: World, client_for: Callable[[str], Client]) -> None:
        with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False):
            client_for("dr.jones").get(f"/people/{world.alex_record.pk}/")
        with time_machine.travel(dt.datetime(2026, 3, 3, 9, 0, tzinfo=dt.UTC), tick=False):
            client_for("priya").get(f"/people/{world.alex_record.pk}/")

        rows = trail_rows(client_for("alex").get(self.url(world)).content)

        assert [(when, who) for when, who, _, what in rows if what == "Looked at your record"] == [
            ("3 March 2026 at 9:00am", "Priya Shah"),
            ("2 March 2026 at 9:00am", "Eleri Jones"),
        ]

    def test_looks_at_someone_elses_record_are_not_in_alexs_trail(
        self, world: World, client_for: Callable[[str], Client]
    ) -> None:
        other = PersonFactory.create(lead_organisation=world.council_a)
        put_on_care_team(other, world.priya, world.council_a)
        assert client_for("priya").get(f"/people/{other.pk}/").status_code == 200
        assert views_of(other) != []

        rows = trail_rows(client_for("alex").get(self.url(world)).content)

        assert "Looked at your record" not in {what for *_, what in rows}

    @pytest.mark.parametrize("username", ["sam", "priya", "dr.jones", "morgan", "quinn", "omar", "casey", "admin"])
    def test_nobody_else_can_read_alexs_trail(
        self, world: World, client_for: Callable[[str], Client], username: str
    ) -> None:
        assert client_for(username).get(self.url(world)).status_code == 404
