"""Each kind of user sees a home page that fits what they do, and nothing they should not."""

import datetime as dt
import html
import re
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from livingplan.people import services as people
from livingplan.people.stats import suppress
from livingplan.plans import services as plans
from livingplan.plans.models import Layer
from tests.factories import PersonFactory, UserFactory, give_consent, put_on_care_team
from tests.personas import World


def text_of(response) -> str:
    """The page's visible text, tags and runs of whitespace collapsed, for reading like a user."""
    assert response.status_code == 200
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.fixture
def home_of(client_for: Callable[[str], Client]) -> Callable[[str], str]:
    return lambda username: text_of(client_for(username).get("/"))


def test_alex_is_greeted_by_name_and_told_who_their_coordinator_is(home_of) -> None:
    page = home_of("alex")

    assert "Hello, Alex" in page
    assert "Your coordinator Priya Shah, Northbridge Council" in page
    assert "Eleri Jones, GP (Riverside Medical Practice)" in page
    assert "Sam Carter, Daughter" in page
    assert "See who has looked at your record" in page


def test_a_person_without_a_coordinator_is_told_so(world: World) -> None:
    ben = UserFactory.create()
    PersonFactory.create(lead_organisation=world.council_b, given_name="Ben", user=ben)
    client = Client()
    client.force_login(ben)

    page = text_of(client.get("/"))

    assert "Hello, Ben" in page
    assert "You have not chosen a coordinator yet." in page


def test_sam_sees_alex_under_the_people_they_support(home_of, world: World) -> None:
    page = home_of("sam")

    assert "People you support" in page
    assert "Alex Carter : you are their daughter" in page


def test_someone_in_a_circle_without_access_sees_nobody_yet(world: World) -> None:
    neighbour = UserFactory.create()
    people.add_circle_member(world.alex_record, by=world.alex, name="Bev", relationship="Neighbour", user=neighbour)
    client = Client()
    client.force_login(neighbour)

    page = text_of(client.get("/"))

    assert "Nobody has shared their plan with you yet." in page
    assert "Alex Carter" not in page


def test_priya_sees_alex_on_her_caseload_as_coordinator(home_of) -> None:
    page = home_of("priya")

    assert "Hello, Priya" in page
    assert "coordinator at Northbridge Council" in page
    assert "People on your caseload" in page
    assert "Alex Carter born 14 June 1951 No plan yet Not set None None Coordinator" in page


def test_the_gp_sees_alex_with_their_role(home_of) -> None:
    assert "Alex Carter born 14 June 1951 No plan yet Not set None None GP" in home_of("dr.jones")


def test_omars_caseload_does_not_contain_alex(home_of) -> None:
    page = home_of("omar")

    assert "People on your caseload" in page
    assert "You are not on anyone's care team yet." in page
    assert "Alex" not in page


def test_omar_sees_the_people_he_does_support(world: World, home_of) -> None:
    mine = PersonFactory.create(lead_organisation=world.council_b, given_name="Ffion", family_name="Rees")
    put_on_care_team(mine, world.omar, world.care_provider, role_description="Support worker")

    page = home_of("omar")

    assert "Ffion Rees" in page
    assert "Support worker" in page
    assert "Alex" not in page


def test_a_caseload_leaves_out_people_who_withdrew_consent(world: World, home_of) -> None:
    people.set_sharing_consent(world.alex_record, by=world.alex, organisation=world.gp_practice, give=False)

    assert "Alex Carter" not in home_of("dr.jones")


@pytest.mark.parametrize(
    ("username", "where_their_work_is"),
    [("morgan", "You cannot sign off budgets yet"), ("quinn", "Reviews and decisions overdue")],
)
def test_oversight_roles_are_shown_where_their_work_is_and_see_no_list_of_people(
    home_of, username: str, where_their_work_is: str
) -> None:
    """Their work is on their own pages (the sign-off queue, the reviews overview), not a caseload."""
    page = home_of(username)

    assert where_their_work_is in page
    assert "being built" not in page
    assert "Alex" not in page


