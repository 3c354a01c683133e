"""Alex's personal budget in the demo (issue 14): Priya has drafted it from his agreed plan, linked
to his outcomes, through the service verbs; the Care Act check shows what is still missing (his
eligible needs, recorded at his next review). Morgan signs budgets off as a team manager."""

from livingplan.accounts.models import Organisation, User
from livingplan.budgets import services
from livingplan.budgets.models import ApproverLevel, Level
from livingplan.demo.audit import seeding
from livingplan.people.models import Person
from livingplan.plans.models import Outcome


def seed_budgets(alex: Person, *, priya: User, morgan: User, council: Organisation) -> None:
    ApproverLevel.objects.get_or_create(user=morgan, organisation=council, defaults={"level": Level.TEAM_MANAGER})
    outcomes = list(Outcome.objects.filter(person=alex, is_active=True))
    if not outcomes:
        return
    audit = seeding(priya)
    budget = services.start_budget(
        alex, by=priya, audit=audit, indicative_pence=9_500_00, basis="Northbridge resource allocation, 2026 rates"
    )
    care = services.LineDetails(
        what="Help to get washed and dressed, weekday mornings",
        provider="Brightwell Home Care",
        unit="HOUR",
        unit_cost_pence=24_50,
        quantity=5,
        outcome_ids=[outcomes[0].pk],
    )
    minibus = services.LineDetails(
        what="Bowls club minibus, Thursdays",
        provider="Oakfield Community Hub",
        unit="WEEK",
        unit_cost_pence=12_00,
        quantity=1,
        outcome_ids=[outcomes[-1].pk],
    )
    yearly = sum(services.add_line(budget, by=priya, audit=audit, details=d).yearly_pence for d in (care, minibus))
    services.set_funding(budget, by=priya, audit=audit, kind="COUNCIL", yearly_pence=yearly)
    services.set_route(
        budget,
        by=priya,
        audit=audit,
        route="DIRECT_PAYMENT",
        yearly_pence=yearly,
        managed_by="Alex, with Sam's help",
        needs_met="Personal care in the mornings; getting to the bowls club",
        payment_frequency="every 4 weeks",
    )
    services.set_details(
        budget,
        by=priya,
        audit=audit,
        contribution_pence=0,
        advice_given="Direct payments leaflet and the local support service for people who employ their own help",
        person_involvement="Alex chose the provider and the times, and wants the minibus rather than a lift",
    )
