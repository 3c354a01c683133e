"""Thin views: load through `visible_to` (anyone else gets a 404), check the rule, call one service.

Every form page is `core.formpage.form_page` through `page()`, with its words in `words.py`. Every
page works without JavaScript: plain forms that post and redirect. The review's own pages are in
`review_views.py`, the organisation's policy page in `policy_views.py`.
"""

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.core.formpage import form_page
from livingplan.people.models import Person
from livingplan.plans.models import PlanNote
from livingplan.reviews import forms, rules, services, targets, words
from livingplan.reviews.models import ReflectionLog, ReviewRequest, Trigger
from livingplan.reviews.presenters.common import current_choice
from livingplan.reviews.presenters.hub import reviews_page
from livingplan.reviews.presenters.oversight import oversight_page
from livingplan.reviews.words import PageWords

FORM = "reviews/form.jinja"
Rule = Callable[[Any, Person], bool]
Save = Callable[[dict[str, Any]], object]


def person_for(request: AuthenticatedRequest, person_pk: int, rule: Rule | None = None) -> Person:
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=person_pk)
    if rule is not None and not rule(request.user, person):
        raise PermissionDenied
    return person


def page(
    request: AuthenticatedRequest,
    form: django_forms.Form,
    person: Person,
    said: PageWords,
    save: Save,
    *,
    back: str = "",
) -> HttpResponse:
    """One form page about `person`: `said` names it; saving calls `save`, then goes `back` (their reviews)."""
    back = back or hub(person)
    name = person.name_to_use
    context = {
        "caption": person.full_name,
        "title": said.title.format(name=name),
        "lead": said.lead.format(name=name),
        "button_text": said.button,
        "back": back,
    }
    return form_page(
        request, form, template=FORM, save=save, success_url=back, success_message=said.done, context=context
    )


def hub(person: Person) -> str:
    return reverse("reviews:reviews", args=[person.pk])


def chosen(request: AuthenticatedRequest, model: type[Model], person: Person, name: str) -> Any:
    """The row named by `?<name>=<id>`, one of `person`'s the viewer may see; none if not given."""
    value = request.GET.get(name, "")
    if not value:
        return None
    if not value.isascii() or not value.isdigit():
        raise PermissionDenied
    return get_object_or_404(model.objects.visible_to(request.user), person=person, pk=int(value))  # type: ignore[attr-defined]


@login_required
@require_safe
def reviews(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk)
    return render(request, "reviews/reviews.jinja", {"page": reviews_page(person, request.user)})


@login_required
def ask(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk, rules.can_ask_for_review)
    note: PlanNote | None = chosen(request, PlanNote, person, "note")
    said = words.ASK_OWN if person.user_id == request.user.pk else words.ASK
    if note is not None:
        said = said.led(words.ASK_FROM_NOTE.format(note=note.text))

    def save(data: dict[str, Any]) -> object:
        return services.request_review(person, by=request.user, reason=data["reason"], note=note, audit=request.audit)

    return page(request, forms.AskForm(request.POST or None), person, said, save)


@login_required
@require_safe
def ask_from_note(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The "Ask for a review" link on a note between reviews: the ask page, for the note's person."""
    note = get_object_or_404(PlanNote.objects.visible_to(request.user), pk=pk)
    return redirect(reverse("reviews:ask", args=[note.person_id]) + f"?note={note.pk}")


@login_required
def answer(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    person = person_for(request, person_pk, rules.runs_reviews)
    asked = get_object_or_404(
        ReviewRequest.objects.visible_to(request.user).select_related("asked_by"), person=person, pk=pk
    )

    def save(data: dict[str, Any]) -> object:
        accept, review_on, reason = data["decision"] == forms.ACCEPT, data.get("review_on"), data.get("reason") or ""
        return services.answer_request(
            asked, by=request.user, accept=accept, review_on=review_on, reason=reason, audit=request.audit
        )

    said = words.ANSWER.led(f"{asked.asked_by.display_name} asked: “{asked.reason}”")
    return page(request, forms.AnswerForm(request.POST or None), person, said, save)


@login_required
def trigger(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk, rules.can_raise_trigger)

    def save(data: dict[str, Any]) -> object:
        what, noticed_by, noticed_on = data["what_happened"], data.get("noticed_by") or "", data.get("noticed_on")
        return services.raise_trigger(
            person,
            by=request.user,
            category=data["category"],
            what_happened=what,
            noticed_by=noticed_by,
            noticed_on=noticed_on,
            audit=request.audit,
        )

    return page(request, forms.TriggerForm(request.POST or None), person, words.TRIGGER, save)


@login_required
def decide(request: AuthenticatedRequest, person_pk: int, pk: int) -> HttpResponse:
    person = person_for(request, person_pk, rules.runs_reviews)
    found = get_object_or_404(Trigger.objects.visible_to(request.user), person=person, pk=pk)

    def save(data: dict[str, Any]) -> object:
        decision, reason = data["decision"], data["reason"]
        return services.decide_trigger(found, by=request.user, decision=decision, reason=reason, audit=request.audit)

    said = words.DECIDE.led(f"{found.get_category_display()}: {found.what_happened}")
    return page(request, forms.DecideForm(request.POST or None), person, said, save)


@login_required
def handover(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk, rules.can_raise_trigger)

    def save(data: dict[str, Any]) -> object:
        needs, category, what = data["needs_change"] == forms.YES, data.get("category"), data.get("what_happened")
        return services.answer_handover(
            person,
            by=request.user,
            needs_change=needs,
            category=category or "",
            what_happened=what or "",
            audit=request.audit,
        )

    said = words.HANDOVER.led(f"Before you hand over: think about {person.name_to_use}'s day.")
    return page(request, forms.HandoverForm(request.POST or None), person, said, save)


@login_required
def feedback(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk, rules.can_give_family_feedback)

    def save(data: dict[str, Any]) -> object:
        text, worried = data["text"], bool(data.get("raises_concern"))
        return services.give_family_feedback(
            person, by=request.user, text=text, raises_concern=worried, audit=request.audit
        )

    return page(request, forms.FamilyFeedbackForm(request.POST or None), person, words.FEEDBACK, save)


@login_required
def choose(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    """The person chooses how and how often their reviews happen, within their organisation's policy."""
    person = person_for(request, person_pk, rules.can_choose_how)
    longest = targets.for_person(person).every_months
    now = current_choice(person, request.user)
    initial = {"how": now.how, "every_months": str(now.every_months)} if now else {"every_months": str(longest)}
    form = forms.ChooseForm(request.POST or None, initial=initial, longest=longest)

    def save(data: dict[str, Any]) -> object:
        how, months = data["how"], int(data["every_months"])
        return services.choose_how(person, by=request.user, how=how, every_months=months, audit=request.audit)

    return page(request, form, person, words.CHOOSE_OWN if person.user_id == request.user.pk else words.CHOOSE, save)


@login_required
def reflections(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    person = person_for(request, person_pk, rules.can_read_reflections)
    writes = rules.can_write_reflection(request.user, person)
    form = forms.ReflectionForm(request.POST or None) if writes else None
    if request.method == "POST" and form is None:
        raise PermissionDenied
    logs = ReflectionLog.objects.visible_to(request.user).filter(person=person).select_related("written_by")
    context = {"person": person, "logs": list(logs), "back": hub(person)}
    if form is None:
        return render(request, "reviews/reflections.jinja", {**context, "form": None})

    def save(data: dict[str, Any]) -> object:
        heard, changed = data["feedback"], data["what_changed"]
        return services.write_reflection(
            person, by=request.user, feedback_heard=heard, what_changed=changed, audit=request.audit
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
