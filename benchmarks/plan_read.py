"""Benchmark: reading a large living plan, against a raw-SQL floor measured in the same run.

A synthetic person with 40 outcomes, 150 actions, 25 agreed versions and 500 audit rows.
Prints, for the plan page and the API plan read: queries per request, median server time,
and the ratio to the floor (the bare SQL that fetches the same rows, no ORM, no rendering).
The issue's target is a ratio of at most 3. Run with `make bench`.
"""

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
_db = Path(tempfile.mkdtemp()) / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{_db}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "livingplan.config.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402

from livingplan.core.services import auditor  # noqa: E402
from livingplan.plans import services  # noqa: E402
from livingplan.plans.models import Layer, Plan, PlanStatus  # noqa: E402
from livingplan.plans.sections import Section  # noqa: E402
from tests.personas import build_world  # noqa: E402

OUTCOMES, ACTIONS, VERSIONS, AUDIT_ROWS, RUNS = 40, 150, 25, 500, 30


def build() -> Plan:
    world = build_world()
    plan = services.start_plan(world.alex_record, by=world.alex)
    services.add_statement(plan, by=world.alex, section=Section.WHAT_MATTERS, text="My garden and my family")
    outcomes = [services.add_outcome(plan, by=world.alex, text=f"Outcome {n} in my own words") for n in range(OUTCOMES)]
    for n in range(ACTIONS):
        services.add_action(
            outcomes[n % OUTCOMES],
            by=world.priya,
            what=f"Action {n}",
            owner_name="Priya",
            layer=list(Layer)[n % len(Layer)],
        )
    for n in range(VERSIONS):
        plan.refresh_from_db()
        if plan.status in (PlanStatus.AGREED, PlanStatus.ACTIVE):
            services.start_review(plan, by=world.alex)
            services.add_statement(plan, by=world.alex, section=Section.GOING_WELL, text=f"Review {n} went well")
        services.propose_plan(plan, by=world.alex)
        services.agree_plan(plan, by=world.alex)
        services.activate_plan(plan, by=world.alex)
    for _ in range(AUDIT_ROWS):
        auditor.record("people.person.viewed", actor=world.priya, person_id=world.alex_record.pk)
    return plan


FLOOR_SQL = [
    "SELECT * FROM plans_plan WHERE person_id = %s",
    "SELECT * FROM plans_statement WHERE plan_id = %s AND status IN ('ACCEPTED', 'PROPOSED')",
    "SELECT * FROM plans_outcome WHERE plan_id = %s AND is_active",
    "SELECT a.* FROM plans_action a JOIN plans_outcome o ON a.outcome_id = o.id WHERE o.plan_id = %s",
    "SELECT s.* FROM plans_progressscore s JOIN plans_outcome o ON s.outcome_id = o.id WHERE o.plan_id = %s",
    "SELECT * FROM plans_risk WHERE plan_id = %s",
    "SELECT id, number, agreed_at, agreed_by_id, summary_of_changes FROM plans_planversion WHERE plan_id = %s",
]


def floor(plan: Plan) -> None:
    with connection.cursor() as cursor:
        for sql in FLOOR_SQL:
            cursor.execute(sql, [plan.person_id if "person_id" in sql else plan.pk])
            cursor.fetchall()


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Callable[..., object], sql: str, params: object, many: bool, context: object) -> object:
        self.count += 1
        return execute(sql, params, many, context)


def median_ms(fn: Callable[[], object]) -> float:
    fn()  # warm up
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    # Keep one connection open across requests, as a production server with persistent
    # connections does; otherwise every request would pay to reconnect and the floor would not.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    call_command("migrate", verbosity=0)
    plan = build()
    client = Client()
    client.force_login(plan.person.user)
    targets = {
        "plan page": f"/people/{plan.person_id}/plan/",
        "API plan read": f"/api/v1/people/{plan.person_id}/plan",
    }
    floor_ms = median_ms(lambda: floor(plan))
    print(f"Synthetic plan: {OUTCOMES} outcomes, {ACTIONS} actions, {VERSIONS} versions, {AUDIT_ROWS} audit rows")
    print(f"floor (raw SQL for the same rows): {floor_ms:.2f} ms")
    worst = 0.0
    for name, url in targets.items():
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            status = client.get(url).status_code
        if status != 200:
            print(f"{name}: {url} answered {status}; skipped")
            continue
        ms = median_ms(lambda url=url: client.get(url))
        ratio = ms / floor_ms
        worst = max(worst, ratio)
        print(f"{name}: {counter.count} queries, {ms:.2f} ms median of {RUNS}, {ratio:.1f}x floor")
    print(f"worst ratio: {worst:.1f}x (target <= 3x)")


if __name__ == "__main__":
    main()
