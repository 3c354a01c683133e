"""The person's reviews page: when the next review is due, requests and their answers, triggers and
their clocks (for the care team), the reviews themselves, and what the viewer may do next."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils import timezone

from livingplan.core.presenters import date_long
from livingplan.core.viewer import Viewer
from livingplan.people import rules as people_rules
from livingplan.people.models import Person
from livingplan.plans.models import PlanVersion
from livingplan.reviews import clocks, rules, targets
from livingplan.reviews.models import (
    Decision,
    Review,
    ReviewChoice,
    ReviewHow,
    ReviewRequest,
    Trigger,
    UnplannedReason,
)
from livingplan.reviews.presenters.common import ClockView, current_choice, review_due_on
from livingplan.reviews.targets import Policy

THEIR_WORDS = {
    ReviewHow.SELF_WITH_FAMILY: "They look at their plan themselves, with family or friends",
    ReviewHow.PHONE: "A phone call with their coordinator",
    ReviewHow.MEETING: "A meeting with the people who support them",
}


@dataclass(frozen=True)
class RequestRow:
    asked_by: str
    asked_on: str
    reason: str
    from_note: bool  # asked from a note between reviews (the note itself is shown where notes are shared)
    status: str
    colour: str
    answer: str
    clock: ClockView | None
    answer_url: str
    start_url: str


@dataclass(frozen=True)
class TriggerRow:
    category: str
    what_happened: str
    noticed: str
    source: str
    decision_clock: ClockView
    decision: str
    update_clock: ClockView | None
    decide_url: str
    start_url: str


@dataclass(frozen=True)
class ReviewRow:
    title: str
    started_on: str
    status: str
    colour: str
    url: str
    flagged: bool


@dataclass
class ReviewsPage:
    person: Person
    is_self: bool
    title: str
    next_review: str
    review_overdue: bool
    how: str  # "A phone call with my coordinator, every 3 months", or how it is when nothing was chosen
    choose_url: str  # the person (or who acts for them) and the coordinator may change it
    requests: list[RequestRow] = field(default_factory=list)
    triggers: list[TriggerRow] | None = None  # None: not shown to this viewer at all
    reviews: list[ReviewRow] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)


def _request_rows(
    person: Person, viewer: Viewer, *, staff: bool, runs: bool, now: dt.datetime, policy: Policy
) -> list[RequestRow]:
    found = (
        ReviewRequest.objects.visible_to(viewer).filter(person=person).select_related("asked_by", "answer__answered_by")
    )
    if not staff:  # the person and family see their own requests and the answers
        found = found.filter(asked_by_id=viewer.pk)
    started = set(
        Review.objects.visible_to(viewer)
        .filter(person=person, request__isnull=False)
        .values_list("request_id", flat=True)
    )
    rows = []
    for request in found.order_by("-asked_at"):
        answer = getattr(request, "answer", None)
        if answer is None:
            status, colour, said = "Waiting for an answer", "yellow", ""
        elif answer.accepted:
            status, colour = "Accepted", "green"
            said = f"Yes: the review will be on or before {date_long(answer.review_on)}."
            if answer.reason:  # words for the person with a yes too, not only with a no
                said += f" {answer.answered_by.display_name} said: “{answer.reason}”"
        else:
            status, colour, said = "Not now", "grey", answer.reason
        answered_at = answer.answered_at if answer else None
        clock = clocks.answer_clock(asked_at=request.asked_at, answered_at=answered_at, policy=policy)
        mine = request.asked_by_id == viewer.pk
        args = [person.pk, request.pk]
        rows.append(
            RequestRow(
                asked_by="you" if mine else request.asked_by.display_name,
                asked_on=date_long(request.asked_at),
                reason=request.reason,
                from_note=request.note_id is not None,
                status=status,
                colour=colour,
                answer=said,
                clock=ClockView.of(clock, now) if staff and answer is None else None,
                answer_url=reverse("reviews:answer", args=args) if runs and answer is None else "",
                start_url=reverse("reviews:start", args=[person.pk]) + f"?request={request.pk}"
                if runs and answer is not None and answer.accepted and request.pk not in started
                else "",
            )
        )
    return rows


def _first_agreed_after(person: Person, viewer: Viewer) -> list[dt.datetime]:
    return list(PlanVersion.objects.visible_to(viewer).filter(person=person).values_list("agreed_at", flat=True))


def _trigger_rows(person: Person, viewer: Viewer, *, runs: bool, now: dt.datetime, policy: Policy) -> list[TriggerRow]:
    agreed = sorted(_first_agreed_after(person, viewer))
    rows = []
    found = Trigger.objects.visible_to(viewer).filter(person=person).select_related("decision").order_by("-raised_at")
    for trigger in found:
        decision = getattr(trigger, "decision", None)
        decided_at = decision.decided_at if decision else None
        update = None
        if decision is not None and decision.decision == Decision.UPDATE_PLAN:
            version_at = next((at for at in agreed if at > decision.decided_at), None)
            update_clock = clocks.update_clock(decided_at=decision.decided_at, agreed_at=version_at, policy=policy)
            update = ClockView.of(update_clock, now)
        args = [person.pk, trigger.pk]
        rows.append(
            TriggerRow(
                category=trigger.get_category_display(),
                what_happened=trigger.what_happened,
                noticed=f"Noticed by {trigger.noticed_by} on {date_long(trigger.noticed_on)}",
                source=trigger.get_source_display(),
                decision_clock=ClockView.of(
                    clocks.decision_clock(
                        category=trigger.category, raised_at=trigger.raised_at, decided_at=decided_at, policy=policy
                    ),
                    now,
                ),
                decision=f"{decision.get_decision_display()}: {decision.reason}" if decision else "",
                update_clock=update,
                decide_url=reverse("reviews:decide", args=args) if runs and decision is None else "",
                start_url=reverse("reviews:start", args=[person.pk]) + f"?trigger={trigger.pk}"
                if runs and update is not None and update.state != "stopped"
                else "",
            )
        )
    return rows


def _review_rows(person: Person, viewer: Viewer) -> list[ReviewRow]:
    rows = []
    for review in Review.objects.visible_to(viewer).filter(person=person).select_related("completion"):
        done = getattr(review, "completion", None)
        reason = dict(UnplannedReason.choices).get(review.unplanned_reason, review.unplanned_reason)
        title = f"{review.get_kind_display()} review" + (f": {reason.lower()}" if reason else "")
        rows.append(
            ReviewRow(
                title=title,
                started_on=date_long(review.started_at),
                status=f"Completed on {date_long(done.completed_at)}" if done else "Under way",
                colour="green" if done else "blue",
                url=reverse("reviews:review", args=[person.pk, review.pk]),
                flagged=bool(done and done.is_flagged),
            )
        )
    return rows


def _every(months: int) -> str:
    return "every month" if months == 1 else f"every {months} months"


def how_words(choice: ReviewChoice | None, policy: Policy, *, is_self: bool) -> str:
    """The person's choice in plain words, or what happens when they have not chosen."""
    if choice is None:
        whose = "You have" if is_self else "They have"
        return f"{whose} not chosen yet. Reviews happen at least {_every(policy.every_months)}."
    how = ReviewHow(choice.how).label if is_self else THEIR_WORDS[ReviewHow(choice.how)]
    return f"{how}, {_every(choice.every_months)}."


