"""Thin views: load through `visible_to` (anyone else gets a 404), check the rule, call one service.

Every page works without JavaScript: plain forms that post and redirect.
"""

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.core.formpage import form_page
from livingplan.people.models import Person
from livingplan.plans.models import Outcome, Plan
from livingplan.reviews import forms, rules, services
from livingplan.reviews.models import ReflectionLog, Review, ReviewKind, ReviewRequest, Trigger
from livingplan.reviews.presenters.hub import reviews_page
from livingplan.reviews.presenters.oversight import oversight_page
from livingplan.reviews.presenters.review import review_page

FORM = "reviews/form.jinja"
Rule = Callable[[Any, Person], bool]


def _person(request: AuthenticatedRequest, person_pk: int, rule: Rule | None = None) -> Person:
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=person_pk)
    if rule is not None and not rule(request.user, person):
        raise PermissionDenied
    return person


def _review(request: AuthenticatedRequest, person_pk: int, pk: int) -> Review:
    found = Review.objects.visible_to(request.user).select_related("person", "request__asked_by", "trigger")
    return get_object_or_404(found, person_id=person_pk, pk=pk)


def _page(
    request: AuthenticatedRequest,
    form: django_forms.Form,
    *,
    person: Person,
    title: str,
    save: Callable[[dict[str, Any]], object],
    done: str,
    back: str,
    button: str,
    lead: str = "",
) -> HttpResponse:
    context = {"person": person, "title": title, "back": back, "button_text": button, "lead": lead}
    return form_page(request, form, template=FORM, save=save, success_url=back, success_message=done, context=context)


def _hub(person: Person) -> str:
    return reverse("reviews:reviews", args=[person.pk])


@login_required
@require_safe
def reviews(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk)
    return render(request, "reviews/reviews.jinja", {"page": reviews_page(person, request.user)})


@login_required
def ask(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk, rules.can_ask_for_review)

    def save(data: dict[str, Any]) -> object:
        return services.request_review(person, by=request.user, reason=data["reason"], audit=request.audit)

    own = person.user_id == request.user.pk
    return _page(
        request,
        forms.AskForm(request.POST or None),
        person=person,
        title="Ask for a review of your plan" if own else "Ask for a review of the plan",
        save=save,
        done="Your request has been sent. The coordinator will answer it, and you will see the answer here.",
        back=_hub(person),
        button="Send the request",
        lead="You do not have to wait for the next review date. Say why, and the coordinator will answer.",
    )


