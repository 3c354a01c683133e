"""Alex's plan with something in every part the documents show, and tools to read PDFs.

PDF text comes from `pdftotext` and `pdfinfo` (Debian's poppler-utils): CI must install it.
"""

import re
import shutil
import subprocess
import zlib
from dataclasses import dataclass

import pytest

from livingplan.people import services as people
from livingplan.plans import services as plans
from livingplan.plans.models import Layer, Plan
from livingplan.plans.sections import Section
from tests.personas import World

WHAT_MATTERS = "Staying in my own home with my garden."
ABOUT_ME = "My garden, my daughter Sam and her boys."
SUGGESTION = "Bring biscuits when you visit."
NEEDS = "Help getting washed and dressed in the mornings."
OUTCOME = "I want to walk to the corner shop on my own again."
WHY = "So I am not waiting on anyone for milk and a paper."
ACTION = "Walk to the shop together on Sundays"
RISK = "A fall on the way to the shop."
RISK_AGREED = "Alex carries a phone and walks in the afternoon."
CRISIS = "A call from Sam and a hot meal."


@dataclass
class AlexPlan:
    world: World
    plan: Plan

    def url(self, path: str) -> str:
        return f"/people/{self.world.alex_record.pk}/{path}"


@pytest.fixture
def alex_plan(world: World) -> AlexPlan:
    """Written with Alex, Priya and Sam, agreed once and co-signed by Priya. No format recorded yet."""
    plan = plans.start_plan(world.alex_record, by=world.alex)
    plans.add_statement(plan, by=world.alex, section=Section.WHAT_MATTERS, text=WHAT_MATTERS)
    plans.add_statement(plan, by=world.alex, section=Section.ABOUT_MATTERS_MOST, text=ABOUT_ME)
    plans.add_statement(plan, by=world.sam, section=Section.ABOUT_PLEASE_DO, text=SUGGESTION)
    plans.add_statement(plan, by=world.priya, section=Section.NEEDS, text=NEEDS)
    plans.add_statement(plan, by=world.alex, section=Section.CRISIS_WHAT_HELPS, text=CRISIS)
    outcome = plans.add_outcome(plan, by=world.alex, text=OUTCOME, why_it_matters=WHY, importance=5)
    plans.add_action(outcome, by=world.priya, what=ACTION, owner_name="Sam", layer=Layer.FAMILY_FRIENDS)
    plans.add_risk(
        plan,
        by=world.priya,
        what_could_go_wrong=RISK,
        what_we_agree=RISK_AGREED,
        decided_by="Alex, with Priya",
        persons_view="It is my risk to take.",
    )
    plans.propose_plan(plan, by=world.priya)
    version = plans.agree_plan(plan, by=world.alex, summary="First plan")
    plans.sign_version(version, by=world.priya, role="Coordinator")
    plan.refresh_from_db()
    return AlexPlan(world=world, plan=plan)


def record_format(world: World, information_format: str) -> None:
    people.set_communication_needs(world.alex_record, by=world.alex, information_format=information_format)


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: install Debian's poppler-utils (apt-get install poppler-utils)")
    return path


def pdf_text(pdf: bytes) -> str:
    result = subprocess.run([_poppler("pdftotext"), "-", "-"], input=pdf, capture_output=True, check=True)  # noqa: S603
    # pdftotext wraps long lines; compare text with its whitespace evened out.
    return re.sub(r"\s+", " ", result.stdout.decode("utf-8"))


def pdf_info(pdf: bytes) -> dict[str, str]:
    result = subprocess.run([_poppler("pdfinfo"), "-"], input=pdf, capture_output=True, check=True)  # noqa: S603
    pairs = (line.split(":", 1) for line in result.stdout.decode("utf-8").splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


def pdf_word_heights(pdf: bytes) -> list[float]:
    """The height of every word's box, in points: about 1.12 times its font size in Liberation Sans."""
    result = subprocess.run([_poppler("pdftotext"), "-bbox", "-", "-"], input=pdf, capture_output=True, check=True)  # noqa: S603
    boxes = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', result.stdout.decode("utf-8"))
    return [float(y_max) - float(y_min) for y_min, y_max in boxes]


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated, so its structure can be searched."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)
