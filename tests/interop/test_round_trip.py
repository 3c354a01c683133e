"""Export, import into an empty database, export again: the same plan comes back (`essence`: who
the person is, their goals in their words, every action with its status, layer, date and owner)."""

from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO

from django.core.management import call_command
from django.db import transaction

from livingplan.interop import export
from tests.interop.conftest import build_plan
from tests.interop.importing import SENDER, essence, exports_of_everyone_with_a_plan, round_trip
from tests.personas import build_world


@contextmanager
def undone() -> Iterator[None]:
    """Whatever is made inside is undone after, leaving the database as empty as it was."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def test_alexs_plan_comes_back_the_same(db: None) -> None:
    with undone():
        plan = build_plan(build_world())
        sent = export.plan_bundle(plan.person, base=SENDER)
    (back,) = round_trip([sent])
    assert essence(back) == essence(sent)


def test_every_demo_plan_comes_back_the_same(db: None) -> None:
    with undone():
        call_command("seed_demo", password="living-plan-demo", stdout=StringIO())
        sent = exports_of_everyone_with_a_plan()
    back = round_trip(sent)
    assert "Carter" in str([essence(b)["name"] for b in sent])
    assert sorted(map(str, map(essence, back))) == sorted(map(str, map(essence, sent)))
