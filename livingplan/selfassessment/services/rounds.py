"""Assessment rounds: start, invite raters, rate, agree levels, close. One guarded verb each.

Each verb checks who may and what state the round is in before it writes anything, so a refused
request saves nothing (ADR-046).
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from livingplan.accounts.models import Organisation, Team, User
from livingplan.core.audit_context import AuditContext, context_for
from livingplan.core.services import auditor
from livingplan.notifications import outbox
from livingplan.people import messaging
from livingplan.people.models import Person
from livingplan.selfassessment import figures, instrument, rules
from livingplan.selfassessment.models import (
    ROUND_TRANSITIONS,
    AgreedLevel,
    InstrumentVersion,
    Rater,
    RaterKind,
    Rating,
    Round,
    RoundStatus,
    RoundStatusChange,
)

STARTED = "selfassessment.round.started"
INVITED = "selfassessment.rater.invited"
RATED = "selfassessment.rating.saved"
AGREED = "selfassessment.level.agreed"
CLOSED = "selfassessment.round.closed"

NOT_ADMIN = "Only an admin of the organisation being assessed can do this."
NOT_INVITED = (
    "You have not been invited to rate in this round. Ask the organisation's admin if you think you should be."
)
ROUND_CLOSED = "This round has closed, so its ratings and agreed levels can no longer change."


def _guard_manager(round_: Round, by: User) -> None:
    if not rules.can_manage(by, round_):
        raise PermissionDenied(NOT_ADMIN)


def _guard_open(round_: Round) -> None:
    if not round_.is_open:
        raise ValidationError(ROUND_CLOSED)


def _check_area(round_: Round, area_id: str) -> instrument.Area:
    area = round_.instrument.instrument.area(area_id)
    if area is None:
        raise ValidationError(f"There is no area '{area_id}' in this version of the self-assessment")
    return area


def _check_level(level: int) -> None:
    if not 1 <= level <= instrument.LEVELS:
        raise ValidationError({"level": f"Choose a level from 1 to {instrument.LEVELS}"})


def start_round(
    organisation: Organisation,
    *,
    by: User,
    title: str,
    version: InstrumentVersion,
    team: Team | None = None,
    started_on: dt.date | None = None,
    audit: AuditContext | None = None,
) -> Round:
    if not rules.is_admin_of(by, organisation):
        raise PermissionDenied(NOT_ADMIN)
    if version.organisation_id not in (None, organisation.pk):
        raise ValidationError({"version": "Choose a version of the self-assessment your organisation can use"})
    if team is not None and team.organisation_id != organisation.pk:
        raise ValidationError({"team": "Choose one of your organisation's teams"})
    if not title.strip():
        raise ValidationError({"title": "Enter a name for the round"})
    with transaction.atomic():
        found = Round.objects.create(
            organisation=organisation,
            team=team,
            instrument=version,
            title=title.strip(),
            started_by=by,
            started_on=started_on or timezone.localdate(),
            figures=figures.freeze(organisation),
        )
        RoundStatusChange.objects.create(round=found, to_status=RoundStatus.OPEN, changed_by=by)
        auditor.record(STARTED, audit=context_for(by, audit), obj=found, detail={"version": version.version})
    return found


def invite_rater(round_: Round, *, by: User, user: User, kind: str, audit: AuditContext | None = None) -> Rater:
    _guard_manager(round_, by)
    _guard_open(round_)
    if kind not in RaterKind.values:
        raise ValidationError({"kind": "Choose what kind of rater they are"})
    if round_.raters.filter(user=user).exists():
        raise ValidationError({"username": f"{user.display_name} is already invited to this round"})
    with transaction.atomic():
        rater = Rater.objects.create(round=round_, user=user, kind=kind, invited_by=by)
        auditor.record(INVITED, audit=context_for(by, audit), obj=rater, detail={"kind": kind})
        _tell_invited(rater)
    return rater


def _tell_invited(rater: Rater) -> None:
    """The invitation, by email, in the same transaction as the invitation itself."""
    user = rater.user
    person = Person.objects.filter(user=user).first()  # someone with a plan is reached as they asked
    to = messaging.recipient_for_user(person, user) if person else messaging.recipient_for_staff(user)
    outbox.queue(
        template="selfassessment_invited",
        to=to,
        personalisation={
            "first_name": to.first_name,
            "organisation": rater.round.organisation.name,
            "link": messaging.link(reverse("selfassessment:round", args=[rater.round_id])),
        },
        key=f"selfassessment-invited-{rater.pk}",
    )


def save_rating(
    round_: Round, *, by: User, area_id: str, level: int, evidence: str = "", audit: AuditContext | None = None
) -> Rating:
    """Save (or change) `by`'s level and evidence for one area; they may come back to it while the round is open."""
    rater = rules.rater_for(by, round_)
    if rater is None:
        raise PermissionDenied(NOT_INVITED)
    _guard_open(round_)
    _check_area(round_, area_id)
    _check_level(level)
    with transaction.atomic():
        rating, _ = Rating.objects.update_or_create(
            rater=rater, area_id=area_id, defaults={"level": level, "evidence": evidence.strip()}
        )
        auditor.record(RATED, audit=context_for(by, audit), obj=rating, detail={"area": area_id, "level": level})
    return rating


def agree_level(
    round_: Round, *, by: User, area_id: str, level: int, reason: str, audit: AuditContext | None = None
) -> AgreedLevel:
    """Record the level the group agreed for an area, and why; a later agreement for the area stands instead."""
    _guard_manager(round_, by)
    _guard_open(round_)
    _check_area(round_, area_id)
    _check_level(level)
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the group agreed this level"})
    with transaction.atomic():
        agreed = AgreedLevel.objects.create(
            round=round_, area_id=area_id, level=level, reason=reason.strip(), agreed_by=by
        )
        auditor.record(AGREED, audit=context_for(by, audit), obj=agreed, detail={"area": area_id, "level": level})
    return agreed


def close_round(
    round_: Round, *, by: User, closed_on: dt.date | None = None, audit: AuditContext | None = None
) -> Round:
    """Close the round for good. `closed_on` is for a round held on paper and recorded afterwards."""
    _guard_manager(round_, by)
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round_.pk)
        if RoundStatus.CLOSED not in ROUND_TRANSITIONS[locked.status]:
            raise ValidationError(ROUND_CLOSED)
        RoundStatusChange.objects.create(
            round=locked, from_status=locked.status, to_status=RoundStatus.CLOSED, changed_by=by
        )
        locked.status = RoundStatus.CLOSED
        locked.closed_on = closed_on or timezone.localdate()
        locked.save(update_fields=["status", "closed_on"])
        auditor.record(CLOSED, audit=context_for(by, audit), obj=locked)
    round_.refresh_from_db()
    return round_
