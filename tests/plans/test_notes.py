"""Notes between reviews (issue 9, ADR-024): added in any status by the person, their circle and
their care team; never plan content; seen by whoever sees the REVIEW group; a note asking for a
review is a request until a review starts after it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from livingplan.api import tokens
from livingplan.api.models import TokenScope
from livingplan.core.models import AuditEvent
from livingplan.plans import notes, services
from livingplan.plans.models import Plan, PlanNote, PlanStatus
from livingplan.plans.sections import SharingGroup
from livingplan.plans.snapshot import diff, snapshot
from tests.api.helpers import Api, url
from tests.personas import World, make_user


def _active(plan: Plan, world: World) -> Plan:
    services.propose_plan(plan, by=world.alex)
    services.agree_plan(plan, by=world.alex)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
    return plan


def _hide_review_from_sam(world: World) -> None:
    sam_row = world.alex_record.circle.get(user=world.sam)
    services.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.REVIEW, is_shared=False, circle_member=sam_row
    )


def test_alex_adds_a_note_to_his_active_plan_from_his_home(world: World, plan: Plan, client_for) -> None:
    """The defect: on an active plan the home's note form said the plan was agreed and saved nothing."""
    plan = _active(plan, world)
    client = client_for("alex")
    home = client.get("/")
    add = reverse("plans:add-note", args=[plan.person_id])
    assert add in home.content.decode()
    form = client.get(add)
    assert "I think my plan needs looking at" in form.content.decode()
    response = client.post(add, {"text": "The new carer is lovely.", "asks_for_review": "on"}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "The new carer is lovely." in page
    assert "Choose &#39;Change the plan&#39;" not in page
    assert "Change the plan' to start" not in page
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE  # no review started
    assert "Notes since the plan was agreed" in page
    note = PlanNote.objects.get()
    assert (note.written_by, note.contributor_kind, note.asks_for_review) == (world.alex, "PERSON", True)
    assert AuditEvent.objects.filter(action="plans.note.added", actor=world.alex).count() == 1
    assert "The new carer is lovely." in client.get("/").content.decode()  # latest notes on his home


@pytest.mark.parametrize("status", ["DRAFT", "PROPOSED", "ACTIVE", "UNDER_REVIEW"])
def test_a_note_is_added_in_any_status_without_moving_the_revision(world: World, plan: Plan, status: str) -> None:
    if status != "DRAFT":
        services.propose_plan(plan, by=world.alex)
    if status in ("ACTIVE", "UNDER_REVIEW"):
        services.agree_plan(plan, by=world.alex)
    if status == "UNDER_REVIEW":
        services.start_review(plan, by=world.priya)
    plan.refresh_from_db()
    assert plan.status == status
    revision = plan.revision
    notes.add_note(plan, by=world.sam, text="Dad enjoyed bowls this week")
    plan.refresh_from_db()
    assert (plan.status, plan.revision) == (status, revision)


@pytest.mark.parametrize(
    ("who", "kind", "by"),
    [
        ("alex", "PERSON", "You"),
        ("sam", "CIRCLE", "Sam Carter (circle of support)"),
        ("priya", "PRACTITIONER", "Priya Shah (care team)"),
        ("dr.jones", "PRACTITIONER", "Eleri Jones (care team)"),
    ],
)
def test_the_person_circle_and_care_team_may_add_notes(world: World, plan: Plan, who: str, kind: str, by: str) -> None:
    writer = world.persona(who)
    note = notes.add_note(_active(plan, world), by=writer, text="Going well")
    assert note.contributor_kind == kind
    assert notes.note_rows(plan, world.alex)[0].by == by  # as Alex reads it on his plan


@pytest.mark.parametrize("who", ["omar", "morgan", "casey", "admin", "stranger"])
def test_nobody_else_may_add_a_note(world: World, plan: Plan, who: str, client_for) -> None:
    user = make_user("stranger", "Stan", "Ger") if who == "stranger" else world.persona(who)
    with pytest.raises(PermissionDenied):
        notes.add_note(plan, by=user, text="Not mine to write")
    client = Client()
    client.force_login(user)
    response = client.post(reverse("plans:add-note", args=[plan.person_id]), {"text": "Not mine"})
    assert response.status_code in (403, 404)
    assert not PlanNote.objects.exists()


def test_a_blank_or_overlong_note_is_an_nhs_error_and_saves_nothing(world: World, plan: Plan, client_for) -> None:
    add = reverse("plans:add-note", args=[plan.person_id])
    blank = client_for("alex").post(add, {"text": "   "})
    assert blank.status_code == 400
    assert "Enter your note" in blank.content.decode()
    long = client_for("alex").post(add, {"text": "x" * 2001})
    assert long.status_code == 400
    assert "nhsuk-error-summary" in long.content.decode()
    with pytest.raises(ValidationError):
        notes.add_note(plan, by=world.alex, text="")
    assert not PlanNote.objects.exists()


def test_a_note_is_not_in_the_agreed_version_nor_any_comparison(world: World, plan: Plan) -> None:
    plan = _active(plan, world)
    before = snapshot(plan)
    notes.add_note(plan, by=world.alex, text="Something only in a note", asks_for_review=True)
    after = snapshot(plan)
    assert after == before
    assert "Something only in a note" not in str(plan.versions.get().snapshot)
    assert diff(plan.versions.get().snapshot, after, frozenset(SharingGroup)).changes == []


def test_a_circle_member_refused_the_review_group_sees_no_notes(world: World, plan: Plan, client_for) -> None:
    notes.add_note(plan, by=world.alex, text="Private to those who see my reviews")
    _hide_review_from_sam(world)
    sam = client_for("sam")
    assert sam.get(reverse("plans:notes", args=[plan.person_id])).status_code == 404
    assert sam.post(reverse("plans:add-note", args=[plan.person_id]), {"text": "x"}).status_code == 404
    page = sam.get(reverse("plans:plan", args=[plan.person_id])).content.decode()
    assert "Private to those who see my reviews" not in page
    api = Api(Client(), tokens.issue(world.sam, name="t", scope=TokenScope.WRITE)[1])
    assert api.get(url(world, "/plan/notes")).status_code == 404
    assert api.post(url(world, "/plan/notes"), {"text": "x"}).status_code == 404
    # Dr Jones still sees it: the care team is shown the review group unless the person says otherwise.
    gp_page = client_for("dr.jones").get(reverse("plans:notes", args=[plan.person_id]))
    assert "Private to those" in gp_page.content.decode()


def test_the_api_reads_and_adds_notes(world: World, plan: Plan) -> None:
    plan = _active(plan, world)
    api = Api(Client(), tokens.issue(world.sam, name="t", scope=TokenScope.WRITE)[1])
    created = api.post(url(world, "/plan/notes"), {"text": "Dad seems tired", "asks_for_review": True})
    assert created.status_code == 201, created.content
    assert created.json()["by"] == "You"
    assert created.json()["review_request_open"] is True
    assert api.post(url(world, "/plan/notes"), {"text": ""}).status_code == 422
    listed = Api(Client(), tokens.issue(world.priya, name="t", scope=TokenScope.READ)[1]).get(url(world, "/plan/notes"))
    assert listed.status_code == 200
    assert [(n["text"], n["by"]) for n in listed.json()] == [("Dad seems tired", "Sam Carter (circle of support)")]
    assert AuditEvent.objects.filter(action="plans.notes.viewed", actor=world.priya).exists()


def test_a_review_request_stays_open_until_a_review_starts_after_it(world: World, plan: Plan) -> None:
    plan = _active(plan, world)
    notes.add_note(plan, by=world.alex, text="My plan needs looking at", asks_for_review=True)
    assert notes.open_requests(PlanNote.objects.filter(plan=plan)).count() == 1
    services.start_review(plan, by=world.priya)
    assert notes.open_requests(PlanNote.objects.filter(plan=plan)).count() == 0
    assert notes.note_rows(plan, world.priya)[0].is_open_request is False


def test_the_coordinator_sees_the_request_on_the_plan_page(world: World, plan: Plan, client_for) -> None:
    plan = _active(plan, world)
    notes.add_note(plan, by=world.alex, text="Please look again", asks_for_review=True)
    page = client_for("priya").get(reverse("plans:plan", args=[plan.person_id])).content.decode()
    assert "Asked for a review" in page
    assert "1 note asks for the plan to be looked at" in page
