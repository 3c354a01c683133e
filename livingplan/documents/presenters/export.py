"""The subject access export's files: JSON shaped by pure functions from the rows
`subject_access.load_subject_access` read, and a plain-English README naming what is there."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.core.models import AuditEvent
from livingplan.core.presenters import date_long
from livingplan.documents.presenters.subject_access import SubjectAccess
from livingplan.notifications.models import OutboxMessage
from livingplan.people.models import Person
from livingplan.people.task_words import task_words
from livingplan.plans.models import PlanVersion


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """ISO 8601; date-times in UK local time with their offset, to the second."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def user_name(user: User | None) -> str | None:
    """The name a person knows somebody by; never their username or account id."""
    if user is None:
        return None
    return user.display_name


def _personal_details(data: SubjectAccess) -> dict[str, Any]:
    p = data.person
    if not data.personal_details:
        return {}
    return {
        "date_of_birth": iso(p.date_of_birth),
        "nhs_number": p.nhs_number,
        "address": p.address,
        "postcode": p.postcode,
        "gp_practice": p.gp_practice.name if p.gp_practice else None,
    }


def record_json(data: SubjectAccess) -> dict[str, Any]:
    p = data.person
    needs = data.communication
    return {
        "person": {
            "given_name": p.given_name,
            "family_name": p.family_name,
            "preferred_name": p.preferred_name,
            "pronouns": p.pronouns,
            "phone": p.phone,
            "email": p.email,
            **_personal_details(data),
            "lead_organisation": p.lead_organisation.name,
            "record_created_at": iso(p.created_at),
        },
        "communication_needs": None
        if needs is None
        else {
            "information_format": needs.get_information_format_display(),
            "preferred_channel": needs.get_preferred_channel_display(),
            "language": needs.language,
            "needs_interpreter": needs.needs_interpreter,
            "times_to_avoid": needs.times_to_avoid,
            "other_needs": needs.other_needs,
            "updated_at": iso(needs.updated_at),
        },
        "capacity_assessments": [
            {
                "decision_kind": c.get_decision_kind_display(),
                "decision": c.decision,
                "outcome": c.get_outcome_display(),
                "assessed_by": user_name(c.assessed_by),
                "assessed_on": iso(c.assessed_on),
                "notes": c.notes,
                "best_interests_decision": c.best_interests_decision,
                "recorded_on": iso(c.recorded_on),
            }
            for c in data.capacity
        ],
        "advocacy": None
        if data.advocacy is None
        else {
            "is_needed": data.advocacy.is_needed,
            "reason": data.advocacy.reason,
            "advocate_name": data.advocacy.advocate_name,
            "advocate_organisation": data.advocacy.advocate_organisation,
            "advocate_contact": data.advocacy.advocate_contact,
        },
        "legal_authorities": [
            {
                "kind": a.get_kind_display(),
                "name": a.name,
                "contact": a.contact,
                "registered_on": iso(a.registered_on),
                # The account they sign in with to act for the person, if one is linked.
                "signs_in_as": user_name(a.held_by),
            }
            for a in data.legal
        ],
        "care_team": [
            {
                "name": user_name(m.user),
                "organisation": m.organisation.name,
                "role": m.role_description,
                "is_coordinator": m.is_coordinator,
                "started_on": iso(m.started_on),
                "ended_on": iso(m.ended_on),
            }
            for m in data.care_team
        ],
        "circle": [
            {
                "name": c.name,
                "relationship": c.relationship,
                "phone": c.phone,
                "email": c.email,
                "is_carer": c.is_carer,
                "has_a_sign_in": c.user_id is not None,
                "can_sign_in_and_see_plan": c.has_access,
            }
            for c in data.circle
        ],
        "circle_invitations": [
            {
                "for": i.circle_member.name,
                "sent_by": user_name(i.created_by),
                "sent_at": iso(i.created_at),
                "expires_at": iso(i.expires_at),
                "opened_at": iso(i.opened_at),
                "accepted_at": iso(i.accepted_at),
                "cancelled_at": iso(i.cancelled_at),
            }
            for i in data.invitations
        ],
        # Links your care team sent you to choose a password (ADR-048); never the link itself.
        "invitations_to_you_to_sign_in": [
            {
                "sent_by": user_name(i.created_by),
                "sent_at": iso(i.created_at),
                "expires_at": iso(i.expires_at),
                "opened_at": iso(i.opened_at),
                "accepted_at": iso(i.accepted_at),
                "cancelled_at": iso(i.cancelled_at),
            }
            for i in data.own_invitations
        ],
        "things_your_coordinator_was_asked_to_do": [
            {
                "kind": t.get_kind_display(),
                "what": task_words(
                    kind=t.kind,
                    about=t.about,
                    name=p.name_to_use,
                    pronouns=p.pronoun,
                    recipient_name=t.recipient_name,
                    channel=t.channel,
                    language=t.language,
                ),
                "their_language_when_sent_in_english": t.language,
                "raised_at": iso(t.created_at),
                "done_at": iso(t.done_at),
                "done_by": user_name(t.done_by),
            }
            for t in data.coordinator_tasks
        ],
        "sharing_consents": [
            {"organisation": c.organisation.name, "given_at": iso(c.given_at), "withdrawn_at": iso(c.withdrawn_at)}
            for c in data.consents
        ],
    }


