"""A person's record and the trail of who has looked at it. Thin: load, audit, present."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.accounts.models import Organisation
from livingplan.core.audit_context import of_request
from livingplan.core.audit_reads import not_a_record_read
from livingplan.core.formpage import form_page
from livingplan.core.models import AuditEvent
from livingplan.people import messaging, own_invitation_views, rules, services
from livingplan.people.forms import (
    AcceptInvitationForm,
    AdvocacyForm,
    CapacityForm,
    CareTeamMemberForm,
    CircleMemberForm,
    CommunicationNeedsForm,
    LegalAuthorityForm,
    PersonDetailsForm,
)
from livingplan.people.models import (
    Advocacy,
    CapacityAssessment,
    CareTeamMember,
    CircleInvitation,
    CircleMember,
    CommunicationNeeds,
    ContactChannel,
    LegalAuthority,
    Person,
)
from livingplan.people.presenters import InvitationRow, RecordPage, TrailPage
from livingplan.people.record_parts import RecordPart, require_part


def _person_for(request: AuthenticatedRequest, pk: int) -> Person:
    """The person, if this user may see them; otherwise a 404 that says nothing more."""
    return get_object_or_404(
        Person.objects.visible_to(request.user).select_related("lead_organisation", "gp_practice"), pk=pk
    )


def _editable_person(request: AuthenticatedRequest, pk: int, part: RecordPart | None = None) -> Person:
    """A record part not shared with the user is a 404 before anything else: it does not exist for them."""
    person = _person_for(request, pk)
    if part is not None:
        require_part(request.user, person, part)
    if not rules.can_edit_record(request.user, person):
        raise PermissionDenied
    return person


@login_required
def detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _person_for(request, pk)
    services.record_person_viewed(person, by=request.user, audit=request.audit)
    page = RecordPage.build(person, request.user)
    return render(request, "people/detail.jinja", {"person": person, "page": page})


# The person reading their own trail is not written to it: each visit would add a row and
# move every later page by one while they read (ADR-020).
@not_a_record_read
@login_required
def who_has_looked(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Only the person sees this list: it is about them, and it is theirs to read. Every row, 50 a page."""
    person = _person_for(request, pk)
    if person.user_id != request.user.pk:
        raise Http404
    events = AuditEvent.objects.visible_to(request.user).about_person(person.pk).select_related("actor")
    url = reverse("people:who-has-looked", args=[person.pk])
    trail = TrailPage.of(events, request.GET.get("page", "1"), url, viewer_id=request.user.pk)
    if trail is None:
        raise Http404
    return render(request, "people/who_has_looked.jinja", {"person": person, "trail": trail})


def _record_form(
    request: AuthenticatedRequest, person: Person, form: Any, *, title: str, save: Any, intro: str = ""
) -> HttpResponse:
    return form_page(
        request,
        form,
        template="people/form.jinja",
        save=save,
        success_url=reverse("people:detail", args=[person.pk]),
        success_message=f"{title}: saved.",
        context={
            "person": person,
            "title": title,
            "intro": intro,
            "is_self": rules.is_the_person(request.user, person),
        },
    )


@login_required
def edit_details(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk, RecordPart.PERSONAL_DETAILS)
    initial = {name: getattr(person, name) for name in services.PERSON_DETAIL_FIELDS if name != "gp_practice"}
    needs = CommunicationNeeds.objects.visible_to(request.user).filter(person=person)
    texts = needs.filter(preferred_channel=ContactChannel.TEXT).exists()  # then the number must be a UK mobile
    form = PersonDetailsForm(request.POST or None, initial=initial, texts=texts)

    def save(data: dict[str, Any]) -> Person:
        return services.update_person_details(person, by=request.user, audit=request.audit, **data)

    return _record_form(request, person, form, title="Personal details", save=save)


@login_required
def edit_communication(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk)
    current = CommunicationNeeds.objects.visible_to(request.user).filter(person=person).first() or CommunicationNeeds()
    initial = {f: getattr(current, f) for f in CommunicationNeedsForm.base_fields}
    form = CommunicationNeedsForm(request.POST or None, initial=initial, phone=person.phone)

    def save(data: dict[str, Any]) -> CommunicationNeeds:
        return services.set_communication_needs(person, by=request.user, audit=request.audit, **data)

    return _record_form(request, person, form, title="Communication and information needs", save=save)


