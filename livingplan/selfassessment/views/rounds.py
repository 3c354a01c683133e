"""Thin views: load the round through `visible_to` (anyone else gets a 404), check the rule, call one service.

Every page works without JavaScript: plain forms that post and redirect.
"""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.accounts.models import Organisation, Team
from livingplan.core.formpage import form_page
from livingplan.selfassessment import instrument, rules, services
from livingplan.selfassessment.forms import ImportForm, InviteForm, RatingForm, StartRoundForm
from livingplan.selfassessment.models import InstrumentVersion, Rater, Round
from livingplan.selfassessment.presenters import rounds as pages

FORM = "selfassessment/form.jinja"


def _round(request: AuthenticatedRequest, pk: int) -> Round:
    found = Round.objects.visible_to(request.user).select_related("organisation", "team", "instrument")
    return get_object_or_404(found, pk=pk)


def _managed(request: AuthenticatedRequest, pk: int) -> Round:
    """A round the user administers; 403 for others who may see it."""
    found = _round(request, pk)
    if not rules.can_manage(request.user, found):
        raise PermissionDenied
    return found


def _administered(request: AuthenticatedRequest, organisation_pk: int) -> Organisation:
    """An organisation the user administers; 404 for everyone else, as for the staff pages."""
    found = get_object_or_404(Organisation, pk=organisation_pk)
    if not rules.is_admin_of(request.user, found):
        raise Http404
    return found


def _area(round_: Round, area_id: str) -> instrument.Area:
    found = round_.instrument.instrument.area(area_id)
    if found is None:
        raise Http404
    return found


