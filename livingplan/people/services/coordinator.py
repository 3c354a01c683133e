"""Choosing a coordinator: the person chooses from their care team (or accepts a suggestion), and
may ask to change; the request is answered, accepted with the new coordinator or declined with a
reason the person sees. Each step is an append-only row, audited.

`set_current_coordinator` is the one write path for `CareTeamMember.is_coordinator`: adding a member
as coordinator (`care_team.py`), the person's choice and an accepted request all go through it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse

from livingplan.accounts.models import Membership, User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.notifications import outbox
from livingplan.people import messaging, rules
from livingplan.people.models import (
    CareTeamMember,
    CoordinatorChangeAnswer,
    CoordinatorChangeRequest,
    CoordinatorChoice,
    CoordinatorSuggestion,
    Person,
    TaskKind,
)
from livingplan.people.services import tasks


def set_current_coordinator(member: CareTeamMember) -> CareTeamMember:
    """Make `member` the person's one current coordinator; the previous one stays on the team.

    Callers guard and audit; this keeps the one-current-coordinator constraint true in one place."""
    team = CareTeamMember.objects.select_for_update().filter(person_id=member.person_id, ended_on__isnull=True)
    # Only the flag moves: no history is kept on these rows (the choices and answers are the history).
    team.filter(is_coordinator=True).exclude(pk=member.pk).update(is_coordinator=False)
    if not member.is_coordinator:
        member.is_coordinator = True
        member.save(update_fields=["is_coordinator"])
    return member


def may_speak_for_the_team(by: User, person: Person) -> bool:
    """Suggests a coordinator and answers requests: their current coordinator, or someone on their
    care team who works for the council leading on them. Never the person themself."""
    if rules.is_the_person(by, person):
        return False
    if rules.is_coordinator(by, person):
        return True
    return rules.is_on_care_team(by, person) and (
        Membership.objects.filter(user_id=by.pk, organisation_id=person.lead_organisation_id).exists()
    )


def _on_the_team(person: Person, member: CareTeamMember) -> CareTeamMember:
    found = CareTeamMember.objects.filter(pk=member.pk, person=person, ended_on__isnull=True).first()
    if found is None:
        raise ValidationError({"member": "Select someone on the care team"})
    return found


@transaction.atomic
def suggest_coordinator(
    person: Person, *, by: User, member: CareTeamMember, audit: AuditContext | None = None
) -> CoordinatorSuggestion:
    if not may_speak_for_the_team(by, person):
        raise PermissionDenied(f"Only {person.name_to_use}'s care team at their council can suggest a coordinator.")
    member = _on_the_team(person, member)
    suggestion = CoordinatorSuggestion.objects.create(person=person, member=member, suggested_by=by)
    auditor.record(
        "people.coordinator.suggested",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=suggestion,
        detail={"member": member.user.display_name},
    )
    return suggestion


def has_chosen(person: Person) -> bool:
    return CoordinatorChoice.objects.filter(person=person).exists()


@transaction.atomic
def choose_coordinator(
    person: Person, *, by: User, member: CareTeamMember, audit: AuditContext | None = None
) -> CoordinatorChoice:
    """The person chooses, once; afterwards they ask to change. Staff record the choice only for
    someone who does not sign in."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    is_self = rules.is_the_person(by, person)
    if not is_self and not (person.user_id is None and may_speak_for_the_team(by, person)):
        raise PermissionDenied(f"Only {person.name_to_use} can choose their coordinator.")
    if has_chosen(person):
        raise ValidationError("A coordinator has already been chosen. Ask to change coordinator instead.")
    member = _on_the_team(person, member)
    suggestion = CoordinatorSuggestion.objects.filter(person=person).order_by("-suggested_at", "-pk").first()
    choice = CoordinatorChoice.objects.create(
        person=person,
        member=member,
        chosen_by=by,
        for_the_person=not is_self,
        accepted_suggestion=suggestion if suggestion is not None and suggestion.member_id == member.pk else None,
    )
    set_current_coordinator(member)
    auditor.record(
        "people.coordinator.chosen",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=choice,
        detail={"member": member.user.display_name, "suggested": choice.accepted_suggestion_id is not None},
    )
    return choice


