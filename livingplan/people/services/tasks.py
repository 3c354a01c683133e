"""Things to do for the person's coordinator: raised when a message cannot do its job, marked done
by the coordinator (ADR-032). The outbox tells us through `task_for_message`, registered at start-up."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.notifications import texts
from livingplan.notifications.attention import Attention, Reason
from livingplan.people import rules, task_words
from livingplan.people.models import CommunicationNeeds, ContactChannel, CoordinatorTask, Person, TaskKind

_KIND = {
    Reason.CALL_ASKED_FOR: TaskKind.CALL,
    Reason.NO_CONTACT: TaskKind.NO_CONTACT,
    Reason.NOT_IN_THEIR_LANGUAGE: TaskKind.LANGUAGE,
}


def raise_coordinator_task(
    person: Person,
    *,
    kind: str,
    about: str,
    key: str,
    message_id: int | None = None,
    recipient_name: str = "",
    channel: str = "",
    language: str = "",
) -> CoordinatorTask:
    """A task for whoever is the person's coordinator. Raised by the service itself (no one signs
    in to raise it: the outbox's own trail says why), so it is not audited; marking it done is.
    The same `key` never makes a second task."""
    if kind not in TaskKind.values:
        raise ValueError(f"Not a kind of task: {kind!r}")
    if kind == TaskKind.CALL and _channel(person) != ContactChannel.PHONE:
        raise ValueError("A call is asked for only when the person's recorded channel is a phone call.")
    existing = CoordinatorTask.objects.filter(key=key).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():  # a savepoint: a lost race for the key leaves the caller's transaction usable
            return CoordinatorTask.objects.create(
                person=person,
                kind=kind,
                about=about[:300],
                key=key,
                message_id=message_id,
                recipient_name=recipient_name[:200],
                channel=channel,
                language=language[:60],
            )
    except IntegrityError:
        return CoordinatorTask.objects.get(key=key)


def _channel(person: Person) -> str:
    needs: CommunicationNeeds | None = CommunicationNeeds.objects.filter(person=person).first()
    return needs.preferred_channel if needs else ""


def _is_the_person(person: Person, attention: Attention) -> bool:
    """Whether the message was for the person rather than someone in their circle: by their sign-in,
    or, for someone without one, by the name their messages carry (`messaging.recipient_for_person`)."""
    if attention.recipient_user_id is not None:
        return attention.recipient_user_id == person.user_id
    return attention.recipient_name == person.full_name


def _subject(attention: Attention) -> str:
    template = texts.TEMPLATES.get(attention.template_key)
    if template is None:
        return ""
    for channel in (attention.channel, *template.channels):
        if channel in template.wording and template.wording[channel].subject:
            return texts.render(attention.template_key, channel, attention.personalisation).subject
    return ""


def task_for_message(attention: Attention) -> None:
    """The outbox's handler: a call asked for, nothing to reach someone by, or a message not delivered."""
    person = Person.objects.filter(pk=attention.person_id).first()
    if person is None:  # the record has gone; the outbox's trail outlives it
        return
    kind = _KIND.get(Reason(attention.reason), TaskKind.NOT_DELIVERED)
    if kind == TaskKind.CALL and _channel(person) != ContactChannel.PHONE:
        return  # only ever asked for from the person's own recorded channel; never break the caller's change
    for_person = kind == TaskKind.CALL or _is_the_person(person, attention)
    raise_coordinator_task(
        person,
        kind=kind,
        about=task_words.about_message(attention.template_key, _subject(attention)),
        key=f"{attention.reason.lower()}-{attention.message_id}",
        message_id=attention.message_id,
        recipient_name="" if for_person else attention.recipient_name,
        channel=attention.channel,
        language=attention.language,
    )


@transaction.atomic
def mark_task_done(task: CoordinatorTask, *, by: User, audit: AuditContext | None = None) -> CoordinatorTask:
    """The person's current coordinator says it is done. Done once: a second press changes nothing."""
    if not rules.is_coordinator(by, task.person):
        raise PermissionDenied("Only the person's coordinator can mark this done.")
    if task.kind == TaskKind.COORDINATOR_CHANGE:
        raise ValidationError(f"Answer {task.person.name_to_use}'s request to change coordinator: that marks it done.")
    return _done(task, by=by, audit=audit)


def _done(task: CoordinatorTask, *, by: User, audit: AuditContext | None) -> CoordinatorTask:
    now = timezone.now()
    if CoordinatorTask.objects.filter(pk=task.pk, done_at__isnull=True).update(done_at=now, done_by=by):
        auditor.record(
            "people.coordinator_task.done",
            audit=context_for(by, audit),
            person_id=task.person_id,
            obj=task,
            detail={"kind": task.kind},
        )
    task.refresh_from_db()
    return task


def close_task(key: str, *, by: User, audit: AuditContext | None = None) -> None:
    """What a task asked for has been done by the verb that did it (a request answered): mark it done."""
    task = CoordinatorTask.objects.filter(key=key).first()
    if task is not None:
        _done(task, by=by, audit=audit)
