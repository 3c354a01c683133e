"""Whose words are whose (ADR-025): the line under each statement and outcome, who sees a
suggestion waiting, and what changed since it was written. Fixed queries, whatever the plan's size."""

from dataclasses import dataclass
from typing import Any

from django.db import models

from livingplan.accounts.models import User
from livingplan.core.presenters import date_long
from livingplan.people.models import Person
from livingplan.plans import rules
from livingplan.plans.models import ContentEdit, ContributorKind, EditKind, Plan, StatementStatus


@dataclass(frozen=True)
class Viewer:
    """What the viewer is to this plan, for its suggestions and words: worked out once per page,
    in three queries (the care team and circle, the capacity rule, a named writer)."""

    id: int
    is_person: bool
    may_decide: bool
    sees_suggestions: bool  # every suggestion waiting, not only their own
    writes_direct: bool  # their words go straight into the person's own-voice sections
    roles: dict[int, str]  # each contributor's part in the person's life, by user id

    @classmethod
    def of(cls, user: User, person: Person) -> "Viewer":
        is_person = rules.is_the_person(user, person)
        standing = rules.agreement_standing(user, person)
        found, coordinators = _roles(person)
        # Asked even when the answer is already known, so every viewer costs the same queries.
        named = rules.is_named_writer(user, person)
        sees = is_person or standing.may_decide or user.pk in coordinators
        direct = is_person or standing.on_behalf or named
        return cls(user.pk, is_person, standing.may_decide, sees, direct, found)

    def sees(self, item: Any) -> bool:
        """Suggestions waiting show to their author, the person, whoever decides, and the coordinator."""
        if item.status == StatementStatus.ACCEPTED:
            return True
        return item.status == StatementStatus.PROPOSED and (self.sees_suggestions or item.contributed_by_id == self.id)


def _roles(person: Person) -> tuple[dict[int, str], set[int]]:
    """Each contributor's part in the person's life, to say whose words they are, and who
    coordinates: one query."""
    found: dict[int, str] = {}
    coordinators: set[int] = set()
    team = (
        person.care_team.filter(ended_on__isnull=True)
        .order_by()
        .values_list("user_id", "role_description", "is_coordinator")
    )
    circle = (
        person.circle.filter(user__isnull=False).order_by().values_list("user_id", "relationship", models.Value(False))
    )
    for user_id, role, coordinator in circle.union(team, all=True):
        if coordinator:
            coordinators.add(user_id)
            role = role or "coordinator"
        found[user_id] = in_a_sentence(role) if role else "care team"
    return found, coordinators


def in_a_sentence(role: str) -> str:
    """ "Social worker" -> "social worker" after a name; "GP" and "NHS nurse" keep their capitals."""
    return role if role[:2].isupper() else role[:1].lower() + role[1:]


def roles(person: Person) -> dict[int, str]:
    return _roles(person)[0]


def voice_line(item: Any, *, person: Person, viewer: Viewer, roles: dict[int, str]) -> str:
    """ "In Alex's words", "Suggested by Eleri Jones, GP", "Written for Alex by Sam Carter, daughter"."""
    name = person.name_to_use
    if item.contributor_kind == ContributorKind.PERSON:
        return "In your words" if viewer.is_person else f"In {name}'s words"
    mine = item.contributed_by_id == viewer.id
    who = "you" if mine else item.contributed_by.display_name
    if not mine and item.contributed_by_id in roles:
        who = f"{who}, {roles[item.contributed_by_id]}"
    whom = "you" if viewer.is_person else name
    if getattr(item, "written_for", False):
        return f"Written for {whom} by {who}"
    if item.status == StatementStatus.PROPOSED:
        return f"Suggested by {who}"
    if getattr(item, "decided_by_id", None):
        by = "you" if item.decided_by_id == viewer.id else item.decided_by.display_name
        return f"Suggested by {who}, accepted by {by}"
    return f"Added by {who}"


@dataclass(frozen=True)
class LastChange:
    on: str
    by: str
    earlier: str  # the words just before this change


def last_changes(plan: Plan, viewer: Viewer) -> dict[str, LastChange]:
    """The latest change to each item's words, by `about` ("statement:12"): one query."""
    latest: dict[str, Any] = {}
    edits = plan.content_edits.filter(kind=EditKind.EDITED).select_related("edited_by")
    for edit in edits.order_by("edited_at", "pk"):
        latest[edit.about] = edit
    return {
        key: LastChange(
            on=date_long(e.edited_at),
            by="you" if e.edited_by_id == viewer.id else e.edited_by.display_name,
            earlier=e.old_text,
        )
        for key, e in latest.items()
    }


def history(plan: Plan, about: str) -> list[ContentEdit]:
    edits = plan.content_edits.filter(about=about).select_related("edited_by")
    return list(edits.order_by("edited_at", "pk"))
