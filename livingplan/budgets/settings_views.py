"""The organisation admin's page for how their organisation signs off budgets: for an admin of
that organisation only, a 404 for anyone else. Works without JavaScript."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.accounts.models import Organisation
from livingplan.budgets import forms as budget_forms
from livingplan.budgets import services
from livingplan.budgets.presenters import settings as presenter
from livingplan.budgets.services.settings import can_change
from livingplan.core.formpage import form_page


def _choices(data: dict[str, Any]) -> services.Choices:
    return services.Choices(
        target_days=data["target_days"],
        team_manager_limit_pence=data["team_manager_limit"],
        senior_manager_limit_pence=data["senior_manager_limit"],
        panel_limit_pence=data["panel_limit"],
        second_tier_for_new_or_increased=data["second_tier_for_new_or_increased"] == "yes",
        second_tier=data["second_tier"],
    )


@login_required
def sign_off_settings(request: AuthenticatedRequest, organisation_pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_pk)
    if not can_change(request.user, organisation):
        raise Http404
    form = budget_forms.SettingsForm(request.POST or None, initial=presenter.initial(organisation))

    def save(data: dict[str, Any]) -> object:
        return services.set_sign_off_settings(
            organisation, by=request.user, choices=_choices(data), audit=request.audit
        )

    back = reverse("home:home")
    context = {
        "caption": organisation.name,
        "title": "Budget sign-off settings",
        "lead": presenter.lead(organisation),
        "back": back,
        "button_text": "Save the settings",
    }
    return form_page(
        request,
        form,
        template="budgets/form.jinja",
        save=save,
        success_url=request.path,
        success_message="Budget sign-off settings saved",
        context=context,
    )
