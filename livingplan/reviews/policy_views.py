"""The organisation admin's page for their organisation's review policy (ADR-049), linked from the
staff home through `core.org_settings` (registered in `apps.py`). Anyone but that organisation's
admin gets a 404: whether an organisation has set a policy is not theirs to learn."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.accounts.models import Organisation
from livingplan.core.formpage import form_page
from livingplan.reviews import forms, rules, services, targets, words
from livingplan.reviews.models import TriggerCategory


def _initial(organisation: Organisation) -> dict[str, Any]:
    policy = targets.for_organisation(organisation.pk)
    return {
        "every_months": policy.every_months,
        "first_review_weeks": policy.first_review_weeks,
        "answer_days": policy.answer_days,
        "update_days": policy.update_days,
        "extra_reasons": "\n".join(label for _, label in policy.extra_reasons),
        **{f"decide_{category}": policy.days_to_decide(category) for category in TriggerCategory.values},
    }


@login_required
def policy(request: AuthenticatedRequest, organisation_pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_pk)
    if not rules.is_organisation_admin(request.user, organisation):
        raise Http404
    form = forms.PolicyForm(request.POST or None, initial=_initial(organisation))

    def save(data: dict[str, Any]) -> object:
        return services.set_policy(
            organisation,
            by=request.user,
            every_months=data["every_months"],
            first_review_weeks=data["first_review_weeks"],
            decision_days={category: data[f"decide_{category}"] for category in TriggerCategory.values},
            answer_days=data["answer_days"],
            update_days=data["update_days"],
            extra_reasons=(data.get("extra_reasons") or "").splitlines(),
            audit=request.audit,
        )

    said = words.POLICY
    here = reverse("reviews_staff:policy", args=[organisation.pk])
    context = {
        "caption": organisation.name,
        "title": said.title.format(name=organisation.name),
        "lead": said.lead.format(name=organisation.name),
        "button_text": said.button,
        "back": reverse("home:home"),
    }
    return form_page(
        request,
        form,
        template="reviews/form.jinja",
        save=save,
        success_url=here,
        success_message=said.done,
        context=context,
    )
