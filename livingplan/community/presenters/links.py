"""The local things linked to a person's plan, action by action, and the "did it help?" question.

Every row about the person is read through `visible_to(viewer)`, then narrowed to the actions the
person shares with the viewer (`plans.sharing`): a link is seen exactly where its action is.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.community import areas, rules, search
from livingplan.community.models import HelpedAnswer, Resource, ResourceLink
from livingplan.community.presenters.directory import ResourceCard, card, with_tags
from livingplan.core.presenters import date_long
from livingplan.people.models import Person
from livingplan.plans.models import Action
from livingplan.plans.sections import SharingGroup
from livingplan.plans.sharing import groups_visible_to, shared_actions

MAX_CHOICES = 50


@dataclass(frozen=True)
class LinkRow:
    id: int
    resource_id: int
    resource_name: str
    linked_on: str
    said: str  # the answer in words, or where the question is up to
    words: str  # the person's own words with their answer, for those who may see the link
    may_answer: bool  # the person, asked and not yet answered


@dataclass(frozen=True)
class ActionRow:
    id: int
    what: str
    outcome: str
    links: list[LinkRow]


@dataclass(frozen=True)
class PersonLinksPage:
    person: Person
    is_self: bool
    may_link: bool
    actions: list[ActionRow]


def shared_actions_of(person: Person, viewer: User) -> "QuerySet[Action]":
    """The person's actions in the plan that `viewer` may see: visible, accepted, in a shared part."""
    groups = groups_visible_to(viewer, person)
    if SharingGroup.OUTCOMES not in groups:
        return Action.objects.visible_to(viewer).none()
    actions = Action.objects.visible_to(viewer).filter(person=person, outcome__is_active=True)
    return shared_actions(actions, groups).select_related("outcome").order_by("outcome__position", "pk")


def _said(link: ResourceLink, answer: HelpedAnswer | None, today: dt.date) -> str:
    if answer is not None:
        return f"Did it help? {answer.get_answer_display()} (said on {date_long(answer.answered_at)})"
    if link.ask_on > today:
        return f"We will ask whether it helped on {date_long(link.ask_on)}"
    return "Asked whether it helped: no answer yet"


def _row(link: ResourceLink, answer: HelpedAnswer | None, *, is_self: bool) -> LinkRow:
    today = timezone.localdate()
    return LinkRow(
        id=link.pk,
        resource_id=link.resource_id,
        resource_name=link.resource.name,
        linked_on=date_long(link.linked_at),
        said=_said(link, answer, today),
        words=answer.words if answer is not None else "",
        may_answer=is_self and answer is None and link.ask_on <= today,
    )


def person_links_page(person: Person, *, viewer: User) -> PersonLinksPage:
    actions = list(shared_actions_of(person, viewer))
    links = list(
        ResourceLink.objects.visible_to(viewer)
        .filter(person=person, action__in=[a.pk for a in actions])
        .select_related("resource")
    )
    answers = {
        a.link_id: a
        for a in HelpedAnswer.objects.visible_to(viewer).filter(person=person, link__in=[lk.pk for lk in links])
    }
    is_self = rules.may_answer(viewer, person)
    rows = [
        ActionRow(
            id=action.pk,
            what=action.what,
            outcome=action.outcome.text,
            links=[_row(lk, answers.get(lk.pk), is_self=is_self) for lk in links if lk.action_id == action.pk],
        )
        for action in actions
    ]
    return PersonLinksPage(person=person, is_self=is_self, may_link=rules.may_link(viewer, person), actions=rows)


@dataclass(frozen=True)
class ChoosePage:
    person: Person
    action: Action
    summary: str
    cards: list[ResourceCard]


def default_query(person: Person, action: Action) -> search.Query:
    """What an action is about, near where the person lives: the first list offered."""
    return search.Query(need=action.what, district=areas.district(person.postcode))


def choose_page(person: Person, action: Action, query: search.Query) -> ChoosePage:
    found: QuerySet[Resource] = search.find(query) if not query.is_empty else search.running()
    cards = [card(r) for r in with_tags(found)[:MAX_CHOICES]]
    where = f" in {query.district}" if query.district else ""
    summary = f"{len(cards)} found{where}" if cards else f"Nothing found{where}: try other words or another area"
    return ChoosePage(person=person, action=action, summary=summary, cards=cards)


@dataclass(frozen=True)
class QuestionPage:
    person: Person
    link_id: int
    resource_id: int
    resource_name: str
    action_what: str
    too_soon: str  # "" once it may be answered
    answered: str  # what they said, if they already answered


def question_page(person: Person, link: ResourceLink, *, viewer: User) -> QuestionPage:
    answer = HelpedAnswer.objects.visible_to(viewer).filter(link=link).first()
    today = timezone.localdate()
    too_soon = f"We will ask you on {date_long(link.ask_on)}, once you have had time to try it." * (link.ask_on > today)
    return QuestionPage(
        person=person,
        link_id=link.pk,
        resource_id=link.resource_id,
        resource_name=link.resource.name,
        action_what=link.action.what,
        too_soon=too_soon,
        answered=answer.get_answer_display() if answer else "",
    )
