"""What the person's record page shows."""

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from django.core.paginator import InvalidPage, Paginator
from django.db.models import QuerySet
from django.utils import timezone

from livingplan.accounts.models import Organisation, User
from livingplan.core.models import AuditEvent
from livingplan.core.numbers import whole_number
from livingplan.core.presenters import date_long, time_short
from livingplan.people import nhs_number, rules, services
from livingplan.people.models import (
    Advocacy,
    CapacityAssessment,
    CareTeamMember,
    CircleInvitation,
    CircleMember,
    CommunicationNeeds,
    LegalAuthority,
    OwnInvitation,
    Person,
    SharingConsent,
)
from livingplan.people.record_parts import RecordPart, parts_visible_to
from livingplan.people.trail_words import describe


@dataclass(frozen=True)
class InvitationRow:
    """An invitation still waiting to be accepted, as the person's record page lists it."""

    pk: int
    member_name: str
    sent_on: str
    stops_working_on: str
    opened: bool

    @classmethod
    def of(cls, invitation: CircleInvitation) -> "InvitationRow":
        return cls(
            pk=invitation.pk,
            member_name=invitation.circle_member.name,
            sent_on=date_long(invitation.created_at),
            stops_working_on=date_long(invitation.expires_at),
            opened=invitation.opened_at is not None,
        )


@dataclass(frozen=True)
class CircleRow:
    """Someone in the circle, and whether they can sign in already (so the person is offered to turn
    their access back on rather than invite them)."""

    pk: int
    name: str
    relationship: str
    is_carer: bool
    has_access: bool
    can_sign_in: bool

    @classmethod
    def of(cls, member: CircleMember) -> "CircleRow":
        return cls(
            pk=member.pk,
            name=member.name,
            relationship=member.relationship,
            is_carer=member.is_carer,
            has_access=member.has_access,
            can_sign_in=member.user is not None and member.user.has_usable_password(),
        )


@dataclass(frozen=True)
class RecordWords:
    """The page speaks to the person about their own record ("you", "your") and to anyone else
    about the person by the name they use."""

    title: str  # "Your record" or their full name
    caption: str  # "Your record" or "Person"
    plan_link: str  # "Your plan" or "Plan"
    they_are: str  # "You are" or "Alex is"
    their: str  # "your" or "Alex's"
    they_have: str  # "you have" or "Alex has"
    the_record: str  # "your" or "the"

    @classmethod
    def for_(cls, person: Person, *, is_self: bool) -> "RecordWords":
        if is_self:
            return cls("Your record", "Your record", "Your plan", "You are", "your", "you have", "your")
        name = person.name_to_use
        return cls(person.full_name, "Person", "Plan", f"{name} is", f"{name}'s", f"{name} has", "the")


