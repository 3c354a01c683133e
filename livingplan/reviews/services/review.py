"""Running a review: start it, record each perspective and each outcome, complete it.

The plan's own verbs do the plan's part (ADR-040): starting reopens the plan for review
(`plans.services.start_review`), each outcome's score is a `ProgressScore` (`record_progress`),
and completing sets the next review date (`set_review_arrangements`, which checks the revision
the coordinator opened the page at, so two people completing at once cannot both succeed) and
asks for agreement (`propose_plan`); the new version comes when the person agrees it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext
from livingplan.people.models import Person
from livingplan.plans import services as plans
from livingplan.plans.models import Outcome, Plan, PlanStatus
from livingplan.reviews import rules, schedule, targets
from livingplan.reviews.models import (
    Perspective,
    PerspectiveKind,
    Review,
    ReviewChoice,
    ReviewCompletion,
    ReviewKind,
    ReviewOutcomeCheck,
    ReviewRequest,
    ReviewResult,
    Trigger,
)
from livingplan.reviews.services.common import record, words

STARTED = "reviews.review.started"
PERSPECTIVE = "reviews.perspective.recorded"
OUTCOME = "reviews.outcome.checked"
COMPLETED = "reviews.review.completed"
ALREADY_COMPLETED = "This review has already been completed"
NO_VIEW = "Enter the person's view in their own words, or why it could not be recorded"


def open_review(person: Person) -> Review | None:
    return Review.objects.filter(person=person, completion__isnull=True).first()


def _check_kind(person: Person, kind: str, unplanned_reason: str, request: ReviewRequest | None) -> None:
    if kind not in ReviewKind.values:
        raise ValidationError({"kind": "Choose what kind of review this is"})
    reasons = dict(targets.for_person(person).unplanned_reasons())
    if kind == ReviewKind.UNPLANNED and unplanned_reason not in reasons:
        raise ValidationError({"unplanned_reason": "Choose why this review is happening now"})
    if kind == ReviewKind.REQUESTED and request is None:
        raise ValidationError({"kind": "A requested review answers a request: open it from the request"})


@transaction.atomic
def start_review(
    person: Person,
    *,
    by: User,
    kind: str,
    unplanned_reason: str = "",
    about: str = "",
    request: ReviewRequest | None = None,
    trigger: Trigger | None = None,
    expected_revision: int | None = None,
    audit: AuditContext | None = None,
) -> Review:
    """The coordinator starts a review of the agreed plan, which opens it for changes."""
    if not rules.runs_reviews(by, person):
        raise PermissionDenied("Only the person's coordinator can start a review.")
    _check_kind(person, kind, unplanned_reason, request)
    plan = Plan.objects.select_for_update().filter(person=person).first()
    if plan is None or not plan.versions.exists():
        raise ValidationError("A review looks again at an agreed plan: this plan has not been agreed yet")
    if open_review(person) is not None:
        raise ValidationError("A review of this plan is already under way")
    about = words(about, field="about")
    if plan.status in (PlanStatus.AGREED, PlanStatus.ACTIVE):
        plans.start_review(
            plan,
            by=by,
            reason=about or ReviewKind(kind).label + " review",
            expected_revision=expected_revision,
            audit=audit,
        )
    review = Review.objects.create(
        person=person,
        plan=plan,
        kind=kind,
        unplanned_reason=unplanned_reason if kind == ReviewKind.UNPLANNED else "",
        about=about,
        request=request,
        trigger=trigger,
        started_by=by,
    )
    record(STARTED, review, person_id=person.pk, by=by, context=audit, kind=kind)
    return review


def _check_open(review: Review) -> None:
    if ReviewCompletion.objects.filter(review=review).exists():
        raise ValidationError(ALREADY_COMPLETED)


@transaction.atomic
def record_perspective(
    review: Review,
    *,
    by: User,
    kind: str = "",
    whose: str = "",
    working: str = "",
    not_working: str = "",
    important_for_future: str = "",
    may_use_anonymously: bool = False,
    audit: AuditContext | None = None,
) -> Perspective:
    """What is working and not working from one point of view. The coordinator records anyone's;
    the person and their family may add their own."""
    person = review.person
    if rules.runs_reviews(by, person):
        if kind not in PerspectiveKind.values:
            raise ValidationError({"kind": "Choose whose view this is"})
        whose = words(whose, field="whose", missing="Enter whose view this is", longest=200)
    elif rules.can_rate_review(by, person):
        kind = PerspectiveKind.PERSON if person.user_id == by.pk else PerspectiveKind.FAMILY
        whose = by.display_name
    else:
        raise PermissionDenied("Only the coordinator, the person and their family can record a view for the review.")
    _check_open(review)
    said = {
        "working": words(working, field="working"),
        "not_working": words(not_working, field="not_working"),
        "important_for_future": words(important_for_future, field="important_for_future"),
    }
    if not any(said.values()):
        raise ValidationError({"working": "Enter what is working, what is not working, or what is important"})
    view = Perspective.objects.create(
        person=person,
        review=review,
        kind=kind,
        whose=whose,
        recorded_by=by,
        may_use_anonymously=may_use_anonymously,
        **said,
    )
    record(PERSPECTIVE, view, person_id=person.pk, by=by, context=audit, kind=kind)
    return view


@transaction.atomic
def check_outcome(
    review: Review,
    outcome: Outcome,
    *,
    by: User,
    still_matters: bool,
    progress: int,
    what_changed: str = "",
    audit: AuditContext | None = None,
) -> ReviewOutcomeCheck:
    """An outcome looked at again: does it still matter, progress 0 to 10 (the plan's score), what changed."""
    if not rules.runs_reviews(by, review.person):
        raise PermissionDenied("Only the person's coordinator records the review.")
    _check_open(review)
    if outcome.plan_id != review.plan_id or not outcome.is_active:
        raise ValidationError({"outcome": "Choose one of the outcomes in the plan"})
    if not 0 <= progress <= 10:
        raise ValidationError({"progress": "Progress must be between 0 and 10"})
    changed = words(what_changed, field="what_changed")
    plans.record_progress(outcome, by=by, score=progress, on=timezone.localdate(), note=changed[:300], audit=audit)
    check = ReviewOutcomeCheck.objects.create(
        person=review.person,
        review=review,
        outcome=outcome,
        recorded_by=by,
        still_matters=still_matters,
        progress=progress,
        what_changed=changed,
    )
    record(OUTCOME, check, person_id=review.person_id, by=by, context=audit, progress=progress)
    return check


@transaction.atomic
def complete_review(
    review: Review,
    *,
    by: User,
    result: str,
    persons_view: str,
    no_view_reason: str = "",
    took_part: str,
    in_a_year: str = "",
    months: int | None = None,
    expected_revision: int | None,
    audit: AuditContext | None = None,
) -> ReviewCompletion:
    """Finish the review: the next review date goes on the plan and the plan goes to the person to agree.

    Without the person's own words there must be a reason (the completion is then flagged). The
    plan's revision rule decides between two people completing at once: the second is refused."""
    person = review.person
    if not rules.runs_reviews(by, person):
        raise PermissionDenied("Only the person's coordinator can complete the review.")
    _check_open(review)
    if result not in ReviewResult.values:
        raise ValidationError({"result": "Choose the outcome of the review"})
    view = words(persons_view, field="persons_view")
    reason = words(no_view_reason, field="no_view_reason")
    if not view and not reason:
        raise ValidationError({"persons_view": NO_VIEW})
    who = words(took_part, field="took_part", missing="Enter who took part in the review")
    if not review.perspectives.exists():
        raise ValidationError("Record at least one view of what is working and not working first")
    policy = targets.for_person(person)
    if months is not None and not 1 <= months <= policy.every_months:
        raise ValidationError({"months": f"Choose a next review within {policy.every_months} months"})
    if months is None:  # as the person chose, or the organisation's longest gap
        choice = ReviewChoice.objects.filter(person=person).first()
        months = choice.every_months if choice else policy.every_months
    plan = Plan.objects.get(pk=review.plan_id)
    next_on = schedule.next_after_review(timezone.localdate(), months)
    plans.set_review_arrangements(
        plan,
        by=by,
        next_review_on=next_on,
        review_lead=plan.review_lead or by,
        early_review_triggers=plan.early_review_triggers,
        expected_revision=expected_revision,
        audit=audit,
    )
    try:
        with transaction.atomic():
            done = ReviewCompletion.objects.create(
                person=person,
                review=review,
                result=result,
                persons_view=view,
                no_view_reason="" if view else reason,
                took_part=who,
                in_a_year=words(in_a_year, field="in_a_year"),
                next_review_on=next_on,
                completed_by=by,
            )
    except IntegrityError as lost_race:
        raise ValidationError(ALREADY_COMPLETED) from lost_race
    if plan.status == PlanStatus.UNDER_REVIEW:
        plans.propose_plan(plan, by=by, expected_revision=plan.revision, audit=audit)
    record(COMPLETED, done, person_id=person.pk, by=by, context=audit, result=result, flagged=done.is_flagged)
    return done