def version_json(version: PlanVersion) -> dict[str, Any]:
    return {
        "number": version.number,
        "agreed_at": iso(version.agreed_at),
        "agreed_by": user_name(version.agreed_by),
        "agreed_as": version.get_agreed_as_display(),
        "acting_authority": str(version.acting_authority) if version.acting_authority else None,
        "best_interests_note": version.best_interests_note,
        "summary_of_changes": version.summary_of_changes,
        "in_force_from": iso(version.starts_on),
        "signatures": [
            {"name": user_name(s.signed_by), "role": s.role, "signed_at": iso(s.signed_at)}
            for s in version.signatures.all()
        ],
        "plan_as_agreed": version.snapshot,
    }


def audit_json(events: Iterable[AuditEvent]) -> list[dict[str, Any]]:
    """Who looked at or changed the record, newest first. Not their IP address or browser: those are theirs."""
    return [
        {
            "when": iso(e.occurred_at),
            "who": user_name(e.actor),
            "organisation": e.actor_organisation,
            "action": e.action,
            "looked_or_changed": "looked" if e.is_read else "changed",
            "about": e.object_type,
        }
        for e in events
    ]


def messages_json(messages: Iterable[OutboxMessage]) -> list[dict[str, Any]]:
    """What we sent the person, or tried to, newest first: the words, where to and what became of it."""
    return [
        {
            "about": m.template_key,
            "words": m.personalisation,
            "to": m.recipient_name,
            "by": m.channel,
            "address": m.to_address,
            "carried_by": m.provider,
            "status": m.status,
            "queued_at": iso(m.created_at),
            "sent_at": iso(m.sent_at),
            "tries": m.attempts,
            "held_because": m.held_because,
            "what_went_wrong": m.last_error,
        }
        for m in messages
    ]


EXPORT_FILES = {
    "record.json": "Your details, how you like information, capacity assessments, advocacy,\n"
    "attorneys and deputies, your care team, your circle of support and invitations to it,\n"
    "and what your coordinator was asked to do when a message could not reach you.",
    "plan.json": "Your plan as it is now, with who added each part and when, changes to its words,\n"
    "notes written between reviews, and who may write in it for you.",
    "planning.json": "Planning with you: when it started, the preparation, test results and when\n"
    "each was explained to you, and how your coordinator was suggested, chosen or changed.",
    "versions/": "Each version of your plan you agreed, with who agreed and signed it.",
    "audit.json": "Everyone who looked at or changed your record, and when.",
    "messages.json": "Every message we sent you, or tried to, and what became of it.",
    "conversations.json": "How you got ready for your planning conversations, in your own words, and what\n"
    "was said at each conversation, by whom, and what it became in your plan.",
    "appointments.json": "Your appointments: what each was for, where and when, your access needs, who\n"
    "was invited, each change or cancellation, and what you asked to change with the answer.",
    "reviews.json": "Your reviews: what you and others asked for and the answers, changes that might\n"
    "affect your plan and what was decided, each review with everyone's views, and how you rated it.",
    "budgets.json": "Your personal budget: how much, who pays, how it is spent, each costed line and the\n"
    "outcomes it is for, each step of sign-off with its reason, and when the money or support started.",
    "plan.pdf": "Your plan, ready to read or print.",
    "about-me.pdf": "Your one-page profile, ready to read or print.",
}


def export_readme(person: Person, made_on: dt.date, names: Iterable[str]) -> str:
    """A plain-English guide to the download, naming only the files it holds."""
    present = set(names)
    lines = [
        "Everything Living Plan holds about you",
        "",
        f"This download was made on {date_long(made_on)} for {person.full_name}. It holds:",
        "",
    ]
    for name, what in EXPORT_FILES.items():
        if name in present or (name.endswith("/") and any(n.startswith(name) for n in present)):
            lines.append(name)
            lines.extend(f"    {line}" for line in what.splitlines())
    lines += [
        "",
        "Dates are written year-month-day (ISO 8601). Times are UK time.",
        "If something is wrong or missing, tell your coordinator.",
        "",
    ]
    return "\n".join(lines)
