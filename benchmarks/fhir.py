"""Benchmark: FHIR R4 export and import (issue 15, ADR-044), against floors measured in the same run.

- Single plan export: Alex's plan (2 outcomes, 2 actions, care team, circle, consents) as a
  collection Bundle serialised to JSON, in plans a second (goal >= 200/s). Floors: the bare SQL
  SELECTs of the same rows on the same connection, and `fhir.resources` validating the bundle
  (what checking every export would cost; the tests check them instead).
- Import of the shared Synthea set (56 bundles) through `fhir_import`'s units, against the floor
  of `fhir.resources.R4B` parsing and validating the same files alone (goal: faster; at worst 2x).
- Bulk export (ADR-045): `interop.bulk.write` (what `$export` and `fhir_export` run) of 10,000 and
  then 100,000 synthetic plans (made with bulk_create here only: through the service verbs they
  would take an hour), timed (goal: 100,000 in under 2 minutes), and its peak memory traced
  (tracemalloc) over 10,000 and 100,000 plans (goal: flat, the same at both). Floor: the bare
  SELECTs of the same rows, chunk by chunk. `BULK_PLANS=20000 make bench-fhir` for a smaller run.
Run with `make bench-fhir` (SQLite), or `make bench-fhir DATABASE_URL=postgres://...`.
"""

import os
import sys
import time
from pathlib import Path

# Run as a script, this file's folder comes first on the path, and its name would hide the `fhir`
# package (fhir.resources): the project root goes there instead.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent))
from benchmarks.measure import choose_database  # noqa: E402

choose_database()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "livingplan.config.settings.test")

import django  # noqa: E402

django.setup()

import json  # noqa: E402
import tempfile  # noqa: E402
import tracemalloc  # noqa: E402

from django.db import connection  # noqa: E402
from fhir.resources.R4B.bundle import Bundle  # noqa: E402

from benchmarks.fhir_bulk import add_synthetic_plans  # noqa: E402
from benchmarks.measure import create_database, median_ms  # noqa: E402
from livingplan.interop import bulk, export  # noqa: E402
from livingplan.interop.importing import sources  # noqa: E402
from livingplan.interop.importing.apply import import_unit  # noqa: E402
from livingplan.people.models import Person  # noqa: E402
from tests.interop.conftest import build_plan  # noqa: E402
from tests.interop.fhir_data import SYNTHEA  # noqa: E402
from tests.personas import World, build_world  # noqa: E402

EXPORTS = 300
GOAL_PLANS_PER_SECOND = 200
GOAL_IMPORT_RATIO = 1.0
GOAL_BULK_SECONDS = 120


def sql_floor(person: Person) -> None:
    """The SELECTs an export needs, bare: no ORM objects, no mapping, no JSON."""
    tables = (
        ("people_person", "id"),
        ("people_careteammember", "person_id"),
        ("people_circlemember", "person_id"),
        ("plans_plan", "person_id"),
        ("plans_outcome", "person_id"),
        ("plans_action", "person_id"),
        ("plans_progressscore", "person_id"),
        ("people_sharingconsent", "person_id"),
        ("interop_externalidentifier", "person_id"),
    )
    with connection.cursor() as cursor:
        for table, column in tables:
            cursor.execute(f"SELECT * FROM {table} WHERE {column} = %s", [person.pk])  # noqa: S608 - fixed names
            cursor.fetchall()


def export_figures(person: Person) -> None:
    def one() -> None:
        json.dumps(export.plan_bundle(person))

    start = time.perf_counter()
    for _ in range(EXPORTS):
        one()
    per_second = EXPORTS / (time.perf_counter() - start)
    export_ms = 1000 / per_second
    bundle = export.plan_bundle(person)
    floors = {
        "SQL floor (the same rows, bare SELECTs)": median_ms(lambda: sql_floor(person), 50),
        "fhir.resources validating the bundle": median_ms(lambda: Bundle.model_validate(bundle), 50),
    }
    verdict = "met" if per_second >= GOAL_PLANS_PER_SECOND else "NOT met"
    print(
        f"single plan export: {per_second:.0f} plans/s ({export_ms:.2f} ms each),"
        f" goal >= {GOAL_PLANS_PER_SECOND}/s: {verdict}"
    )
    for name, ms in floors.items():
        print(f"  {name}: {ms:.2f} ms; export = {export_ms / ms:.1f}x")


