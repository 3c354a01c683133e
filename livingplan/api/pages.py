"""The organisation admin's pages for the tokens other systems use (ADR-052). Thin views: find the
organisation the user administers (anyone else gets a 404), call one service in `tokens`, render.

A new token is shown once, on the page the form posts to, and never again (only its hash is kept)."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.accounts.models import Organisation
from livingplan.api import tokens
from livingplan.api.forms import TokenForm
from livingplan.api.models import ApiToken
from livingplan.core.presenters import date_long, datetime_short


def _administered(request: AuthenticatedRequest, organisation_pk: int) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=organisation_pk)
    if not tokens.is_admin_of(request.user, organisation):
        raise Http404
    return organisation


@dataclass(frozen=True)
class TokenRow:
    token: ApiToken
    scopes: str
    expires: str
    created: str
    created_by: str
    last_used: str
    state: str


def _row(token: ApiToken) -> TokenRow:
    state = "Revoked" if token.revoked_at else ("Expired" if token.is_expired else "Working")
    return TokenRow(
        token=token,
        scopes=", ".join(token.scope_labels),
        expires=date_long(timezone.localdate(token.expires_at)),
        created=datetime_short(token.created_at),
        created_by=token.created_by.display_name if token.created_by else "Nobody recorded",
        last_used=datetime_short(token.last_used_at) if token.last_used_at else "Not used yet",
        state=state,
    )


@login_required
@never_cache
def index(request: AuthenticatedRequest, organisation_pk: int) -> HttpResponse:
    organisation = _administered(request, organisation_pk)
    found = ApiToken.objects.of_organisation(organisation).select_related("created_by")
    context = {"organisation": organisation, "rows": [_row(t) for t in found]}
    return render(request, "api/tokens/index.jinja", context)


@login_required
@never_cache
def new(request: AuthenticatedRequest, organisation_pk: int) -> HttpResponse:
    organisation = _administered(request, organisation_pk)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        token, raw = tokens.issue_for_organisation(
            organisation,
            by=request.user,
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"],
            expires_at=timezone.now() + form.lifetime(),
            audit=request.audit,
        )
        context = {"organisation": organisation, "row": _row(token), "raw": raw}
        return render(request, "api/tokens/made.jinja", context)
    status = 400 if form.errors else 200
    return render(request, "api/tokens/new.jinja", {"organisation": organisation, "form": form}, status=status)


@login_required
@never_cache
def revoke(request: AuthenticatedRequest, organisation_pk: int, pk: int) -> HttpResponse:
    """Asks first: another system stops working the moment its token is revoked."""
    organisation = _administered(request, organisation_pk)
    token = get_object_or_404(ApiToken.objects.of_organisation(organisation).select_related("created_by"), pk=pk)
    if request.method == "POST":
        tokens.revoke(token, by=request.user, audit=request.audit)
        messages.success(request, f"The token '{token.name}' is revoked. It no longer works")
        return redirect("api_tokens:index", organisation.pk)
    return render(request, "api/tokens/revoke.jinja", {"organisation": organisation, "row": _row(token)})