@login_required
def add_capacity(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk, RecordPart.CAPACITY)
    form = CapacityForm(request.POST or None)

    def save(data: dict[str, Any]) -> CapacityAssessment:
        return services.record_capacity_assessment(person, by=request.user, audit=request.audit, **data)

    return _record_form(request, person, form, title="Record a capacity assessment", save=save)


@login_required
def edit_advocacy(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk, RecordPart.CAPACITY)
    current = Advocacy.objects.visible_to(request.user).filter(person=person).first() or Advocacy()
    form = AdvocacyForm(request.POST or None, initial={f: getattr(current, f) for f in AdvocacyForm.base_fields})

    def save(data: dict[str, Any]) -> Advocacy:
        return services.set_advocacy(person, by=request.user, audit=request.audit, **data)

    return _record_form(request, person, form, title="Advocacy", save=save)


@login_required
def add_legal_authority(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk, RecordPart.CAPACITY)
    form = LegalAuthorityForm(
        request.POST or None,
        holders=services.people_who_may_hold_authority(person),
        is_self=rules.is_the_person(request.user, person),
    )

    def save(data: dict[str, Any]) -> LegalAuthority:
        return services.add_legal_authority(person, by=request.user, audit=request.audit, **data)

    return _record_form(request, person, form, title="Add an attorney or deputy", save=save)


# --- The circle of support --------------------------------------------------------------------


def _posted(request: HttpRequest) -> Any:
    """The submitted data, even when it is empty, so an empty form shows its errors."""
    return request.POST if request.method == "POST" else None


def _own_person(request: AuthenticatedRequest, pk: int) -> Person:
    """The person's own record: others who may see it are refused; everyone else gets a 404."""
    person = _person_for(request, pk)
    if person.user_id != request.user.pk:
        raise PermissionDenied
    return person


def _circle_member_for(request: AuthenticatedRequest, person: Person, member_pk: int) -> CircleMember:
    return get_object_or_404(CircleMember.objects.visible_to(request.user).filter(person=person), pk=member_pk)


def _back_to_record(person: Person) -> HttpResponse:
    return redirect("people:detail", pk=person.pk)


@login_required
def add_circle_member(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk)
    form = CircleMemberForm(_posted(request))

    def save(data: dict[str, Any]) -> CircleMember:
        return services.add_circle_member(person, by=request.user, audit=request.audit, **data)

    return _record_form(
        request,
        person,
        form,
        title="Add someone to the circle of support",
        save=save,
        intro="Family, friends, neighbours and carers who help. Adding someone does not let them see the record.",
    )


