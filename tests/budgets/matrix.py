"""Alex's budget as Priya drafted it, and Morgan as a team manager who signs budgets off, for the
access matrix (tests/unit): made when a URL first names them, so other pages' rows make nothing."""

from livingplan.budgets import services
from livingplan.budgets.models import ApproverLevel, Budget, Level, SupportLine
from livingplan.plans.models import Outcome
from tests.personas import AlexPlan


def alexs_budget(records: AlexPlan) -> int:
    """Alex's id, once his budget has been started with one line and Morgan signs budgets off."""
    world = records.world
    morgan_approves(records)
    budget = Budget.objects.filter(person=world.alex_record).first()
    if budget is None:
        budget = services.start_budget(world.alex_record, by=world.priya, indicative_pence=9_000_00, basis="RAS")
        outcome = Outcome.objects.filter(plan=records.plan, is_active=True).first()
        assert outcome is not None  # Alex's plan has one
        details = services.LineDetails(
            what="Personal care", provider="Brightwell Home Care", unit="HOUR", unit_cost_pence=24_00, quantity=7,
            outcome_ids=[outcome.pk],
        )  # fmt: skip
        services.add_line(budget, by=world.priya, details=details)
    return world.alex_record.pk


def alexs_budget_line(records: AlexPlan) -> int:
    alexs_budget(records)
    line = SupportLine.objects.filter(person=records.world.alex_record).first()
    assert line is not None
    return line.pk


def morgan_approves(records: AlexPlan) -> None:
    """Morgan as a team manager who signs budgets off at Alex's council, for the staff pages' rows."""
    ApproverLevel.objects.get_or_create(
        user=records.world.morgan, organisation=records.world.council_a, defaults={"level": Level.TEAM_MANAGER}
    )