@dataclass
class RecordPage:
    person: Person
    is_self: bool
    can_edit: bool
    care_team: list[CareTeamMember]
    circle: list[CircleRow]
    communication: CommunicationNeeds | None
    capacity: list[CapacityAssessment]
    advocacy: Advocacy | None
    legal: list[LegalAuthority]
    can_manage_care_team: bool = False
    shared_with: list[Organisation] = field(default_factory=list)
    waiting_invitations: list[InvitationRow] = field(default_factory=list)
    # The record parts the reader may see (people/record_parts.py): without them, name and contact only.
    parts: frozenset[str] = frozenset(RecordPart)
    # For their care team at the council, while the person cannot sign in: invite them (ADR-048).
    may_invite_to_sign_in: bool = False
    own_invitation_until: str = ""  # "14 December 2026" while a link sent to them still works

    @property
    def words(self) -> RecordWords:
        return RecordWords.for_(self.person, is_self=self.is_self)

    @classmethod
    def build(cls, person: Person, viewer: User) -> "RecordPage":
        """Everything the record page shows, in the same number of queries however many people are
        in the circle or on the care team. What is not shared is not read at all, so it cannot
        reach the page by mistake."""
        parts = parts_visible_to(viewer, person)
        shows_capacity = RecordPart.CAPACITY in parts
        is_self = rules.is_the_person(viewer, person)
        may_invite = (
            not is_self and not services.can_sign_in(person) and services.may_speak_for_the_team(viewer, person)
        )
        waiting = (
            OwnInvitation.objects.visible_to(viewer).waiting().filter(person=person).first() if may_invite else None
        )
        return cls(
            person=person,
            may_invite_to_sign_in=may_invite,
            own_invitation_until=date_long(timezone.localdate(waiting.expires_at)) if waiting else "",
            parts=parts,
            is_self=is_self,
            can_edit=rules.can_edit_record(viewer, person),
            can_manage_care_team=rules.can_manage_care_team(viewer, person),
            care_team=list(
                CareTeamMember.objects.visible_to(viewer)
                .filter(person=person, ended_on__isnull=True)
                .select_related("user", "organisation")
            ),
            # The sign-in comes with each member: "can they sign in" is asked of every row.
            circle=[
                CircleRow.of(member)
                for member in CircleMember.objects.visible_to(viewer).filter(person=person).select_related("user")
            ],
            waiting_invitations=[
                InvitationRow.of(invitation)
                for invitation in CircleInvitation.objects.visible_to(viewer)
                .waiting()
                .filter(circle_member__person=person)
                .select_related("circle_member")
            ],
            communication=CommunicationNeeds.objects.visible_to(viewer).filter(person=person).first(),
            capacity=list(
                CapacityAssessment.objects.visible_to(viewer).filter(person=person).select_related("assessed_by")
            )
            if shows_capacity
            else [],
            advocacy=Advocacy.objects.visible_to(viewer).filter(person=person).first() if shows_capacity else None,
            legal=list(LegalAuthority.objects.visible_to(viewer).filter(person=person).select_related("held_by"))
            if shows_capacity
            else [],
            shared_with=[
                consent.organisation
                for consent in SharingConsent.objects.visible_to(viewer)
                .filter(person=person, withdrawn_at__isnull=True)
                .select_related("organisation")
            ],
        )

    @property
    def shows_personal_details(self) -> bool:
        return RecordPart.PERSONAL_DETAILS in self.parts

    @property
    def shows_capacity(self) -> bool:
        return RecordPart.CAPACITY in self.parts

    @property
    def nhs_number(self) -> str:
        return nhs_number.formatted(self.person.nhs_number) if self.person.nhs_number else "Not recorded"

    @property
    def organisations_involved(self) -> list[str]:
        return sorted({m.organisation.name for m in self.care_team})

    @property
    def shared_with_names(self) -> list[str]:
        return sorted(org.name for org in self.shared_with)

    @property
    def consent_choices(self) -> list[tuple[Organisation, bool]]:
        """Every organisation the person may decide about: the lead council, the care team's, and any shared."""
        shared = {org.pk for org in self.shared_with}
        orgs = {self.person.lead_organisation.pk: self.person.lead_organisation}
        orgs.update({m.organisation.pk: m.organisation for m in self.care_team})
        orgs.update({org.pk: org for org in self.shared_with})
        return [(org, org.pk in shared) for org in sorted(orgs.values(), key=lambda o: o.name)]

    @property
    def care_team_without_consent(self) -> list[CareTeamMember]:
        shared = {org.pk for org in self.shared_with}
        return [m for m in self.care_team if m.organisation_id not in shared]


TRAIL_PAGE_SIZE = 50


@dataclass(frozen=True)
class TrailPage:
    """One page of "who has looked at my record", newest first, and the NHS pagination around it."""

    events: list[AuditEvent]
    days: list["TrailDay"]
    number: int
    pages: int
    total: int
    items: list[dict[str, Any]]
    previous_url: str | None
    next_url: str | None

    @classmethod
    def of(cls, events: QuerySet[AuditEvent], number: str, url: str, *, viewer_id: int) -> "TrailPage | None":
        """`number` as typed in the URL, from 1; None if it is not ASCII digits or past the end."""
        if whole_number(number, maximum=10**9) is None:
            return None
        # Newest first, and the id breaks ties so no row falls between two pages.
        paginator = Paginator(events.order_by("-occurred_at", "-pk"), TRAIL_PAGE_SIZE)
        try:
            page = paginator.page(int(number))
        except InvalidPage:
            return None

        def href(n: int) -> str:
            return url if n == 1 else f"{url}?page={n}"

        items: list[dict[str, Any]] = [
            {"number": n, "href": href(n), "current": n == page.number} if isinstance(n, int) else {"ellipsis": True}
            for n in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        ]
        events_here = list(page.object_list)
        return cls(
            events=events_here,
            days=_by_day(events_here, viewer_id),
            number=page.number,
            pages=paginator.num_pages,
            total=paginator.count,
            items=items if paginator.num_pages > 1 else [],
            previous_url=href(page.number - 1) if page.has_previous() else None,
            next_url=href(page.number + 1) if page.has_next() else None,
        )


@dataclass(frozen=True)
class TrailEntry:
    time: str
    who: str
    organisation: str
    what: str


@dataclass(frozen=True)
class TrailDay:
    heading: str  # "Today", "Yesterday" or "3 March 2026"
    entries: list[TrailEntry]


def _by_day(events: list[AuditEvent], viewer_id: int) -> list[TrailDay]:
    today = timezone.localdate()
    days: list[TrailDay] = []
    for day, on_day in groupby(events, key=lambda event: timezone.localtime(event.occurred_at).date()):
        heading = {today: "Today", today - dt.timedelta(days=1): "Yesterday"}.get(day) or date_long(day)
        entries = [
            TrailEntry(
                time=time_short(event.occurred_at),
                who="You" if event.actor_id == viewer_id else event.actor.display_name,
                organisation=event.actor_organisation,
                what=describe(event.action, event.detail),
            )
            for event in on_day
        ]
        days.append(TrailDay(heading=heading, entries=entries))
    return days
