"""A budget of Alex's with a row of every kind, made through the verbs, for the export tests:
drafted with a line changed and one suspended, returned and answered, passed to the second tier
with an approver assigned, approved, and its first payment recorded."""

import datetime as dt

from django.utils import timezone

from livingplan.accounts.models import Role
from livingplan.budgets import services
from livingplan.budgets.models import ApproverLevel, Budget, Level
from livingplan.plans import services as plans
from livingplan.plans.models import Outcome, Plan
from livingplan.plans.sections import Section
from tests.personas import World, make_staff


def budget_with_every_row(world: World, plan: Plan, outcome: Outcome) -> Budget:
    plans.add_statement(plan, by=world.priya, section=Section.NEEDS, text="Help getting out")
    plans.add_statement(plan, by=world.priya, section=Section.ELIGIBLE_NEEDS, text="Getting out")
    plans.set_review_arrangements(
        plan, by=world.priya, next_review_on=timezone.localdate() + dt.timedelta(days=180), review_lead=None,
        early_review_triggers="",
    )  # fmt: skip
    ApproverLevel.objects.get_or_create(user=world.morgan, organisation=world.council_a, level=Level.TEAM_MANAGER)
    senior = make_staff("sasha", "Sasha", "Grant", world.council_a, Role.APPROVER)
    ApproverLevel.objects.create(user=senior, organisation=world.council_a, level=Level.SENIOR_MANAGER)
    budget = services.start_budget(world.alex_record, by=world.priya, indicative_pence=40_000_00, basis="RAS")
    details = services.LineDetails(
        what="Support to get out", provider="Brightwell Home Care", unit="HOUR", unit_cost_pence=25_00, quantity=30,
        outcome_ids=[outcome.pk],
    )  # fmt: skip
    line = services.add_line(budget, by=world.priya, details=details)
    services.suspend_line(line, by=world.priya, from_on=timezone.localdate(), reason="A week in hospital")
    yearly = line.yearly_pence
    services.set_funding(budget, by=world.priya, kind="COUNCIL", yearly_pence=yearly)
    services.set_route(budget, by=world.priya, route="ISF", yearly_pence=yearly)
    services.set_details(
        budget, by=world.priya, contribution_pence=0, advice_given="Leaflet", person_involvement="Alex chose"
    )
    services.submit_budget(budget, by=world.priya)
    budget.refresh_from_db()
    services.decide_budget(
        budget, by=world.morgan, decision=services.RETURN, revision=budget.revision, reason="Too many hours?",
        line_id=line.pk,
    )  # fmt: skip
    services.change_line(line, by=world.priya, details=details)
    services.submit_budget(budget, by=world.priya, note="Checked: Alex needs them")
    budget.refresh_from_db()
    services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
    services.assign_approver(budget, by=world.morgan, approver=senior)
    budget.refresh_from_db()
    services.decide_budget(budget, by=senior, decision=services.APPROVE, revision=budget.revision)
    services.record_first_payment(budget, by=world.morgan, kind="SERVICE", happened_on=timezone.localdate())
    return budget
