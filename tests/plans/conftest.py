import pytest

from livingplan.plans import services
from livingplan.plans.models import Plan
from livingplan.plans.sections import Section
from tests.personas import World


@pytest.fixture
def plan(world: World) -> Plan:
    """Alex's plan, started by Alex, with what matters and one outcome: ready to propose."""
    plan = services.start_plan(world.alex_record, by=world.alex)
    services.add_statement(plan, by=world.alex, section=Section.WHAT_MATTERS, text="Staying in my own home")
    services.add_outcome(plan, by=world.alex, text="I want to walk to the shop on my own", importance=5)
    plan.refresh_from_db()
    return plan
