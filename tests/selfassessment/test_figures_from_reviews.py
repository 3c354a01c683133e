"""The self-assessment's evidence from reviews: Alex's agreed plan counts as reviewed on time until
its first review date passes."""

import datetime as dt

import time_machine
from django.utils import timezone

from livingplan.selfassessment import figures
from tests.factories import active_plan_for_alex
from tests.personas import World


def test_a_plan_counts_as_reviewed_on_time_until_its_review_date_passes(world: World) -> None:
    active_plan_for_alex(world)  # first agreed today: a light-touch review 8 weeks on

    now = figures.reviews_not_overdue(world.council_a)
    with time_machine.travel(timezone.now() + dt.timedelta(weeks=8, days=2)):
        later = figures.reviews_not_overdue(world.council_a)

    assert (now.numerator, now.denominator) == (1, 1)
    assert (later.numerator, later.denominator, later.percent) == (0, 1, 0)


def test_with_no_changes_decided_there_is_no_share_to_show(world: World) -> None:
    figure = figures.changes_decided_in_time(world.council_a)

    assert (figure.denominator, figure.percent) == (0, None)
