"""The review itself: start it, read it, add a view, look at an outcome again, add an action agreed
at it, complete it, rate it. Thin views over `services`, through `views.page` (ADR-040)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.plans.models import Outcome, Plan
from livingplan.reviews import forms, rules, services, targets, words
from livingplan.reviews.models import Review, ReviewChoice, ReviewKind, ReviewRequest, Trigger
from livingplan.reviews.presenters.review import review_page
from livingplan.reviews.views import chosen, page, person_for


def _review(request: AuthenticatedRequest, person_pk: int, pk: int, *, runs: bool = False) -> Review:
    """The review, seen through `visible_to`; with `runs`, only for the coordinator who runs it."""
    found = Review.objects.visible_to(request.user).select_related("person", "request__asked_by", "trigger")
    review = get_object_or_404(found, person_id=person_pk, pk=pk)
    if runs and not rules.runs_reviews(request.user, review.person):
        raise PermissionDenied
    return review


def _there(review: Review) -> str:
    return reverse("reviews:review", args=[review.person_id, review.pk])


def _outcome(request: AuthenticatedRequest, review: Review, outcome_pk: int) -> Outcome:
    return get_object_or_404(Outcome.objects.visible_to(request.user), plan_id=review.plan_id, pk=outcome_pk)


@login_required
def start(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk, rules.runs_reviews)
    plan = get_object_or_404(Plan.objects.visible_to(request.user), person=person)
    asked: ReviewRequest | None = chosen(request, ReviewRequest, person, "request")
    about: Trigger | None = chosen(request, Trigger, person, "trigger")
    reasons = targets.for_person(person).unplanned_reasons()
    form = forms.StartForm(
        request.POST or None, initial={"revision": plan.revision}, requested=asked is not None, reasons=reasons
    )

    def save(data: dict[str, Any]) -> object:
        return services.start_review(
            person,
            by=request.user,
            kind=ReviewKind.REQUESTED if asked is not None else data["kind"],
            unplanned_reason=data.get("unplanned_reason") or "",
            about=data.get("about") or "",
            request=asked,
            trigger=about,
            expected_revision=data["revision"],
            audit=request.audit,
        )

    return page(request, form, person, words.START, save)


@login_required
@require_safe
def review(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    found = _review(request, person_pk, pk)
    return render(request, "reviews/review.jinja", {"page": review_page(found, request.user)})


@login_required
def perspective(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    found = _review(request, person_pk, pk)
    runs = rules.runs_reviews(request.user, found.person)
    if not runs and not rules.can_rate_review(request.user, found.person):
        raise PermissionDenied

    def save(data: dict[str, Any]) -> object:
        said = {name: data.get(name) or "" for name in ("kind", "whose", "working", "not_working")}
        return services.record_perspective(
            found,
            by=request.user,
            important_for_future=data.get("important_for_future") or "",
            may_use_anonymously=bool(data.get("may_use_anonymously")),
            audit=request.audit,
            **said,
        )

    form = forms.PerspectiveForm(request.POST or None, own=not runs)
    said = words.PERSPECTIVE if runs else words.PERSPECTIVE_OWN
    return page(request, form, found.person, said, save, back=_there(found))


@login_required
def outcome(request: AuthenticatedRequest, person_pk: int, pk: int, outcome_pk: int) -> HttpResponse:
    found = _review(request, person_pk, pk, runs=True)
    looked_at = _outcome(request, found, outcome_pk)

    def save(data: dict[str, Any]) -> object:
        matters, progress, changed = data["still_matters"] == forms.YES, int(data["progress"]), data.get("what_changed")
        return services.check_outcome(
            found,
            looked_at,
            by=request.user,
            still_matters=matters,
            progress=progress,
            what_changed=changed or "",
            audit=request.audit,
        )

    form = forms.OutcomeCheckForm(request.POST or None)
    return page(request, form, found.person, words.OUTCOME.led(looked_at.text), save, back=_there(found))


@login_required
def action(request: AuthenticatedRequest, person_pk: int, pk: int, outcome_pk: int) -> HttpResponse:
    """A SMART action agreed at the review, added to the plan by the plan's own verb."""
    found = _review(request, person_pk, pk, runs=True)
    for_outcome = _outcome(request, found, outcome_pk)
    form = forms.ActionForm(request.POST or None, initial={"revision": found.plan.revision})

    def save(data: dict[str, Any]) -> object:
        return services.add_review_action(
            found,
            for_outcome,
            by=request.user,
            what=data["what"],
            owner_name=data["owner_name"],
            due_on=data["due_on"],
            layer=data["layer"],
            expected_revision=data["revision"],
            audit=request.audit,
        )

    return page(request, form, found.person, words.ACTION.led(for_outcome.text), save, back=_there(found))


@login_required
def complete(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    found = _review(request, person_pk, pk, runs=True)
    longest = targets.for_person(found.person).every_months
    choice = ReviewChoice.objects.visible_to(request.user).filter(person=found.person).first()
    months = str(min(choice.every_months, longest) if choice else longest)
    form = forms.CompleteForm(
        request.POST or None, initial={"revision": found.plan.revision, "months": months}, longest=longest
    )

    def save(data: dict[str, Any]) -> object:
        said = {name: data.get(name) or "" for name in ("persons_view", "no_view_reason", "in_a_year")}
        return services.complete_review(
            found,
            by=request.user,
            result=data["result"],
            took_part=data["took_part"],
            months=int(data["months"]),
            expected_revision=data["revision"],
            audit=request.audit,
            **said,
        )

    return page(request, form, found.person, words.COMPLETE, save, back=_there(found))


@login_required
def rate(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    found = _review(request, person_pk, pk)
    if not rules.can_rate_review(request.user, found.person):
        raise PermissionDenied

    def save(data: dict[str, Any]) -> object:
        scores = {key: int(value) for key, value in data.items() if value}
        return services.rate_review(found, by=request.user, scores=scores, audit=request.audit)

    return page(request, forms.RatingForm(request.POST or None), found.person, words.RATE, save, back=_there(found))
