"""Pages for an organisation admin managing colleagues, and the one-time link a colleague opens."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingplan.accounts import staff
from livingplan.accounts.http import AuthenticatedRequest
from livingplan.accounts.models import Membership, Organisation, PasswordLinkKind, User
from livingplan.accounts.staff_forms import ChangeRoleForm, ChoosePasswordForm, InviteStaffForm
from livingplan.core.audit_context import of_request


def _posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def _add_errors(form: object, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)  # type: ignore[attr-defined]
    else:
        form.add_error(None, error)  # type: ignore[attr-defined]


def _link_page(
    request: HttpRequest, organisation: Organisation, user: User, token: str, *, invited: bool
) -> HttpResponse:
    context = {
        "organisation": organisation,
        "colleague": user,
        "link": request.build_absolute_uri(reverse("accounts:password-link", args=[token])),
        "invited": invited,
        "days": staff.LINK_LIFETIME[PasswordLinkKind.INVITATION].days,
        "hours": int(staff.LINK_LIFETIME[PasswordLinkKind.RESET].total_seconds() // 3600),
    }
    return render(request, "accounts/staff/link.jinja", context)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def invite(request: AuthenticatedRequest, org_pk: int) -> HttpResponse:
    organisation = staff.administered_organisation(request.user, org_pk)
    form = InviteStaffForm(_posted(request), organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            user, token = staff.invite_staff(organisation, by=request.user, audit=request.audit, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return _link_page(request, organisation, user, token, invited=True)
    status = 400 if form.is_bound else 200
    return render(request, "accounts/staff/invite.jinja", {"form": form, "organisation": organisation}, status=status)


def _role_form(membership_pk: int, data: QueryDict | None = None) -> ChangeRoleForm:
    # One form per role held: the prefix keeps each form's radios apart on the page.
    return ChangeRoleForm(data, prefix=f"role-{membership_pk}")


def _member_page(
    request: AuthenticatedRequest,
    organisation: Organisation,
    user: User,
    failed: ChangeRoleForm | None = None,
    status: int = 200,
) -> HttpResponse:
    memberships = user.memberships.filter(organisation=organisation).select_related("team")
    forms = [
        (m, failed if failed is not None and failed.prefix == f"role-{m.pk}" else _role_form(m.pk)) for m in memberships
    ]
    context = {
        "organisation": organisation,
        "colleague": user,
        "role_forms": forms,
        "is_self": user.pk == request.user.pk,
    }
    return render(request, "accounts/staff/member.jinja", context, status=status)


@login_required
@never_cache
@require_GET
def member(request: AuthenticatedRequest, org_pk: int, user_pk: int) -> HttpResponse:
    organisation = staff.administered_organisation(request.user, org_pk)
    return _member_page(request, organisation, staff.colleague(organisation, user_pk))


@login_required
@require_POST
def change_role(request: AuthenticatedRequest, org_pk: int, membership_pk: int) -> HttpResponse:
    organisation = staff.administered_organisation(request.user, org_pk)
    membership = get_object_or_404(Membership.objects.filter(organisation=organisation), pk=membership_pk)
    form = _role_form(membership.pk, request.POST)
    if form.is_valid():
        try:
            changed = staff.change_role(
                membership, by=request.user, role=form.cleaned_data["role"], audit=request.audit
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"{changed.user.display_name}'s role is now {changed.get_role_display()}")
            return redirect("accounts:staff-member", organisation.pk, membership.user_id)
    return _member_page(request, organisation, membership.user, form, status=400)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def deactivate(request: AuthenticatedRequest, org_pk: int, user_pk: int) -> HttpResponse:
    """Asks first: deactivating ends the colleague's sessions at once."""
    organisation = staff.administered_organisation(request.user, org_pk)
    user = staff.colleague(organisation, user_pk)
    error = ""
    if request.method == "POST":
        try:
            staff.deactivate_account(organisation, user, by=request.user, audit=request.audit)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, f"{user.display_name}'s account is deactivated. They can no longer sign in")
            return redirect("home:home")
    context = {"organisation": organisation, "colleague": user, "error": error}
    return render(request, "accounts/staff/deactivate.jinja", context, status=400 if error else 200)


@login_required
@never_cache
@require_POST
def send_reset(request: AuthenticatedRequest, org_pk: int, user_pk: int) -> HttpResponse:
    organisation = staff.administered_organisation(request.user, org_pk)
    user = staff.colleague(organisation, user_pk)
    try:
        token = staff.send_password_reset(organisation, user, by=request.user, audit=request.audit)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("accounts:staff-member", organisation.pk, user.pk)
    return _link_page(request, organisation, user, token, invited=not user.has_usable_password())


# The link opened in this browser: the token itself is never kept, in the session or the URL.
OPENED_LINK = "opened_password_link"


def _link_not_valid(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/staff/link_not_valid.jinja", status=404)


@never_cache
@require_GET
def open_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link an admin passed on: used up on the way in, then on to a page without the token."""
    link = staff.open_link(token)
    if link is None:
        return _link_not_valid(request)
    request.session[OPENED_LINK] = link.pk
    return redirect("accounts:password-link-choose")


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
def choose_password(request: HttpRequest) -> HttpResponse:
    link = staff.opened_link(request.session.get(OPENED_LINK))
    if link is None:
        return _link_not_valid(request)
    form = ChoosePasswordForm(link.user, _posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            user = staff.use_link(link.pk, password=form.cleaned_data["new_password1"], audit=of_request(request))
        except staff.LinkInvalid:
            return _link_not_valid(request)
        login(request, user, backend="livingplan.accounts.backends.UsernameOrEmailBackend")
        request.session.pop(OPENED_LINK, None)
        messages.success(request, "Your password is set. You are signed in")
        return redirect("home:home")
    context = {"form": form, "colleague": link.user, "organisation": link.organisation}
    return render(request, "accounts/staff/choose_password.jinja", context, status=400 if form.is_bound else 200)
