"""The person's own invitation to sign in: sent by their care team, accepted by them (ADR-048).

Staff never see the link: whoever holds it can become the person. It goes only by the person's
own email or text; the page says where it went.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.core.audit_context import of_request
from livingplan.people import services
from livingplan.people.forms import AcceptInvitationForm
from livingplan.people.models import Person

OPENED_OWN_INVITATION = "opened_own_invitation"


@login_required
@require_POST
def invite(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=pk)
    try:
        services.invite_person_to_sign_in(person, by=request.user, audit=request.audit)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        days = services.INVITATION_LIFETIME.days
        messages.success(
            request,
            f"We have sent {person.name_to_use} a link to choose a password. It works once, for {days} days.",
        )
    return redirect("people:detail", pk=person.pk)


@never_cache
@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest) -> HttpResponse:
    """Whoever opened a valid link in this browser may set the person's password; nothing else."""
    invitation = services.opened_own_invitation(request.session.get(OPENED_OWN_INVITATION))
    if invitation is None or invitation.person.user is None:
        return _not_valid(request)
    user = invitation.person.user
    form = AcceptInvitationForm(request.POST if request.method == "POST" else None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_own_invitation(
                invitation.pk, password=form.cleaned_data["password1"], audit=of_request(request)
            )
        except services.InvitationInvalid:
            return _not_valid(request)
        login(request, user, backend="livingplan.accounts.backends.UsernameOrEmailBackend")
        request.session.pop(OPENED_OWN_INVITATION, None)
        messages.success(request, "Your password is set. This is your Living Plan.")
        return redirect("home:home")
    context: dict[str, object] = {"form": form, "person": invitation.person, "username": user.username}
    return render(request, "people/accept_own_invitation.jinja", context, status=400 if form.is_bound else 200)


def _not_valid(request: HttpRequest) -> HttpResponse:
    context = {"days": services.INVITATION_LIFETIME.days}
    return render(request, "people/invitation_not_valid.jinja", context, status=404)
