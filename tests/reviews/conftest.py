"""Alex's plan, agreed (version 1) and in force: where every review starts."""

from dataclasses import dataclass

import pytest

from livingplan.plans import services as plans
from livingplan.plans.models import Outcome, Plan
from livingplan.plans.sections import Section
from tests.personas import World


@dataclass
class Agreed:
    world: World
    plan: Plan
    outcome: Outcome


def agree_alexs_plan(world: World) -> Agreed:
    plan = plans.start_plan(world.alex_record, by=world.priya)
    plans.add_statement(plan, by=world.alex, section=Section.WHAT_MATTERS, text="My garden and my grandson")
    outcome = plans.add_outcome(plan, by=world.alex, text="Walk to the shops on my own")
    plans.propose_plan(plan, by=world.priya)
    plans.agree_plan(plan, by=world.alex)
    plan.refresh_from_db()
    return Agreed(world=world, plan=plan, outcome=outcome)


@pytest.fixture
def agreed(world: World) -> Agreed:
    return agree_alexs_plan(world)