def test_casey_sees_figures_with_small_numbers_suppressed_and_no_names(home_of) -> None:
    page = home_of("casey")

    assert "Figures for Northbridge Council" in page
    assert "People the council leads on fewer than 5" in page
    assert "People with a named coordinator fewer than 5" in page
    assert "as figures that identify nobody" in page
    assert "Alex" not in page


def test_casey_sees_real_figures_once_they_are_large_enough(world: World, home_of) -> None:
    for _ in range(6):
        person = PersonFactory.create(lead_organisation=world.council_a)
        put_on_care_team(person, world.priya, world.council_a, is_coordinator=True)
    PersonFactory.create(lead_organisation=world.council_b)

    page = home_of("casey")

    assert "People the council leads on 7" in page
    assert "People with a named coordinator 7" in page


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0"), (1, "fewer than 5"), (4, "fewer than 5"), (5, "5"), (120, "120")]
)
def test_counts_under_five_are_never_shown(count: int, shown: str) -> None:
    assert suppress(count) == shown


def test_admin_sees_colleagues_in_their_organisation_only(home_of) -> None:
    page = home_of("admin")

    assert "People who work in your organisation" in page
    for row in (
        "Priya Shah Coordinator",
        "Morgan Reilly Approver",
        "Quinn Taylor Quality lead",
        "Casey Lowe Commissioner",
    ):
        assert row in page
    assert "Omar" not in page
    assert "Eleri Jones" not in page
    assert "Alex" not in page


def test_the_home_page_asks_the_database_the_same_number_of_times_for_1_or_30_people(
    world: World, client_for: Callable[[str], Client]
) -> None:
    client = client_for("priya")

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    with_one = count_queries()
    for index in range(29):
        person = PersonFactory.create(lead_organisation=world.council_a, family_name=f"Caseload{index:02d}")
        put_on_care_team(person, world.priya, world.council_a)
        give_consent(person, world.gp_practice)
    with_thirty = count_queries()

    assert with_thirty == with_one
    # 7 when written; 11 once reviews (changes waiting, requests unanswered) and budgets came, each
    # asked once per page. More means work per page, not per person, crept in.
    assert with_thirty <= 11, "more means work per page, not per person, crept in"
    assert text_of(client.get("/")).count("Caseload") == 29


def test_alexs_home_splits_overdue_from_coming_up_and_leaves_out_the_far_future(world: World, home_of) -> None:
    today = timezone.localdate()
    plan = plans.start_plan(world.alex_record, by=world.alex)
    outcome = plans.add_outcome(plan, by=world.alex, text="Walk to the shop", expected_revision=plan.revision)
    for what, days in (("Long overdue thing", -300), ("Ring the club", 6), ("Next year's thing", 200)):
        plan.refresh_from_db()
        plans.add_action(
            outcome,
            by=world.alex,
            what=what,
            owner_name="Alex",
            layer=Layer.SELF_CARE,
            due_on=today + dt.timedelta(days=days),
            expected_revision=plan.revision,
        )

    page = home_of("alex")

    overdue, coming_up = page.index("Overdue"), page.index("Coming up in the next 4 weeks")
    assert overdue < page.index("Long overdue thing") < coming_up < page.index("Ring the club")
    assert "Next year's thing" not in page


def test_alexs_home_calls_his_own_actions_yours_and_names_everyone_elses_owner(world: World, home_of) -> None:
    today = timezone.localdate()
    plan = plans.start_plan(world.alex_record, by=world.alex)
    outcome = plans.add_outcome(plan, by=world.alex, text="Walk to the shop", expected_revision=plan.revision)
    for what, owner in (("Do my exercises", world.alex), ("Ring the club", world.priya)):
        plan.refresh_from_db()
        plans.add_action(
            outcome,
            by=world.alex,
            what=what,
            owner_name="",
            owner=owner,
            layer=Layer.SELF_CARE,
            due_on=today + dt.timedelta(days=3),
            expected_revision=plan.revision,
        )

    page = home_of("alex")

    assert "Do my exercises: you, by" in page
    assert "Ring the club: Priya Shah, by" in page
