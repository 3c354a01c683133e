"""One review's page: why it happened, each perspective, each outcome looked at, how it ended, and
what the viewer may do next (record a view, look at an outcome, complete it, rate it)."""

from dataclasses import dataclass, field

from django.urls import reverse

from livingplan.core.presenters import date_long
from livingplan.core.viewer import Viewer
from livingplan.people import rules as people_rules
from livingplan.plans.models import Action, Outcome
from livingplan.reviews import feedback, rules, targets
from livingplan.reviews.models import (
    Perspective,
    Review,
    ReviewCompletion,
    ReviewOutcomeCheck,
    ReviewRating,
)


@dataclass(frozen=True)
class OutcomeRow:
    text: str
    checked: str  # "Still matters. Progress 6 out of 10. What changed: ..." or ""
    check_url: str
    actions: list[str]  # "Book the bus pass: Alex, by 1 March 2027"
    add_action_url: str


@dataclass
class ReviewPage:
    review: Review
    title: str
    why: str
    started: str
    perspectives: list[Perspective]
    outcomes: list[OutcomeRow]
    completion: ReviewCompletion | None
    result: str
    next_review: str
    rated: list[tuple[str, str]] = field(default_factory=list)  # the viewer's own answers
    links: dict[str, str] = field(default_factory=dict)


def _why(review: Review) -> str:
    reasons = dict(targets.for_person(review.person).unplanned_reasons())
    parts = [reasons.get(review.unplanned_reason, "")] if review.unplanned_reason else []
    if review.request is not None:
        parts.append(f"Asked for by {review.request.asked_by.display_name}: {review.request.reason}")
    if review.trigger is not None:
        parts.append(f"{review.trigger.get_category_display()}: {review.trigger.what_happened}")
    if review.about:
        parts.append(review.about)
    return " ".join(part if part.endswith(".") else part + "." for part in parts if part)


def _outcomes(review: Review, viewer: Viewer, *, runs: bool, is_open: bool) -> list[OutcomeRow]:
    checks = {c.outcome_id: c for c in ReviewOutcomeCheck.objects.visible_to(viewer).filter(review=review)}
    actions: dict[int, list[str]] = {}
    for action in Action.objects.visible_to(viewer).filter(plan_id=review.plan_id).order_by("due_on", "pk"):
        by = f", by {date_long(action.due_on)}" if action.due_on else ""
        actions.setdefault(action.outcome_id, []).append(f"{action.what.rstrip('.')}: {action.owner_name}{by}")
    rows = []
    for outcome in Outcome.objects.visible_to(viewer).filter(plan_id=review.plan_id, is_active=True):
        check = checks.get(outcome.pk)
        checked = ""
        if check is not None:
            matters = "Still matters" if check.still_matters else "No longer matters"
            changed = f" What changed: {check.what_changed}" if check.what_changed else ""
            checked = f"{matters}. Progress {check.progress} out of 10.{changed}"
        args = [review.person_id, review.pk, outcome.pk]
        rows.append(
            OutcomeRow(
                text=outcome.text,
                checked=checked,
                check_url=reverse("reviews:outcome", args=args) if runs and is_open else "",
                actions=actions.get(outcome.pk, []),
                add_action_url=reverse("reviews:action", args=args) if runs and is_open else "",
            )
        )
    return rows


def _links(review: Review, viewer: Viewer, *, runs: bool, done: bool, rated: bool) -> dict[str, str]:
    person = review.person
    args = [person.pk, review.pk]
    links = {"back": reverse("reviews:reviews", args=[person.pk]), "plan": reverse("plans:plan", args=[person.pk])}
    own = rules.can_rate_review(viewer, person)
    if not done and (runs or own):
        links["perspective"] = reverse("reviews:perspective", args=args)
    if not done and runs:
        links["complete"] = reverse("reviews:complete", args=args)
    if done and own and not rated:
        links["rate"] = reverse("reviews:rate", args=args)
    return links


def review_page(review: Review, viewer: Viewer) -> ReviewPage:
    runs = rules.runs_reviews(viewer, review.person)
    done = ReviewCompletion.objects.visible_to(viewer).filter(review=review).select_related("completed_by").first()
    mine = {
        r.statement: r.score
        for r in ReviewRating.objects.visible_to(viewer).filter(review=review, rated_by_id=viewer.pk)
    }
    scale = dict(feedback.SCALE)
    kind = review.get_kind_display()
    reason = dict(targets.for_person(review.person).unplanned_reasons()).get(review.unplanned_reason, "")
    return ReviewPage(
        review=review,
        title=f"{kind} review" + (f": {reason.lower()}" if reason else ""),
        why=_why(review),
        started=f"Started by {review.started_by.display_name} on {date_long(review.started_at)}",
        perspectives=list(Perspective.objects.visible_to(viewer).filter(review=review)),
        outcomes=_outcomes(review, viewer, runs=runs, is_open=done is None),
        completion=done,
        result=done.get_result_display() if done else "",
        next_review=date_long(done.next_review_on) if done else "",
        rated=[(feedback.STATEMENTS[key], scale[score]) for key, score in mine.items() if key in feedback.STATEMENTS],
        links=_links(review, viewer, runs=runs, done=done is not None, rated=bool(mine)),
    )


def is_self(review: Review, viewer: Viewer) -> bool:
    return people_rules.is_the_person(viewer, review.person)
