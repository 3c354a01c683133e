"""Synthetic plans for the bulk export benchmark, made with bulk_create (never in the service:
the service verbs would take an hour for 100,000). Each person has a coordinator on their care
team, a plan with two outcomes in their words, an action under each, and a progress score."""

import datetime as dt

from livingplan.people.models import CareTeamMember, Person
from livingplan.plans.models import Action, ContributorKind, Layer, Outcome, Plan, ProgressScore
from tests.personas import World

BATCH = 2000


def add_synthetic_plans(world: World, *, total: int) -> None:
    """Adds synthetic people with plans until `total` people have a plan."""
    have = Plan.objects.count()
    while have < total:
        n = min(BATCH, total - have)
        _batch(world, start=have, n=n)
        have += n


def _batch(world: World, *, start: int, n: int) -> None:
    people = Person.objects.bulk_create(
        Person(given_name=f"Person{start + i}", family_name="Synthetic", lead_organisation=world.council_a)
        for i in range(n)
    )
    CareTeamMember.objects.bulk_create(
        CareTeamMember(person=p, user=world.priya, organisation=world.council_a, is_coordinator=True) for p in people
    )
    plans = Plan.objects.bulk_create(Plan(person=p) for p in people)
    by = {"contributed_by": world.priya, "contributor_kind": ContributorKind.PRACTITIONER}
    outcomes = Outcome.objects.bulk_create(
        Outcome(person=p.person, plan=p, text=words, why_it_matters="To stay at home", importance=4, position=k, **by)
        for p in plans
        for k, words in enumerate(("See my friends every week", "Cook my own meals"))
    )
    Action.objects.bulk_create(
        Action(
            person=o.person,
            plan=o.plan,
            outcome=o,
            what="Support worker visits on Tuesdays",
            owner_name="Priya",
            owner=world.priya,
            layer=Layer.SPECIALIST,
            due_on=dt.date(2027, 3, 1),
            **by,
        )
        for o in outcomes
    )
    ProgressScore.objects.bulk_create(
        ProgressScore(person=o.person, outcome=o, score=4, recorded_on=dt.date(2026, 11, 1), recorded_by=world.priya)
        for o in outcomes[::2]
    )