@never_cache
@login_required
@require_POST
def invite_circle_member(request: AuthenticatedRequest, pk: int, member_pk: int) -> HttpResponse:
    person = _own_person(request, pk)
    member = _circle_member_for(request, person, member_pk)
    try:
        token = services.invite_circle_member(member, by=request.user, audit=request.audit)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back_to_record(person)
    link = request.build_absolute_uri(reverse("invitations:open", args=[token]))
    context = {
        "person": person,
        "member": member,
        "link": link,
        "route": messaging.invitation_route(member),
        "days": services.INVITATION_LIFETIME.days,
        "step_minutes": int(services.INVITATION_STEP_LIFETIME.total_seconds() // 60),
    }
    return render(request, "people/invitation_link.jinja", context)


@login_required
@require_POST
def set_circle_access(request: AuthenticatedRequest, pk: int, member_pk: int) -> HttpResponse:
    person = _own_person(request, pk)
    member = _circle_member_for(request, person, member_pk)
    choice = request.POST.get("access")
    if choice not in ("on", "off"):
        return HttpResponseBadRequest("Choose whether to turn access on or off.")
    try:
        services.set_circle_access(member, by=request.user, has_access=choice == "on", audit=request.audit)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if choice == "on":
            messages.success(request, f"{member.name} can now sign in and see your record.")
        else:
            messages.success(request, f"{member.name} can no longer see your record.")
    return _back_to_record(person)


def _invitation_not_valid(request: HttpRequest) -> HttpResponse:
    context = {"days": services.INVITATION_LIFETIME.days}
    return render(request, "people/invitation_not_valid.jinja", context, status=404)


# The invitation opened in this browser: the token itself is never kept, in the session or the URL.
OPENED_INVITATION = "opened_invitation"
OPENED_OWN_INVITATION = own_invitation_views.OPENED_OWN_INVITATION


@never_cache
@require_GET
def open_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the invitation: used up on the way in, then on to a page without the token."""
    invitation = services.open_invitation(token, audit=of_request(request))
    if invitation is not None:
        request.session[OPENED_INVITATION] = invitation.pk
        return redirect("invitations:accept")
    own = services.open_own_invitation(token, audit=of_request(request))  # the person's own, from their team
    if own is not None:
        request.session[OPENED_OWN_INVITATION] = own.pk
        return redirect("invitations:accept-own")
    return _invitation_not_valid(request)


@never_cache
@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest) -> HttpResponse:
    """Whoever opened a valid link in this browser may set the password it was made for; nothing else."""
    invitation = services.opened_invitation(request.session.get(OPENED_INVITATION))
    if invitation is None:
        return _invitation_not_valid(request)
    member = invitation.circle_member
    assert member.user is not None
    form = AcceptInvitationForm(_posted(request), user=member.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                user = services.accept_invitation(
                    invitation.pk, password=form.cleaned_data["password1"], audit=of_request(request)
                )
            except services.InvitationInvalid:
                return _invitation_not_valid(request)
            login(request, user, backend="livingplan.accounts.backends.UsernameOrEmailBackend")
            request.session.pop(OPENED_INVITATION, None)
            messages.success(request, f"Your password is set. You can now see {member.person.full_name}'s plan.")
            return redirect("home:home")
        status = 400
    else:
        status = 200
    context = {"form": form, "member": member, "person": member.person, "username": member.user.username}
    return render(request, "people/accept_invitation.jinja", context, status=status)


def _waiting_invitation_for(request: AuthenticatedRequest, person: Person, invitation_pk: int) -> CircleInvitation:
    return get_object_or_404(
        CircleInvitation.objects.visible_to(request.user)
        .waiting()
        .filter(circle_member__person=person)
        .select_related("circle_member"),
        pk=invitation_pk,
    )


@login_required
@require_http_methods(["GET", "POST"])
def cancel_invitation(request: AuthenticatedRequest, pk: int, invitation_pk: int) -> HttpResponse:
    """Asks first, because a cancelled link cannot be brought back: the person would send a new one."""
    person = _own_person(request, pk)
    invitation = _waiting_invitation_for(request, person, invitation_pk)
    member = invitation.circle_member
    if request.method == "POST":
        try:
            services.cancel_invitation(invitation, by=request.user, audit=request.audit)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"The invitation for {member.name} is cancelled. The link no longer works.")
        return _back_to_record(person)
    context = {"person": person, "member": member, "invitation": InvitationRow.of(invitation)}
    return render(request, "people/cancel_invitation.jinja", context)


# --- The care team and who the record is shared with ----------------------------------------


@login_required
def add_care_team_member(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = _person_for(request, pk)
    if not rules.can_manage_care_team(request.user, person):
        raise PermissionDenied
    organisations = services.organisations_to_add_from(person, request.user)
    form = CareTeamMemberForm(_posted(request), organisations=organisations)

    def save(data: dict[str, Any]) -> CareTeamMember:
        email = data.pop("email")
        staff = services.staff_to_add(person, by=request.user, email=email, organisation=data["organisation"])
        member = services.add_care_team_member(person, by=request.user, user=staff, audit=request.audit, **data)
        if not services.is_shared_with(person, member.organisation):
            messages.info(
                request,
                f"{member.user.display_name} cannot see the record yet. {person.full_name} has not agreed "
                f"to share it with {member.organisation.name}.",
            )
        return member

    return _record_form(
        request,
        person,
        form,
        title="Add someone to the care team",
        save=save,
        intro=(
            "Adding someone from an organisation the record is not shared with does not let them see it. "
            + (
                "You decide which organisations your record is shared with."
                if rules.is_the_person(request.user, person)
                else f"{person.full_name} decides which organisations {person.pronoun.their} record is shared with."
            )
        ),
    )


@login_required
@require_POST
def set_sharing_consent(request: AuthenticatedRequest, pk: int, org_pk: int) -> HttpResponse:
    person = _own_person(request, pk)
    organisation = get_object_or_404(Organisation.objects.all(), pk=org_pk)
    decision = request.POST.get("decision")
    if decision not in ("give", "withdraw"):
        return HttpResponseBadRequest("Choose whether to share your record or stop sharing it.")
    services.set_sharing_consent(
        person, by=request.user, organisation=organisation, give=decision == "give", audit=request.audit
    )
    if decision == "give":
        messages.success(request, f"Your record is now shared with {organisation.name}.")
    else:
        messages.success(request, f"Your record is no longer shared with {organisation.name}.")
    return _back_to_record(person)
