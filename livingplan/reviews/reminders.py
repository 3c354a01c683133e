"""Reminders about reviews, through the outbox (ADR-030), never twice: each key names what it is about
and the date or clock it counts from, so running again (or in two workers) queues nothing new.

- review due: to the person, in their own channel, two weeks before the date, with what to think about;
- review overdue: to the coordinator and their team manager, once per due date (for four weeks after it);
- decision overdue: to the coordinator and their team manager, once per change, the first run after its
  clock runs out (`clocks.decision_clock`, working days, ADR-039).

Run by `livingplan db_worker` every quarter of an hour (registered in `apps.py`), from 9am London
time, so nobody is texted about a review at midnight.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Max, Min, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core.presenters import date_long
from livingplan.core.workdays import LONDON
from livingplan.notifications import outbox
from livingplan.people import messaging
from livingplan.people.models import Person
from livingplan.plans.models import Plan
from livingplan.reviews import clocks, schedule, targets
from livingplan.reviews.models import ReviewChoice, ReviewCompletion, Trigger
from livingplan.reviews.people_to_tell import coordinator_of, managers_of

REMIND_FROM = dt.time(9, 0)
EVERY_SECONDS = 15 * 60
NOTICE = dt.timedelta(days=14)
# A review overdue for longer is on the caseload already; not announcing it keeps the first run on
# old data (or after a long stop) from being a flood. Decisions have no such limit: there are few.
OVERDUE_FOR_AT_MOST = dt.timedelta(days=28)


def _link(person: Person) -> str:
    return messaging.link(reverse("reviews:reviews", kwargs={"person_pk": person.pk}))


def _staff_to_tell(person: Person) -> list[User]:
    coordinator = coordinator_of(person)
    found = [coordinator] if coordinator is not None else []
    return found + [m for m in managers_of(person) if m.pk not in {u.pk for u in found}]


def _tell_staff(person: Person, *, template: str, key: str, due_on: dt.date) -> int:
    queued = 0
    for user in _staff_to_tell(person):
        to = messaging.recipient_for_staff(user)
        personalisation = {
            **messaging.pronoun_fields(person),
            "first_name": to.first_name,
            "due_on": date_long(due_on),
            "link": _link(person),
        }
        if outbox.queue(
            template=template, to=to, personalisation=personalisation, key=f"{key}-{user.pk}", person_id=person.pk
        ):
            queued += 1
    return queued


@transaction.atomic
def _remind_review(plan: Plan, due_on: dt.date, today: dt.date) -> int:
    person = plan.person
    if due_on < today:
        return _tell_staff(
            person, template="review_overdue", key=f"review-overdue-{person.pk}-{due_on:%Y-%m-%d}", due_on=due_on
        )
    to = messaging.recipient_for_person(person)
    sent = outbox.queue(
        template="review_due",
        to=to,
        personalisation={"first_name": to.first_name, "due_on": date_long(due_on), "link": _link(person)},
        key=f"review-due-{person.pk}-{due_on:%Y-%m-%d}",
        person_id=person.pk,
    )
    return 1 if sent else 0


def remind_about_reviews() -> int:
    now = timezone.now()
    if now.astimezone(LONDON).time() < REMIND_FROM:
        return 0
    today = now.astimezone(LONDON).date()
    dates = Plan.objects.filter(versions__isnull=False).annotate(
        first_agreed=Min("versions__agreed_at"),
        last_agreed=Max("versions__agreed_at"),
        last_reviewed=Subquery(
            ReviewCompletion.objects.filter(person_id=OuterRef("person_id"))
            .order_by("-completed_at")
            .values("completed_at")[:1]
        ),
        # The lead organisation's policy and the person's choice, in the same query (ADR-049).
        first_review_weeks=targets.latest("person__lead_organisation_id", "first_review_weeks"),
        chosen_months=Subquery(
            ReviewChoice.objects.filter(person_id=OuterRef("person_id"))
            .order_by("-chosen_at", "-pk")
            .values("every_months")[:1]
        ),
    )
    due: dict[int, dt.date] = {}
    for pk, next_review_on, first_agreed, last_agreed, last_reviewed, weeks, months in dates.values_list(
        "pk", "next_review_on", "first_agreed", "last_agreed", "last_reviewed", "first_review_weeks", "chosen_months"
    ):
        due_on = schedule.review_due_on(
            first_agreed_on=first_agreed.astimezone(LONDON).date(),
            last_agreed_on=last_agreed.astimezone(LONDON).date(),
            last_reviewed_on=last_reviewed.astimezone(LONDON).date() if last_reviewed else None,
            plan_next_review_on=next_review_on,
            first_review_weeks=weeks,
            every_months=months,
        )
        if due_on is not None and today - OVERDUE_FOR_AT_MOST <= due_on <= today + NOTICE:
            due[pk] = due_on
    queued = 0
    for plan in Plan.objects.filter(pk__in=due).select_related("person__communication_needs", "person__user"):
        queued += _remind_review(plan, due[plan.pk], today)
    return queued + remind_about_decisions(now)


def remind_about_decisions(now: dt.datetime) -> int:
    """Each change whose decision clock has run out: the coordinator and their manager, once."""
    queued = 0
    waiting = Trigger.objects.filter(decision__isnull=True).select_related("person")
    policies, default = targets.by_organisation(), targets.default()
    for trigger in waiting:
        policy = policies.get(trigger.person.lead_organisation_id or 0, default)
        clock = clocks.decision_clock(
            category=trigger.category, raised_at=trigger.raised_at, decided_at=None, policy=policy
        )
        if now >= clock.due:
            with transaction.atomic():
                queued += _tell_staff(
                    trigger.person,
                    template="review_decision_overdue",
                    key=f"decision-overdue-{trigger.pk}",
                    due_on=(clock.due - dt.timedelta(seconds=1)).astimezone(LONDON).date(),
                )
    return queued