def import_figures(world: World) -> None:
    files = sources.files(SYNTHEA)
    start = time.perf_counter()
    for file in files:
        Bundle.model_validate_json(file.read_bytes())
    floor = time.perf_counter() - start
    start = time.perf_counter()
    refused = 0
    for unit in sources.units(SYNTHEA):
        refused += import_unit(unit, actor=world.priya, organisation=world.council_a).refused
    took = time.perf_counter() - start
    ratio = took / floor
    verdict = "met" if ratio <= GOAL_IMPORT_RATIO else ("within 2x" if ratio <= 2 else "NOT met")
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"Synthea import: {len(files)} files, {size:.0f} MB, {refused} refused, {Person.objects.count() - 1} people")
    print(f"  fhir.resources parse + validate alone: {floor:.2f} s")
    print(
        f"  fhir_import (parse, check, make through the service verbs): {took:.2f} s"
        f" = {ratio:.2f}x ({verdict}, goal <= {GOAL_IMPORT_RATIO}x)"
    )


def bulk_run(plans: int, *, traced: bool) -> tuple[float, float, int]:
    """Seconds to write every plan, peak traced memory in MB (0 untraced), lines written."""
    with tempfile.TemporaryDirectory() as out:
        if traced:
            tracemalloc.start()
        start = time.perf_counter()
        counts = bulk.write(bulk.people_to_export(None), Path(out), viewer=None) or {}
        took = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / 1e6 if traced else 0.0
        if traced:
            tracemalloc.stop()
    return took, peak, sum(counts.values())


def bulk_sql_floor() -> float:
    """The same rows read chunk by chunk with bare SELECTs: no objects, no mapping, no JSON."""
    tables = ("people_careteammember", "plans_plan", "plans_outcome", "plans_action", "plans_progressscore")
    start = time.perf_counter()
    for chunk in bulk.chunks(bulk.people_to_export(None)):
        ids = ", ".join(str(p.pk) for p in chunk)
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"SELECT * FROM {table} WHERE person_id IN ({ids})")  # noqa: S608 - our ids
                cursor.fetchall()
    return time.perf_counter() - start


def bulk_figures(world: World) -> None:
    big = int(os.environ.get("BULK_PLANS", "100000"))
    small = big // 10
    figures = {}
    for size in (small, big):
        add_synthetic_plans(world, total=size)
        took, _, lines = bulk_run(size, traced=False)
        _, peak, _ = bulk_run(size, traced=True)
        figures[size] = (took, peak, lines)
    floor = bulk_sql_floor()
    took, peak, lines = figures[big]
    verdict = "met" if took < GOAL_BULK_SECONDS * big / 100_000 else "NOT met"
    print(
        f"bulk export ($export, fhir_export): {big:,} plans, {lines:,} NDJSON lines in {took:.1f} s"
        f" ({big / took:,.0f} plans/s), goal < {GOAL_BULK_SECONDS} s for 100,000: {verdict}"
    )
    print(f"  SQL floor (the same rows, bare SELECTs, chunk by chunk): {floor:.1f} s; export = {took / floor:.1f}x")
    flat = figures[big][1] <= 1.5 * figures[small][1]
    print(
        f"  peak traced memory: {figures[small][1]:.1f} MB at {small:,} plans, {peak:.1f} MB at {big:,}"
        f" ({peak / figures[small][1]:.2f}x): {'flat' if flat else 'NOT flat'}"
    )


def main() -> None:
    database = create_database()
    print(f"On {database}.")
    world = build_world()
    plan = build_plan(world)
    person = Person.objects.select_related("lead_organisation").get(pk=plan.person_id)
    export_figures(person)
    import_figures(world)
    bulk_figures(world)


if __name__ == "__main__":
    main()
