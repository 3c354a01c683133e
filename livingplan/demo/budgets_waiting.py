"""Rita Mensah's budgets in the demo (issue 14), so Morgan's queue and the dashboard show real
work while Alex's budget stays drafted for the walk through: her first package was signed off and
its first payment made; after a stay in hospital, Priya sent an increase that now waits for
Morgan. All through the service verbs; Rita's own words are hers (she signs in as `rita`)."""

import datetime as dt

from django.utils import timezone

from livingplan.accounts.models import Organisation, User
from livingplan.budgets import services
from livingplan.budgets.models import Budget
from livingplan.demo.audit import seeding
from livingplan.people import services as people
from livingplan.people.models import Person
from livingplan.plans import services as plans
from livingplan.plans.models import Outcome
from livingplan.plans.sections import Section


def _rita(council: Organisation, priya: User) -> Person:
    user, _ = User.objects.get_or_create(
        username="rita", defaults={"first_name": "Rita", "last_name": "Mensah", "email": "rita@example.org"}
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    rita = people.register_person(
        by=priya,
        audit=seeding(priya),
        given_name="Rita",
        family_name="Mensah",
        date_of_birth=dt.date(1948, 3, 2),
        lead_organisation=council,
        user=user,
    )
    people.set_sharing_consent(rita, by=user, audit=seeding(user), organisation=council, give=True)
    people.add_care_team_member(
        rita, by=priya, audit=seeding(priya), user=priya, organisation=council, role_description="Social worker"
    )
    plan = plans.start_plan(rita, by=priya, audit=seeding(priya))
    hers, ours = seeding(user), seeding(priya)
    plans.add_statement(plan, by=user, audit=hers, section=Section.WHAT_MATTERS, text="My own flat near my church")
    plans.add_outcome(plan, by=user, audit=hers, text="Get up and dressed without rushing")
    plans.add_statement(plan, by=priya, audit=ours, section=Section.NEEDS, text="Help with washing, dressing, meals")
    plans.add_statement(plan, by=priya, audit=ours, section=Section.ELIGIBLE_NEEDS, text="Personal care; nutrition")
    plans.set_review_arrangements(
        plan,
        by=priya,
        audit=ours,
        next_review_on=timezone.localdate() + dt.timedelta(days=180),
        review_lead=priya,
        early_review_triggers="A fall or a stay in hospital",
    )
    return rita


def _package(rita: Person, *, priya: User, hours: int, previous: int | None) -> Budget:
    audit = seeding(priya)
    outcome = Outcome.objects.filter(person=rita, is_active=True).first()
    assert outcome is not None  # just added above
    budget = services.start_budget(rita, by=priya, audit=audit, indicative_pence=hours * 26_00 * 52, basis="RAS")
    care = services.LineDetails(
        what="Personal care, mornings",
        provider="Brightwell Home Care",
        unit="HOUR",
        unit_cost_pence=25_00,
        quantity=hours,
        outcome_ids=[outcome.pk],
    )
    yearly = services.add_line(budget, by=priya, audit=audit, details=care).yearly_pence
    services.set_funding(budget, by=priya, audit=audit, kind="COUNCIL", yearly_pence=yearly)
    services.set_route(budget, by=priya, audit=audit, route="COUNCIL_MANAGED", yearly_pence=yearly)
    services.set_details(
        budget,
        by=priya,
        audit=audit,
        contribution_pence=0,
        advice_given="How council-managed support works, and how to ask for a direct payment later",
        person_involvement="Rita chose the morning times and the care agency",
        previous_yearly_pence=previous,
    )
    services.submit_budget(budget, by=priya, audit=audit)
    budget.refresh_from_db()
    return budget


def seed_waiting_budgets(*, council: Organisation, priya: User, morgan: User) -> None:
    rita = _rita(council, priya)
    first = _package(rita, priya=priya, hours=5, previous=None)
    services.decide_budget(first, by=morgan, audit=seeding(morgan), decision=services.APPROVE, revision=first.revision)
    first.refresh_from_db()
    services.record_first_payment(
        first, by=priya, audit=seeding(priya), kind="SERVICE", happened_on=timezone.localdate()
    )
    _package(rita, priya=priya, hours=9, previous=first.agreed_pence)