@login_required
def answer(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    person = _person(request, person_pk, rules.runs_reviews)
    asked = get_object_or_404(
        ReviewRequest.objects.visible_to(request.user).select_related("asked_by"), person=person, pk=pk
    )

    def save(data: dict[str, Any]) -> object:
        return services.answer_request(
            asked,
            by=request.user,
            accept=data["decision"] == forms.ACCEPT,
            review_on=data.get("review_on"),
            reason=data.get("reason") or "",
            audit=request.audit,
        )

    lead = f"{asked.asked_by.display_name} asked: “{asked.reason}”"
    return _page(
        request,
        forms.AnswerForm(request.POST or None),
        person=person,
        title="Answer the request for a review",
        save=save,
        done="Your answer has been sent.",
        back=_hub(person),
        button="Send the answer",
        lead=lead,
    )


@login_required
def trigger(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk, rules.can_raise_trigger)

    def save(data: dict[str, Any]) -> object:
        return services.raise_trigger(
            person,
            by=request.user,
            category=data["category"],
            what_happened=data["what_happened"],
            noticed_by=data.get("noticed_by") or "",
            noticed_on=data.get("noticed_on"),
            audit=request.audit,
        )

    return _page(
        request,
        forms.TriggerForm(request.POST or None),
        person=person,
        title="Record a change that may affect the plan",
        save=save,
        done="Recorded. The coordinator will decide whether the plan needs to change.",
        back=_hub(person),
        button="Record the change",
    )


@login_required
def decide(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    person = _person(request, person_pk, rules.runs_reviews)
    found = get_object_or_404(Trigger.objects.visible_to(request.user), person=person, pk=pk)

    def save(data: dict[str, Any]) -> object:
        return services.decide_trigger(
            found, by=request.user, decision=data["decision"], reason=data["reason"], audit=request.audit
        )

    lead = f"{found.get_category_display()}: {found.what_happened}"
    return _page(
        request,
        forms.DecideForm(request.POST or None),
        person=person,
        title="Decide whether the plan needs to change",
        save=save,
        done="Your decision is recorded.",
        back=_hub(person),
        button="Record the decision",
        lead=lead,
    )


@login_required
def handover(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk, rules.can_raise_trigger)

    def save(data: dict[str, Any]) -> object:
        return services.answer_handover(
            person,
            by=request.user,
            needs_change=data["needs_change"] == forms.YES,
            category=data.get("category") or "",
            what_happened=data.get("what_happened") or "",
            audit=request.audit,
        )

    return _page(
        request,
        forms.HandoverForm(request.POST or None),
        person=person,
        title="Handover",
        save=save,
        done="Thank you. If the plan may need to change, the coordinator has been asked to decide.",
        back=_hub(person),
        button="Save",
        lead=f"Before you hand over: think about {person.name_to_use}'s day.",
    )


@login_required
def feedback(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk, rules.can_give_family_feedback)

    def save(data: dict[str, Any]) -> object:
        return services.give_family_feedback(
            person,
            by=request.user,
            text=data["text"],
            raises_concern=bool(data.get("raises_concern")),
            audit=request.audit,
        )

    return _page(
        request,
        forms.FamilyFeedbackForm(request.POST or None),
        person=person,
        title=f"Tell us how things are going for {person.name_to_use}",
        save=save,
        done="Thank you for your feedback. If you were worried, the coordinator will decide what to do.",
        back=_hub(person),
        button="Send feedback",
    )


@login_required
def start(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk, rules.runs_reviews)
    plan = get_object_or_404(Plan.objects.visible_to(request.user), person=person)
    asked = _chosen(request, ReviewRequest, person, "request")
    about = _chosen(request, Trigger, person, "trigger")
    form = forms.StartForm(request.POST or None, initial={"revision": plan.revision}, requested=asked is not None)

    def save(data: dict[str, Any]) -> object:
        kind = ReviewKind.REQUESTED if asked is not None else data["kind"]
        return services.start_review(
            person,
            by=request.user,
            kind=kind,
            unplanned_reason=data.get("unplanned_reason") or "",
            about=data.get("about") or "",
            request=asked,
            trigger=about,
            expected_revision=data["revision"],
            audit=request.audit,
        )

    lead = (
        "Starting a review opens the plan for changes. "
        "Invite everyone involved, and the advocate again if one helped with the plan."
    )
    return _page(
        request,
        form,
        person=person,
        title="Start a review",
        save=save,
        done="The review has started and the plan is open for changes.",
        back=_hub(person),
        button="Start the review",
        lead=lead,
    )


def _chosen(
    request: AuthenticatedRequest, model: type[ReviewRequest] | type[Trigger], person: Person, name: str
) -> Any:
    value = request.GET.get(name, "")
    if not value:
        return None
    if not value.isascii() or not value.isdigit():
        raise PermissionDenied
    return get_object_or_404(model.objects.visible_to(request.user), person=person, pk=int(value))


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
        return services.record_perspective(
            found,
            by=request.user,
            kind=data.get("kind") or "",
            whose=data.get("whose") or "",
            working=data.get("working") or "",
            not_working=data.get("not_working") or "",
            important_for_future=data.get("important_for_future") or "",
            may_use_anonymously=bool(data.get("may_use_anonymously")),
            audit=request.audit,
        )

    back = reverse("reviews:review", args=[person_pk, pk])
    return _page(
        request,
        forms.PerspectiveForm(request.POST or None, own=not runs),
        person=found.person,
        title="What is working and what is not" if runs else "Your view for the review",
        save=save,
        done="The view is recorded.",
        back=back,
        button="Save the view",
    )


@login_required
def outcome(request: AuthenticatedRequest, person_pk: int, pk: int, outcome_pk: int) -> HttpResponse:
    found = _review(request, person_pk, pk)
    if not rules.runs_reviews(request.user, found.person):
        raise PermissionDenied
    chosen = get_object_or_404(Outcome.objects.visible_to(request.user), plan_id=found.plan_id, pk=outcome_pk)

    def save(data: dict[str, Any]) -> object:
        return services.check_outcome(
            found,
            chosen,
            by=request.user,
            still_matters=data["still_matters"] == forms.YES,
            progress=int(data["progress"]),
            what_changed=data.get("what_changed") or "",
            audit=request.audit,
        )

    back = reverse("reviews:review", args=[person_pk, pk])
    return _page(
        request,
        forms.OutcomeCheckForm(request.POST or None),
        person=found.person,
        title="Look at this outcome again",
        save=save,
        done="Saved.",
        back=back,
        button="Save",
        lead=chosen.text,
    )


@login_required
def complete(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    found = _review(request, person_pk, pk)
    if not rules.runs_reviews(request.user, found.person):
        raise PermissionDenied
    revision = found.plan.revision
    form = forms.CompleteForm(request.POST or None, initial={"revision": revision, "months": "6"})

    def save(data: dict[str, Any]) -> object:
        return services.complete_review(
            found,
            by=request.user,
            result=data["result"],
            persons_view=data.get("persons_view") or "",
            no_view_reason=data.get("no_view_reason") or "",
            took_part=data["took_part"],
            in_a_year=data.get("in_a_year") or "",
            months=int(data["months"]),
            expected_revision=data["revision"],
            audit=request.audit,
        )

    lead = (
        f"The next review date goes on the plan, and {found.person.name_to_use} is asked to agree the plan "
        "as it now stands: that makes its new version."
    )
    return _page(
        request,
        form,
        person=found.person,
        title="Complete the review",
        save=save,
        done="The review is complete. The plan is ready for agreement.",
        back=reverse("reviews:review", args=[person_pk, pk]),
        button="Complete the review",
        lead=lead,
    )


@login_required
def rate(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    found = _review(request, person_pk, pk)
    if not rules.can_rate_review(request.user, found.person):
        raise PermissionDenied

    def save(data: dict[str, Any]) -> object:
        scores = {key: int(value) for key, value in data.items() if value}
        return services.rate_review(found, by=request.user, scores=scores, audit=request.audit)

    return _page(
        request,
        forms.RatingForm(request.POST or None),
        person=found.person,
        title="How was your review?",
        save=save,
        done="Thank you. What you told us helps us get reviews right.",
        back=reverse("reviews:review", args=[person_pk, pk]),
        button="Send",
        lead="How true is each of these for you? Answer as many as you like.",
    )


@login_required
def reflections(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = _person(request, person_pk, rules.can_read_reflections)
    writes = rules.can_write_reflection(request.user, person)
    form = forms.ReflectionForm(request.POST or None) if writes else None
    if request.method == "POST" and form is None:
        raise PermissionDenied
    logs = ReflectionLog.objects.visible_to(request.user).filter(person=person).select_related("written_by")
    context = {"person": person, "logs": list(logs), "back": _hub(person)}
    if form is None:
        return render(request, "reviews/reflections.jinja", {**context, "form": None})

    def save(data: dict[str, Any]) -> object:
        return services.write_reflection(
            person,
            by=request.user,
            feedback_heard=data["feedback"],
            what_changed=data["what_changed"],
            audit=request.audit,
        )

    return form_page(
        request,
        form,
        template="reviews/reflections.jinja",
        save=save,
        success_url=reverse("reviews:reflections", args=[person.pk]),
        success_message="Your reflection is saved.",
        context=context,
    )


@login_required
@require_safe
def oversight(request: AuthenticatedRequest) -> HttpResponse:
    """For team managers and quality leads: what is overdue, escalated from the coordinators' clocks."""
    if not rules.oversees_reviews(request.user):
        raise PermissionDenied
    return render(request, "reviews/oversight.jinja", {"page": oversight_page(request.user)})