def _links(person: Person, viewer: Viewer, *, runs: bool, team: bool, has_open: bool) -> dict[str, str]:
    links: dict[str, Any] = {}
    args = [person.pk]
    if rules.can_ask_for_review(viewer, person):
        links["ask"] = reverse("reviews:ask", args=args)
    if runs and not has_open:
        links["start"] = reverse("reviews:start", args=args)
    if team:
        links["trigger"] = reverse("reviews:trigger", args=args)
        links["handover"] = reverse("reviews:handover", args=args)
    if rules.can_give_family_feedback(viewer, person):
        links["feedback"] = reverse("reviews:feedback", args=args)
    if rules.can_read_reflections(viewer, person):
        links["reflections"] = reverse("reviews:reflections", args=args)
    return links


def reviews_page(person: Person, viewer: Viewer) -> ReviewsPage:
    now = timezone.now()
    is_self = people_rules.is_the_person(viewer, person)
    team = people_rules.is_on_care_team(viewer, person)
    staff = not rules.can_rate_review(viewer, person)  # not the person, not their family
    runs = rules.runs_reviews(viewer, person)
    policy = targets.for_person(person)
    choice = current_choice(person, viewer)
    due = review_due_on(person, viewer, policy=policy, choice=choice)
    reviews = _review_rows(person, viewer)
    return ReviewsPage(
        person=person,
        is_self=is_self,
        title="Your reviews" if is_self else f"Reviews of {person.full_name}'s plan",
        next_review=date_long(due) if due else "",
        review_overdue=due is not None and due < timezone.localdate(),
        how=how_words(choice, policy, is_self=is_self),
        choose_url=reverse("reviews:choose", args=[person.pk]) if rules.can_choose_how(viewer, person) else "",
        requests=_request_rows(person, viewer, staff=staff, runs=runs, now=now, policy=policy),
        triggers=_trigger_rows(person, viewer, runs=runs, now=now, policy=policy) if staff else None,
        reviews=reviews,
        links=_links(person, viewer, runs=runs, team=team, has_open=any(r.status == "Under way" for r in reviews)),
    )
