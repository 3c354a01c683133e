"""Alex's reviews in the demo (issue 13), through the service verbs: Dr Jones's handover today
raised a medication change waiting for Priya's decision (its two-working-day clock counts down on
her caseload), an earlier fall Priya decided needed no change, Sam's feedback, and Priya's
reflection on what Alex's feedback changed, and Alex's choice of a meeting every six months. Alex
asking for a review is left for whoever tries the demo; the council has set no review policy of its
own, so the defaults apply until its admin sets one (ADR-049)."""

import datetime as dt

from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.demo.audit import seeding
from livingplan.people.models import Person
from livingplan.reviews import services
from livingplan.reviews.models import Decision, ReviewHow, TriggerCategory


def seed_reviews(alex: Person, *, priya: User, dr_jones: User, sam: User) -> None:
    fall = services.raise_trigger(
        alex,
        by=priya,
        audit=seeding(priya),
        category=TriggerCategory.MOBILITY,
        what_happened="Alex slipped on the back step; no injury. The handrail is loose.",
        noticed_by="Bev Okoro (neighbour)",
        noticed_on=timezone.localdate() - dt.timedelta(days=12),
    )
    services.decide_trigger(
        fall,
        by=priya,
        audit=seeding(priya),
        decision=Decision.NO_CHANGE,
        reason="The landlord fixed the handrail the next day; the plan's falls risk already covers it.",
    )
    services.give_family_feedback(
        alex,
        by=sam,
        audit=seeding(sam),
        text="Dad enjoys the walking group. He is more tired in the afternoons since his tablets changed.",
        raises_concern=False,
    )
    services.write_reflection(
        alex,
        by=priya,
        audit=seeding(priya),
        feedback_heard="Alex said the morning visits rush him and he would rather shower after lunch.",
        what_changed="Personal care moved to early afternoon; Alex says he feels less rushed.",
    )
    services.answer_handover(
        alex,
        by=dr_jones,
        audit=seeding(dr_jones),
        needs_change=True,
        category=TriggerCategory.MEDICATION,
        what_happened="Blood pressure tablets changed today; they may make Alex sleepy for a few weeks.",
    )
    if alex.user is not None:
        services.choose_how(alex, by=alex.user, audit=seeding(alex.user), how=ReviewHow.MEETING, every_months=6)