def _form(
    request: AuthenticatedRequest,
    form: forms.Form,
    *,
    title: str,
    save: Any,
    done: str,
    back: str,
    button: str,
    caption: str,
    lead: str = "",
    success_url: str = "",
    template: str = FORM,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    context = {"title": title, "back": back, "button_text": button, "lead": lead, "caption": caption, **(extra or {})}
    return form_page(
        request,
        form,
        template=template,
        save=save,
        success_url=success_url or back,
        success_message=done,
        context=context,
    )


def _refused(request: AuthenticatedRequest, round_: Round, message: str, status: int) -> HttpResponse:
    context = {"round": round_, "message": message, "back": reverse("selfassessment:round", args=[round_.pk])}
    return render(request, "selfassessment/refused.jinja", context, status=status)


def _rater(request: AuthenticatedRequest, round_: Round) -> Rater | HttpResponse:
    """The user's invitation to rate, or the page that says why they cannot."""
    rater = rules.rater_for(request.user, round_)
    if rater is None:
        return _refused(request, round_, services.NOT_INVITED, 403)
    if not round_.is_open:
        return _refused(request, round_, services.ROUND_CLOSED, 409)
    return rater


@login_required
@require_safe
def index(request: AuthenticatedRequest) -> HttpResponse:
    rounds = list(Round.objects.visible_to(request.user).select_related("organisation", "team"))
    return render(request, "selfassessment/index.jinja", pages.index_page(rounds, request.user))


@login_required
def start(request: AuthenticatedRequest, organisation_pk: int) -> HttpResponse:
    organisation = _administered(request, organisation_pk)
    versions = {str(v.pk): v for v in services.versions_for(organisation)}
    teams = {str(t.pk): t for t in Team.objects.filter(organisation=organisation)}
    form = StartRoundForm(
        request.POST or None,
        versions=[(pk, str(v)) for pk, v in versions.items()],
        teams=[(pk, t.name) for pk, t in teams.items()],
        initial={"version": next(iter(versions), "")},
    )
    started: list[Round] = []

    def save(data: dict[str, Any]) -> Round:
        started.append(
            services.start_round(
                organisation,
                by=request.user,
                title=data["title"],
                version=versions[data["version"]],
                team=teams.get(data.get("team") or ""),
                audit=request.audit,
            )
        )
        return started[0]

    response = _form(
        request,
        form,
        title="Start a self-assessment round",
        save=save,
        caption=organisation.name,
        done="The round has started. Now invite the people who will rate.",
        button="Start the round",
        back=reverse("selfassessment:index"),
        lead="Figures from Living Plan are taken now and kept with the round as evidence.",
    )
    if started:
        return redirect("selfassessment:round", started[0].pk)
    return response


@login_required
@require_safe
def versions(request: AuthenticatedRequest, organisation_pk: int) -> HttpResponse:
    organisation = _administered(request, organisation_pk)
    return render(request, "selfassessment/versions.jinja", pages.versions_page(organisation))


@login_required
def import_version(request: AuthenticatedRequest, organisation_pk: int) -> HttpResponse:
    organisation = _administered(request, organisation_pk)

    def save(data: dict[str, Any]) -> InstrumentVersion:
        return services.import_instrument(organisation, text=data["source"], by=request.user, audit=request.audit)

    back = reverse("selfassessment:versions", args=[organisation.pk])
    return _form(
        request,
        ImportForm(request.POST or None),
        title="Import a new version",
        save=save,
        back=back,
        caption=organisation.name,
        button="Check and import",
        done="The new version is imported. New rounds can use it; earlier rounds keep theirs.",
        lead="The whole file is checked first. If anything is wrong, nothing is imported and we tell you "
        "the line to look at.",
    )


@login_required
@require_safe
def round_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = _round(request, pk)
    return render(request, "selfassessment/round.jinja", pages.round_page(found, request.user))


@login_required
def invite(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = _managed(request, pk)
    if not found.is_open:
        return _refused(request, found, services.ROUND_CLOSED, 409)

    def save(data: dict[str, Any]) -> Rater:
        return services.invite_rater(
            found, by=request.user, user=data["username"], kind=data["kind"], audit=request.audit
        )

    back = reverse("selfassessment:round", args=[found.pk])
    return _form(
        request,
        InviteForm(request.POST or None),
        title="Invite someone to rate",
        save=save,
        back=back,
        caption=found.title,
        button="Invite them",
        done="They are invited. The round is on their list.",
        lead="Invite staff, people who use services, family carers and partners: "
        "co-production means hearing from all of them.",
    )


@login_required
@require_POST
def close(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = _managed(request, pk)
    if not found.is_open:
        return _refused(request, found, services.ROUND_CLOSED, 409)
    services.close_round(found, by=request.user, audit=request.audit)
    messages.success(request, "The round is closed. Its results and agreed levels are kept as they are.")
    return redirect("selfassessment:round", found.pk)


@login_required
@require_safe
def rate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    found = _round(request, pk)
    rater = _rater(request, found)
    if isinstance(rater, HttpResponse):
        return rater
    return render(request, "selfassessment/rate_list.jinja", pages.rating_list_page(found, rater))


@login_required
def rate_area(request: AuthenticatedRequest, pk: int, area_id: str) -> HttpResponse:
    found = _round(request, pk)
    rater = _rater(request, found)
    if isinstance(rater, HttpResponse):
        return rater
    area = _area(found, area_id)
    saved = rater.ratings.filter(area_id=area.id).first()
    initial = {"level": str(saved.level), "evidence": saved.evidence} if saved else {}
    form = RatingForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> object:
        return services.save_rating(
            found,
            by=request.user,
            area_id=area.id,
            level=int(data["level"]),
            evidence=data.get("evidence") or "",
            audit=request.audit,
        )

    context = pages.area_context(found, area, form["level"].value())
    return _form(
        request,
        form,
        title=area.title,
        save=save,
        back=reverse("selfassessment:rate", args=[found.pk]),
        caption=f"{context['section']}: {area.stage}",
        button="Save and continue",
        done=f"Your rating for “{area.title}” is saved.",
        success_url=pages.next_area(found, area),
        template="selfassessment/rate_area.jinja",
        extra=context,
    )
