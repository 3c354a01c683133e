"""The coordinator page: who coordinates now, how they came to, and what the viewer may do about it."""

import datetime as dt
from dataclasses import dataclass

from livingplan.accounts.models import User
from livingplan.core.presenters import date_long
from livingplan.core.viewer import Viewer
from livingplan.people import rules as people_rules
from livingplan.people import services as people
from livingplan.people.models import (
    CareTeamMember,
    CoordinatorChangeAnswer,
    CoordinatorChangeRequest,
    CoordinatorChoice,
    CoordinatorSuggestion,
    Person,
)


def member_label(member: CareTeamMember) -> str:
    role = f", {member.role_description}" if member.role_description else ""
    return f"{member.user.display_name}{role} ({member.organisation.name})"


def team_choices(viewer: Viewer, person: Person, *, but_not_coordinator: bool = False) -> list[tuple[str, str]]:
    team = (
        CareTeamMember.objects.visible_to(viewer)
        .filter(person=person, ended_on__isnull=True)
        .select_related("user", "organisation")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    return [(str(m.pk), member_label(m)) for m in team if not (but_not_coordinator and m.is_coordinator)]


def team_member(viewer: Viewer, person: Person, member_pk: str) -> CareTeamMember | None:
    """The care team member a form named, read as `viewer`; None for an empty choice."""
    if not member_pk:
        return None
    return (
        CareTeamMember.objects.visible_to(viewer)
        .filter(person=person, pk=int(member_pk) if member_pk.isdigit() else 0)
        .select_related("user")
        .first()
    )


@dataclass(frozen=True)
class Happened:
    on: str
    words: str


@dataclass(frozen=True)
class CoordinatorPage:
    person: Person
    is_self: bool
    current: str  # "Priya Shah, Social worker (Northbridge Council)", or ""
    history: list[Happened]
    suggestion: str
    may_choose: bool
    may_suggest: bool
    may_ask_to_change: bool
    open_request_id: int | None
    may_answer: bool

    @property
    def title(self) -> str:
        return "Your coordinator" if self.is_self else f"{self.person.name_to_use}'s coordinator"

    @classmethod
    def build(cls, viewer: User, person: Person) -> "CoordinatorPage":
        current = (
            CareTeamMember.objects.visible_to(viewer)
            .filter(person=person, is_coordinator=True, ended_on__isnull=True)
            .select_related("user", "organisation")
            .first()
        )
        chosen = CoordinatorChoice.objects.visible_to(viewer).filter(person=person).exists()
        waiting = CoordinatorChangeRequest.objects.visible_to(viewer).filter(person=person, answer__isnull=True).first()
        is_self = people_rules.is_the_person(viewer, person)
        speaks = people.may_speak_for_the_team(viewer, person)
        suggestion = (
            CoordinatorSuggestion.objects.visible_to(viewer)
            .filter(person=person)
            .select_related("member__user", "suggested_by")
            .order_by("-suggested_at", "-pk")
            .first()
        )
        return cls(
            person=person,
            is_self=is_self,
            current=member_label(current) if current else "",
            history=_history(viewer, person),
            suggestion=(
                f"{suggestion.suggested_by.display_name} suggested {suggestion.member.user.display_name}."
                if suggestion and not chosen
                else ""
            ),
            may_choose=not chosen and (is_self or (person.user_id is None and speaks)),
            may_suggest=not chosen and speaks,
            may_ask_to_change=is_self and chosen and waiting is None,
            open_request_id=waiting.pk if waiting else None,
            may_answer=speaks and waiting is not None,
        )


def _history(viewer: Viewer, person: Person) -> list[Happened]:
    """Who chose, who asked and how each request was answered, newest first."""
    found: list[tuple[dt.datetime, Happened]] = []
    for choice in (
        CoordinatorChoice.objects.visible_to(viewer).filter(person=person).select_related("member__user", "chosen_by")
    ):
        who = f"recorded by {choice.chosen_by.display_name} for {person.name_to_use}" if choice.for_the_person else ""
        words = f"{person.name_to_use} chose {choice.member.user.display_name}" + (f", {who}" if who else "")
        if choice.accepted_suggestion_id:
            words += " (as suggested)"
        found.append((choice.chosen_at, Happened(date_long(choice.chosen_at), words + ".")))
    for request in (
        CoordinatorChangeRequest.objects.visible_to(viewer).filter(person=person).select_related("wanted__user")
    ):
        wanted = f", naming {request.wanted.user.display_name}" if request.wanted else ""
        reason = f": “{request.reason}”" if request.reason else ""
        words = f"{person.name_to_use} asked to change coordinator{wanted}{reason}."
        found.append((request.asked_at, Happened(date_long(request.asked_at), words)))
    for answer in (
        CoordinatorChangeAnswer.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("answered_by", "new_member__user")
    ):
        if answer.accepted and answer.new_member is not None:
            new = answer.new_member.user.display_name
            words = f"{answer.answered_by.display_name} accepted: the coordinator is now {new}."
        else:
            words = f"{answer.answered_by.display_name} declined, because: “{answer.reason}”"
        found.append((answer.answered_at, Happened(date_long(answer.answered_at), words)))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [happened for _, happened in found]