def open_request(person: Person) -> CoordinatorChangeRequest | None:
    return CoordinatorChangeRequest.objects.filter(person=person, answer__isnull=True).first()


@transaction.atomic
def ask_to_change_coordinator(
    person: Person,
    *,
    by: User,
    wanted: CareTeamMember | None = None,
    reason: str = "",
    audit: AuditContext | None = None,
) -> CoordinatorChangeRequest:
    person = Person.objects.select_for_update().get(pk=person.pk)
    if not rules.is_the_person(by, person):
        raise PermissionDenied(f"Only {person.name_to_use} can ask to change their coordinator.")
    if open_request(person) is not None:
        raise ValidationError("You have already asked to change your coordinator. You will be told the answer.")
    if wanted is not None:
        wanted = _on_the_team(person, wanted)
        if wanted.is_coordinator:
            raise ValidationError({"wanted": f"{wanted.user.display_name} is already your coordinator"})
    request = CoordinatorChangeRequest.objects.create(person=person, asked_by=by, wanted=wanted, reason=reason.strip())
    auditor.record("people.coordinator.change_asked", audit=context_for(by, audit), person_id=person.pk, obj=request)
    # On their coordinator's "Things to do" until it is answered (by them, or the council's team).
    tasks.raise_coordinator_task(
        person,
        kind=TaskKind.COORDINATOR_CHANGE,
        about=wanted.user.display_name if wanted else "",
        key=_task_key(request),
    )
    return request


def _task_key(request: CoordinatorChangeRequest) -> str:
    return f"coordinator-change-{request.pk}"


@transaction.atomic
def answer_coordinator_request(
    request: CoordinatorChangeRequest,
    *,
    by: User,
    accept: bool,
    new_member: CareTeamMember | None = None,
    reason: str = "",
    audit: AuditContext | None = None,
) -> CoordinatorChangeAnswer:
    request = CoordinatorChangeRequest.objects.select_for_update().select_related("person").get(pk=request.pk)
    person = request.person
    if not may_speak_for_the_team(by, person):
        raise PermissionDenied(f"Only {person.name_to_use}'s care team at their council can answer this request.")
    if CoordinatorChangeAnswer.objects.filter(request=request).exists():
        raise ValidationError("This request has already been answered.")
    if accept:
        if new_member is None:
            raise ValidationError({"new_member": "Select the new coordinator"})
        new_member = _on_the_team(person, new_member)
        if new_member.is_coordinator:
            raise ValidationError({"new_member": f"{new_member.user.display_name} is already the coordinator"})
    elif not reason.strip():
        raise ValidationError({"reason": f"Enter the reason, which {person.name_to_use} will see"})
    answer = CoordinatorChangeAnswer.objects.create(
        person=person,
        request=request,
        answered_by=by,
        accepted=accept,
        new_member=new_member if accept else None,
        reason=reason.strip(),
    )
    tasks.close_task(_task_key(request), by=by, audit=audit)
    if accept and new_member is not None:
        set_current_coordinator(new_member)
    auditor.record(
        "people.coordinator.change_accepted" if accept else "people.coordinator.change_declined",
        audit=context_for(by, audit),
        person_id=person.pk,
        obj=answer,
        detail={"member": new_member.user.display_name} if accept and new_member else {},
    )
    # Told in the same transaction that it was answered; the answer itself is read behind sign-in.
    to = messaging.recipient_for_person(person)
    outbox.queue(
        template="coordinator_request_answered",
        to=to,
        # The page is the journeys app's (above us in the layers), found by its URL name, not imported.
        personalisation={
            "first_name": to.first_name,
            "link": messaging.link(reverse("journeys:coordinator", args=[person.pk])),
        },
        key=f"coordinator-request-answered-{answer.pk}",
        person_id=person.pk,
    )
    return answer
