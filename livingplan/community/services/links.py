"""Linking an action in a person's plan to something local, and the person's "did it help?" answer."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.community import rules
from livingplan.community.models import Helped, HelpedAnswer, Resource, ResourceLink
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.plans.models import Action
from livingplan.plans.sharing import action_is_shared, groups_visible_to

LINKED = "community.link.added"
ANSWERED = "community.link.answered"
WORDS_MAX = 2000


def ask_after() -> dt.timedelta:
    return dt.timedelta(weeks=settings.COMMUNITY_ASK_AFTER_WEEKS)


def may_see_action(user: User, action: Action) -> bool:
    """The action is in the plan (its outcome accepted) and in a part of it shared with `user`."""
    person = action.person
    visible = Action.objects.visible_to(user).filter(pk=action.pk, outcome__is_active=True).exists()
    return visible and action_is_shared(action.layer, groups_visible_to(user, person))


@transaction.atomic
def link_resource(action: Action, resource: Resource, *, by: User, audit: AuditContext | None = None) -> ResourceLink:
    """Point `action` at `resource`; the person is asked whether it helped `COMMUNITY_ASK_AFTER_WEEKS` later."""
    person = action.person
    if not may_see_action(by, action) or not rules.may_link(by, person):
        raise PermissionDenied("Only the person, their circle and their care team link their plan's actions.")
    if not resource.is_active:
        raise ValidationError({"resource": f"{resource.name} is not running at the moment: choose another"})
    try:
        with transaction.atomic():
            link = ResourceLink.objects.create(
                person_id=person.pk,
                action=action,
                resource=resource,
                linked_by=by,
                ask_on=timezone.localdate() + ask_after(),
            )
    except IntegrityError:
        raise ValidationError({"resource": f"{resource.name} is already linked to this action"}) from None
    auditor.record(
        LINKED, audit=context_for(by, audit), person_id=person.pk, obj=link, detail={"resource": resource.pk}
    )
    return link


@transaction.atomic
def answer_did_it_help(
    link: ResourceLink, *, by: User, answer: str, words: str = "", audit: AuditContext | None = None
) -> HelpedAnswer:
    """The person says whether it helped: once, and only once they have been asked."""
    if not rules.may_answer(by, link.person):
        raise PermissionDenied("Only the person says whether something helped them.")
    if answer not in Helped.values:
        raise ValidationError({"answer": "Select yes, a bit or no"})
    words = (words or "").strip()
    if len(words) > WORDS_MAX or "\x00" in words:
        raise ValidationError({"words": f"Your words must be {WORDS_MAX} characters or fewer, in plain text"})
    if link.ask_on > timezone.localdate():
        raise ValidationError("It is too soon to say: we will ask you once you have had time to try it.")
    if HelpedAnswer.objects.filter(link=link).exists():
        raise ValidationError("You have already told us whether this helped. Thank you.")
    saved = HelpedAnswer.objects.create(
        person_id=link.person_id, link=link, resource_id=link.resource_id, answer=answer, words=words, answered_by=by
    )
    # The words stay out of the audit trail's detail: they are the person's own, kept on the answer.
    auditor.record(
        ANSWERED, audit=context_for(by, audit), person_id=link.person_id, obj=saved, detail={"answer": answer}
    )
    return saved
