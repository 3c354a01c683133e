"""Combining ratings, the gap between staff and lived experience, agreed levels, movement, charts and CSV."""

import csv
import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from livingplan.selfassessment import combine, instrument, services
from tests.documents.conftest import pdf_info, pdf_text
from tests.personas import World
from tests.selfassessment.builders import AGREED_AREA, GAP_AREA, Rounds, rounds_with_ratings

Clients = Callable[[str], Client]


@pytest.fixture
def rounds(world: World) -> Rounds:
    return rounds_with_ratings(world)


def results(client: Client, rounds: Rounds) -> str:
    return client.get(f"/self-assessment/rounds/{rounds.current.pk}/results/").content.decode()


def test_median_and_spread_per_area() -> None:
    area = instrument.shipped().areas[0]
    votes = [combine.Vote(area.id, "STAFF", 4, "P"), combine.Vote(area.id, "PERSON", 1, "A")]
    (row,) = combine.combine([area], votes, {}, {})
    assert (row.median, row.spread) == (2.5, 3)


def test_the_gap_between_staff_and_people_who_use_services_is_highlighted(rounds: Rounds, client_for: Clients) -> None:
    page = results(client_for("admin"), rounds)
    assert "Where staff and people who use services see it differently" in page
    assert "Staff rated this 2.5 levels higher" in page


def test_who_rated_what_is_shown_with_their_evidence(rounds: Rounds, client_for: Clients) -> None:
    page = results(client_for("alex"), rounds)
    assert "Alex Carter (Person who uses services): level 1. “Nobody asked me”" in page


def test_the_group_agrees_a_level_with_a_reason(rounds: Rounds, client_for: Clients) -> None:
    admin = client_for("admin")
    url = f"/self-assessment/rounds/{rounds.current.pk}/agree/{GAP_AREA}/"
    response = admin.post(url, {"level": "2", "reason": "People's view carries the day"}, follow=True)
    assert "Up 1" in response.content.decode()


def test_agreeing_without_a_reason_is_refused(rounds: Rounds, client_for: Clients) -> None:
    url = f"/self-assessment/rounds/{rounds.current.pk}/agree/{GAP_AREA}/"
    response = client_for("admin").post(url, {"level": "2"})
    assert "Enter why the group agreed this level" in response.content.decode()


def test_a_rater_may_not_agree_levels(rounds: Rounds, client_for: Clients) -> None:
    url = f"/self-assessment/rounds/{rounds.current.pk}/agree/{GAP_AREA}/"
    assert client_for("alex").get(url).status_code == 403


def test_the_comparison_shows_movement_since_the_earlier_round(rounds: Rounds, world: World) -> None:
    services.agree_level(rounds.current, by=world.admin, area_id=AGREED_AREA, level=3, reason="All said 3")
    client = Client()
    client.force_login(world.quinn)
    page = results(client, rounds)
    assert "Compared with Spring 2026" in page
    assert "1 area moved up and 0 areas moved down" in page


def test_the_heatmap_is_an_svg_with_the_counts(rounds: Rounds, client_for: Clients) -> None:
    response = client_for("priya").get(f"/self-assessment/rounds/{rounds.current.pk}/results/heatmap.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert ">3</text>" in response.content.decode()


def test_the_comparison_chart_is_an_svg(rounds: Rounds, client_for: Clients) -> None:
    response = client_for("priya").get(f"/self-assessment/rounds/{rounds.current.pk}/results/comparison.svg")
    assert "<title>Agreed levels, Spring 2027 compared with Spring 2026</title>" in response.content.decode()


def test_the_csv_has_the_same_numbers(rounds: Rounds, world: World, client_for: Clients) -> None:
    services.agree_level(rounds.current, by=world.admin, area_id=AGREED_AREA, level=3, reason="All said 3")
    response = client_for("admin").get(f"/self-assessment/rounds/{rounds.current.pk}/results.csv")
    rows = {row["Area id"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    assert (rows[AGREED_AREA]["Median"], rows[AGREED_AREA]["Movement"]) == ("3", "2")


def test_the_summary_of_actions_offers_the_next_level(rounds: Rounds, world: World, client_for: Clients) -> None:
    services.agree_level(rounds.current, by=world.admin, area_id=AGREED_AREA, level=3, reason="All said 3")
    page = client_for("priya").get(f"/self-assessment/rounds/{rounds.current.pk}/actions/").content.decode()
    assert "Level 4: People choose the time, place and who joins them" in page


def test_a_priority_with_an_owner_and_date_is_tracked(rounds: Rounds, world: World, client_for: Clients) -> None:
    admin = client_for("admin")
    added = admin.post(
        f"/self-assessment/rounds/{rounds.current.pk}/actions/add/{GAP_AREA}/",
        {
            "priority": "Start every conversation with what matters",
            "why": "People told us nobody asked them",
            "first_steps": "Try a new opening question in two teams",
            "owner": str(world.priya.pk),
            "by_when_day": "31",
            "by_when_month": "3",
            "by_when_year": str(timezone.localdate().year + 1),
            "how_we_will_know": "People say they were asked",
        },
        follow=True,
    )
    assert "Start every conversation with what matters" in added.content.decode()
    priority = rounds.current.priorities.get()
    moved = client_for("priya").post(
        f"/self-assessment/rounds/{rounds.current.pk}/actions/{priority.pk}/",
        {"status": "IN_PROGRESS", "note": "Two teams trying it"},
        follow=True,
    )
    assert "In progress, " in moved.content.decode()


def test_someone_else_may_not_move_a_priority(rounds: Rounds, world: World, client_for: Clients) -> None:
    priority = services.add_priority(
        rounds.current,
        by=world.admin,
        details=services.PlanDetails(
            area_id=GAP_AREA,
            priority="P",
            why="W",
            first_steps="F",
            owner=world.priya,
            by_when=dt.date(2027, 3, 31),
            how_we_will_know="K",
        ),
    )
    url = f"/self-assessment/rounds/{rounds.current.pk}/actions/{priority.pk}/"
    assert client_for("alex").post(url, {"status": "DONE"}).status_code == 403


def test_the_results_pdf_is_tagged_and_has_the_gap(rounds: Rounds, client_for: Clients) -> None:
    response = client_for("sam").get(f"/self-assessment/rounds/{rounds.current.pk}/results.pdf")
    assert "Staff rated this 2.5 levels higher" in pdf_text(response.content)
    assert pdf_info(response.content)["Tagged"] == "yes"
