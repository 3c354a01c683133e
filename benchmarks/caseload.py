"""Benchmark: a coordinator's home with 500 people on the caseload, against a raw-SQL floor.

Priya coordinates 500 invented people; 400 have a plan with two actions (one overdue) and a
suggestion waiting; a message to one in five did not arrive, so 100 things to do wait on her
home; one in four has a change waiting for Priya's decision and one in five a request for a
review waiting for her answer (issue 13), each with its working-day clock. It prints the home
page's queries and median server time (a whole request through every middleware, as the test
client sends it) as a ratio to:
- "caseload floor": the caseload's one SELECT, run as bare SQL on the same connection and
  fetched, with no ORM objects, sorting or rendering;
- "framework floor": a signed-in page that reads nothing.
Queries must not grow with the caseload (the tests assert it); the ratio shows what the ORM
and the template cost on top of the database. Run with `make bench`.
"""

import datetime as dt
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.measure import choose_database

choose_database()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "livingplan.config.settings.test")

import django  # noqa: E402

django.setup()

from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections, connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.measure import QueryCounter, create_database, median_ms  # noqa: E402
from livingplan.accounts.models import User  # noqa: E402
from livingplan.home.caseload import caseload_queryset  # noqa: E402
from livingplan.people import services as people  # noqa: E402
from livingplan.people.models import CoordinatorTask, TaskKind  # noqa: E402
from livingplan.plans import services  # noqa: E402
from livingplan.plans.models import Layer  # noqa: E402
from livingplan.plans.sections import Section  # noqa: E402
from livingplan.reviews import services as reviews  # noqa: E402
from livingplan.reviews.models import TriggerCategory  # noqa: E402
from tests.factories import PersonFactory, put_on_care_team  # noqa: E402
from tests.personas import build_world  # noqa: E402

PEOPLE, WITH_PLAN, RUNS = 500, 400, 20  # and Alex, on her caseload in every world
TASK_EVERY = 5  # one person in five has a message that did not arrive: a thing to do for Priya
# Reviews (issue 13): one person in four has a change waiting for Priya's decision, one in five
# a request for a review waiting for her answer, each with its working-day clock.
TRIGGER_EVERY, REQUEST_EVERY = 4, 5


def build() -> User:
    world = build_world()
    today = timezone.localdate()
    with transaction.atomic():
        for n in range(PEOPLE):
            person = PersonFactory.create(
                lead_organisation=world.council_a, given_name=f"Person{n}", family_name=f"Family{n % 37}"
            )
            put_on_care_team(person, world.priya, world.council_a, is_coordinator=True)
            if n % TASK_EVERY == 0:
                people.raise_coordinator_task(
                    person,
                    kind=TaskKind.NOT_DELIVERED,
                    about="{their} care and support plan has been agreed",
                    key=f"bench-{n}",
                    channel="SMS",
                )
            if n % TRIGGER_EVERY == 0:
                reviews.raise_trigger(
                    person,
                    by=world.priya,
                    category=TriggerCategory.MEDICATION,
                    what_happened="New tablets",
                    noticed_on=today,
                )
            if n % REQUEST_EVERY == 0:
                reviews.request_review(person, by=world.priya, reason="Things have changed")
            if n >= WITH_PLAN:
                continue
            plan = services.start_plan(person, by=world.priya)
            outcome = services.add_outcome(plan, by=world.priya, text="An outcome", expected_revision=plan.revision)
            for days in (-5, 10):
                plan.refresh_from_db()
                services.add_action(
                    outcome,
                    by=world.priya,
                    what="An action",
                    owner_name="Priya",
                    layer=Layer.COMMUNITY,
                    due_on=today + dt.timedelta(days=days),
                    expected_revision=plan.revision,
                )
            plan.refresh_from_db()
            services.add_statement(
                plan, by=world.priya, section=Section.ABOUT_PLEASE_DO, text="Ring", expected_revision=plan.revision
            )
    return world.priya


def caseload_floor(user: User) -> None:
    sql, params = caseload_queryset(user, timezone.localdate()).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        cursor.fetchall()


def main() -> None:
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    database = create_database()
    priya = build()
    client = Client()
    client.force_login(priya)
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        response = client.get("/")
    shown = response.content.decode()
    if response.status_code != 200 or f"care team of {PEOPLE + 1} people" not in shown:
        raise SystemExit(f"the home page did not show the caseload of {PEOPLE} and Alex: {response.status_code}")
    # Beyond the undelivered messages made here, each person with no contact details gets a task
    # when a suggestion waits for them (the plans app tells them): count what is open.
    tasks = CoordinatorTask.objects.filter(done_at__isnull=True).count()
    if f"Things to do ({tasks})" not in shown:
        raise SystemExit(f"the home page did not show {tasks} things to do")
    if f"Changes waiting for a decision ({PEOPLE // TRIGGER_EVERY})" not in shown:
        raise SystemExit(f"the home page did not show {PEOPLE // TRIGGER_EVERY} changes waiting for a decision")
    floor = median_ms(lambda: caseload_floor(priya), RUNS)
    framework = median_ms(lambda: client.get("/accessibility-statement/"), RUNS)
    page = median_ms(lambda: client.get("/"), RUNS)
    by_review = median_ms(lambda: client.get("/?show=overdue-actions&sort=review"), RUNS)
    by_decision = median_ms(lambda: client.get("/?show=decisions&sort=decision"), RUNS)
    print(
        f"On {database}. Caseload: {PEOPLE} people, {WITH_PLAN} with a plan, 2 actions and a suggestion each;"
        f" {CoordinatorTask.objects.count()} things to do; {PEOPLE // TRIGGER_EVERY} changes waiting for a decision and"
        f" {PEOPLE // REQUEST_EVERY} review requests unanswered"
    )
    print(f"caseload floor (the one SELECT as raw SQL): {floor:.2f} ms")
    print(f"framework floor (a signed-in page that reads nothing): {framework:.2f} ms")
    pages = (
        ("home page", page),
        ("home page, filtered and sorted by review", by_review),
        ("home page, changes waiting, soonest decision first", by_decision),
    )
    for name, ms in pages:
        # Above the framework floor is what the caseload itself costs: compare that with its SELECT.
        own = ms - framework
        print(
            f"{name}: {counter.count} queries, {ms:.2f} ms median of {RUNS} = {ms / floor:.1f}x caseload floor;"
            f" {own:.2f} ms above the framework floor = {own / floor:.1f}x caseload floor"
        )


if __name__ == "__main__":
    main()
