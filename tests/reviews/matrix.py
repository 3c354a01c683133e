"""Alex's request for a review, a change recorded about him and his review, for the access matrix (tests/unit).

Each is made the first time a URL asks for it, through the services, like any other record."""

import datetime as dt

from django.utils import timezone

from livingplan.plans import notes
from livingplan.plans.models import PlanNote
from livingplan.reviews import services
from livingplan.reviews.models import Review, ReviewKind, ReviewRequest, Trigger, TriggerCategory
from tests.personas import AlexPlan


def alexs_review_request(records: AlexPlan) -> int:
    found = ReviewRequest.objects.filter(person=records.world.alex_record).first()
    if found is None:
        found = services.request_review(records.world.alex_record, by=records.world.alex, reason="Things changed")
    return found.pk


def alexs_trigger(records: AlexPlan) -> int:
    found = Trigger.objects.filter(person=records.world.alex_record).first()
    if found is None:
        found = services.raise_trigger(
            records.world.alex_record,
            by=records.world.dr_jones,
            category=TriggerCategory.MEDICATION,
            what_happened="New tablets",
            noticed_on=timezone.localdate() - dt.timedelta(days=1),
        )
    return found.pk


def alexs_review(records: AlexPlan) -> int:
    """His plan is under review already (`build_alex_plan`): the review row joins it."""
    found = Review.objects.filter(person=records.world.alex_record).first()
    if found is None:
        found = services.start_review(records.world.alex_record, by=records.world.priya, kind=ReviewKind.PLANNED)
    return found.pk


def alexs_note(records: AlexPlan) -> int:
    """Sam's note on Alex's plan between reviews: the one he may ask for a review from."""
    found = PlanNote.objects.filter(plan=records.plan).first()
    if found is None:
        found = notes.add_note(records.plan, by=records.world.sam, text="Alex seemed tired on Sunday.")
    return found.pk
