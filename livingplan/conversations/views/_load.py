"""Loading helpers: the person through the one visibility rule, or a 404 that says nothing more;
and the shape of a form page whose service may refuse because of the plan's state."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.core.formpage import form_page
from livingplan.people.models import Person
from livingplan.plans import lifecycle
from livingplan.plans import services as plans


def person_for(request: AuthenticatedRequest, person_pk: int) -> Person:
    people = Person.objects.visible_to(request.user).select_related("plan")
    return get_object_or_404(people, pk=person_pk)


def posted(request: HttpRequest) -> Any:
    """The form data of a POST, even an empty one (a form posted with nothing ticked must show its
    errors, which `request.POST or None` would not); None for a GET."""
    return request.POST if request.method == "POST" else None


def refusals_as_errors(save: Callable[[dict[str, Any]], object]) -> Callable[[dict[str, Any]], object]:
    """The plan's refusals (an agreed plan, a change in between) as form errors,
    so the page keeps what was typed and says what to do, and nothing was saved."""

    def guarded(data: dict[str, Any]) -> object:
        try:
            return save(data)
        except (lifecycle.TransitionNotAllowed, plans.StaleEdit) as refused:
            raise ValidationError(str(refused)) from refused

    return guarded


def page(
    request: HttpRequest,
    form: forms.Form,
    *,
    template: str,
    save: Callable[[dict[str, Any]], object],
    success_url: str,
    success_message: str,
    context: dict[str, Any],
) -> HttpResponse:
    return form_page(
        request,
        form,
        template=template,
        save=refusals_as_errors(save),
        success_url=success_url,
        success_message=success_message,
        context=context,
    )
