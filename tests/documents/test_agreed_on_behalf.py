"""Documents say when a version was agreed on Alex's behalf, and the export keeps how and why."""

import json
import re
import zipfile
from html import unescape
from io import BytesIO

from livingplan.plans import services as plans
from tests.capacity import sam_is_alexs_attorney_and_alex_cannot_agree
from tests.documents.conftest import AlexPlan

WISHES = "Alex wants the Sunday walks to carry on; I kept them as the first action."


def _agreed_by_sam(alex_plan: AlexPlan) -> None:
    world = alex_plan.world
    sam_is_alexs_attorney_and_alex_cannot_agree(world)
    plans.start_review(alex_plan.plan, by=world.priya)
    plans.propose_plan(alex_plan.plan, by=world.priya)
    plans.agree_plan(alex_plan.plan, by=world.sam, best_interests_note=WISHES)


def _text(html: bytes) -> str:
    """What a reader sees: tags dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html.decode("utf-8"))))


def test_print_and_easy_read_say_sam_agreed_for_alex(alex_plan: AlexPlan, client_for) -> None:
    _agreed_by_sam(alex_plan)
    printed = _text(client_for("priya").get(alex_plan.url("plan/print/")).content)
    assert "by Sam Carter, attorney for health and welfare, on Alex's behalf" in printed
    easy = _text(client_for("alex").get(alex_plan.url("plan/easy-read/")).content)
    assert "Sam Carter said yes to it for me on" in easy
    assert "I last said yes" not in easy


def test_the_export_keeps_who_agreed_as_whom_and_the_best_interests_note(alex_plan: AlexPlan, client_for) -> None:
    _agreed_by_sam(alex_plan)
    archive = zipfile.ZipFile(BytesIO(client_for("alex").get(alex_plan.url("export.zip")).content))
    first = json.loads(archive.read("versions/version-1.json"))
    second = json.loads(archive.read("versions/version-2.json"))
    assert (first["agreed_by"], first["agreed_as"], first["best_interests_note"]) == ("Alex Carter", "the person", "")
    assert first["acting_authority"] is None
    assert (second["agreed_by"], second["agreed_as"]) == ("Sam Carter", "attorney for health and welfare")
    assert second["acting_authority"] == "Lasting power of attorney for health and welfare: Sam Carter"
    assert second["best_interests_note"] == WISHES
