"""What the documents show: which format, under what name, and the subject access export's data.

The plan's content comes from `plans.presenters.plan.build_plan_page`, the same data the plan
page shows, so an easy read page, a large print PDF and the web page never disagree. The
export's JSON is shaped by pure functions (`*_json`) from rows `load_subject_access` reads
through `visible_to(user)`.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import slugify

from livingplan.accounts.models import User
from livingplan.core.models import AuditEvent
from livingplan.core.presenters import date_long
from livingplan.people.models import (
    Advocacy,
    CapacityAssessment,
    CareTeamMember,
    CircleMember,
    CommunicationNeeds,
    InformationFormat,
    LegalAuthority,
    Person,
    SharingConsent,
)
from livingplan.plans.models import (
    Action,
    Disagreement,
    LinkedPlan,
    Outcome,
    Plan,
    PlanStatus,
    PlanStatusChange,
    PlanVersion,
    Risk,
    SharingChoice,
    Statement,
)
from livingplan.plans.presenters.plan import PlanPage
from livingplan.plans.sections import SECTION_GROUP, Section, SharingGroup
from livingplan.plans.sharing import shared_actions


class DocFormat(StrEnum):
    """The renderings a document comes in; the value is what `?format=` and filenames use."""

    STANDARD = "standard"
    LARGE_PRINT = "large-print"
    EASY_READ = "easy-read"

    @property
    def label(self) -> str:
        return FORMAT_LABELS[self]


FORMAT_LABELS = {
    DocFormat.STANDARD: "Standard print",
    DocFormat.LARGE_PRINT: "Large print",
    DocFormat.EASY_READ: "Easy read",
}

# Braille, audio and British Sign Language are not something a page can become: standard print
# is what staff work from to produce them.
FROM_RECORDED = {
    InformationFormat.EASY_READ: DocFormat.EASY_READ,
    InformationFormat.LARGE_PRINT: DocFormat.LARGE_PRINT,
}


class DocKind(StrEnum):
    PLAN = "plan"
    ABOUT_ME = "about-me"


def recorded_format(person: Person) -> DocFormat:
    """The person's recorded information format as a document format (standard if none is recorded)."""
    needs: CommunicationNeeds | None = getattr(person, "communication_needs", None)
    if needs is None:
        return DocFormat.STANDARD
    return FROM_RECORDED.get(InformationFormat(needs.information_format), DocFormat.STANDARD)


def chosen_format(person: Person, requested: str | None) -> DocFormat:
    """`?format=` if given, else the person's own format. Raises ValueError for an unknown format."""
    if requested:
        return DocFormat(requested)
    return recorded_format(person)


def filename(person: Person, kind: DocKind, fmt: DocFormat, on: dt.date, extension: str = "pdf") -> str:
    """'alex-carter-plan-large-print-2026-03-03.pdf': whose, what, which format, and when."""
    parts = [slugify(person.full_name) or "person", "one-page-profile" if kind == DocKind.ABOUT_ME else "plan"]
    if fmt != DocFormat.STANDARD:
        parts.append(fmt.value)
    parts.append(on.isoformat())
    return f"{'-'.join(parts)}.{extension}"


def export_filename(person: Person, on: dt.date) -> str:
    return f"{slugify(person.full_name) or 'person'}-everything-held-about-me-{on.isoformat()}.zip"


# --- Easy read wording --------------------------------------------------------------------

EASY_READ_HEADINGS: dict[str, str] = {
    Section.ABOUT_MATTERS_MOST: "What matters most to me",
    Section.ABOUT_IMPORTANT_PEOPLE: "People who are important to me",
    Section.ABOUT_COMMUNICATION: "How I talk and how to talk with me",
    Section.ABOUT_WELLNESS: "Keeping well",
    Section.ABOUT_PLEASE_DO: "Please do",
    Section.ABOUT_PLEASE_DONT: "Please do not",
    Section.ABOUT_HOW_TO_SUPPORT: "How and when to help me",
    Section.ABOUT_ALSO_KNOW: "Other things to know about me",
    Section.WHAT_MATTERS: "Things that matter to me",
    Section.STRENGTHS_MINE: "Things I am good at",
    Section.STRENGTHS_FAMILY: "How my family and friends help",
    Section.STRENGTHS_COMMUNITY: "Help near where I live",
    Section.NEEDS: "Things I need help with",
    Section.ELIGIBLE_NEEDS: "Help the council must give me",
    Section.GOING_WELL: "How we will know it is going well",
    Section.CRISIS_WARNING_SIGNS: "Signs that I am not well",
    Section.CRISIS_WHAT_HELPS: "What helps me",
    Section.CRISIS_AVOID: "What not to do",
    Section.CRISIS_CONTACTS: "Who to call",
    Section.CRISIS_MEDICINES: "My medicines and equipment",
}

# (words before, the key word in bold): "My plan is **agreed**."
EASY_READ_STATUS: dict[str, tuple[str, str]] = {
    PlanStatus.DRAFT: ("My plan is", "being written"),
    PlanStatus.PROPOSED: ("My plan is ready for me to", "say yes"),
    PlanStatus.AGREED: ("I have", "agreed my plan"),
    PlanStatus.ACTIVE: ("I have agreed my plan. It is", "being used"),
    PlanStatus.UNDER_REVIEW: ("We are", "looking at my plan again"),
}

EASY_READ_ACTION_STATUS = {
    "NOT_STARTED": "Not started yet",
    "IN_PROGRESS": "Started",
    "DONE": "Done",
    "STOPPED": "Stopped",
}


@dataclass
class Document:
    """Everything a document template needs: the plan page's data plus how to show it."""

    person: Person
    page: PlanPage
    fmt: DocFormat
    kind: DocKind
    is_self: bool
    made_on: dt.date
    headings: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        name = self.person.full_name
        what = "One-page profile" if self.kind == DocKind.ABOUT_ME else "Plan"
        suffix = "" if self.fmt == DocFormat.STANDARD else f" ({self.fmt.label.lower()})"
        return f"{what} for {name}{suffix}"

    @property
    def easy_status(self) -> tuple[str, str]:
        return EASY_READ_STATUS[PlanStatus(self.page.plan.status)]

    def heading(self, key: str, title: str) -> str:
        """The easy read heading for a section, or its usual title."""
        return self.headings.get(key, title) if self.fmt == DocFormat.EASY_READ else title

    def easy_action_status(self, status: str) -> str:
        return EASY_READ_ACTION_STATUS.get(status, status)


def document(
    *, person: Person, page: PlanPage, fmt: DocFormat, kind: DocKind, is_self: bool, made_on: dt.date
) -> Document:
    return Document(
        person=person, page=page, fmt=fmt, kind=kind, is_self=is_self, made_on=made_on, headings=EASY_READ_HEADINGS
    )


# --- Subject access export ----------------------------------------------------------------


@dataclass
class SubjectAccess:
    """Every row held about one person, read through `visible_to(viewer)`."""

    person: Person
    communication: CommunicationNeeds | None
    capacity: list[CapacityAssessment]
    advocacy: Advocacy | None
    legal: list[LegalAuthority]
    care_team: list[CareTeamMember]
    circle: list[CircleMember]
    consents: list[SharingConsent]
    plan: Plan | None
    statements: list[Statement]
    outcomes: list[Outcome]
    risks: list[Risk]
    disagreements: list[Disagreement]
    linked_plans: list[LinkedPlan]
    status_changes: list[PlanStatusChange]
    sharing_choices: list[SharingChoice]
    versions: list[PlanVersion]
    audit: list[AuditEvent]
    personal_details: bool = True  # date of birth, NHS number, address, GP: only if shared (ADR-023)


def load_subject_access(person: Person, *, viewer: Any, groups: frozenset[str]) -> SubjectAccess:
    """Read everything about `person` that `viewer` may see, in a fixed number of queries."""
    plan = Plan.objects.visible_to(viewer).filter(person=person).select_related("review_lead").first()

    def for_plan(model: Any, *related: str) -> list[Any]:
        if plan is None:
            return []
        return list(model.objects.visible_to(viewer).filter(plan=plan).select_related(*related))

    statements = [s for s in for_plan(Statement, "contributed_by") if SECTION_GROUP[s.section] in groups]
    outcomes: list[Outcome] = []
    if plan is not None and SharingGroup.OUTCOMES in groups:
        outcomes = list(
            Outcome.objects.visible_to(viewer)
            .filter(plan=plan)
            .select_related("contributed_by")
            .prefetch_related(
                Prefetch("actions", shared_actions(Action.objects.select_related("contributed_by"), groups)),
                "scores__recorded_by",
            )
        )
    risks = for_plan(Risk, "contributed_by") if SharingGroup.RISKS in groups else []
    # A different view sits beside one item; it is shown only where that item is.
    shown = {f"statement:{s.pk}" for s in statements} | {f"risk:{r.pk}" for r in risks}
    for o in outcomes:
        shown |= {f"outcome:{o.pk}"} | {f"action:{a.pk}" for a in o.actions.all()}
    # Only the person downloads this today, and they see every part; the export still follows the
    # record's sharing groups, so it can never hold more than the record page shows the reader.
    capacity = SharingGroup.CAPACITY in groups
    return SubjectAccess(
        person=person,
        personal_details=SharingGroup.PERSONAL_DETAILS in groups,
        communication=CommunicationNeeds.objects.visible_to(viewer).filter(person=person).first(),
        capacity=list(CapacityAssessment.objects.visible_to(viewer).filter(person=person).select_related("assessed_by"))
        if capacity
        else [],
        advocacy=Advocacy.objects.visible_to(viewer).filter(person=person).first() if capacity else None,
        legal=list(LegalAuthority.objects.visible_to(viewer).filter(person=person)) if capacity else [],
        care_team=list(
            CareTeamMember.objects.visible_to(viewer).filter(person=person).select_related("user", "organisation")
        ),
        circle=list(CircleMember.objects.visible_to(viewer).filter(person=person)),
        consents=list(SharingConsent.objects.visible_to(viewer).filter(person=person).select_related("organisation")),
        plan=plan,
        statements=statements,
        outcomes=outcomes,
        risks=risks,
        disagreements=[d for d in for_plan(Disagreement, "raised_by") if d.about in shown],
        linked_plans=for_plan(LinkedPlan) if SharingGroup.LINKED_PLANS in groups else [],
        status_changes=for_plan(PlanStatusChange, "changed_by"),
        sharing_choices=list(
            SharingChoice.objects.visible_to(viewer)
            .filter(person=person)
            .select_related("circle_member", "organisation")
        ),
        versions=list(
            PlanVersion.objects.visible_to(viewer)
            .filter(person=person)
            .select_related("agreed_by", "acting_authority")
            .prefetch_related("signatures__signed_by")
            .order_by("number")
        ),
        audit=list(AuditEvent.objects.visible_to(viewer).about_person(person.pk).select_related("actor")),
    )


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """ISO 8601; date-times in UK local time with their offset, to the second."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def _name(user: User | None) -> str | None:
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
                "decision": c.decision,
                "outcome": c.get_outcome_display(),
                "assessed_by": _name(c.assessed_by),
                "assessed_on": iso(c.assessed_on),
                "notes": c.notes,
                "best_interests_decision": c.best_interests_decision,
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
            }
            for a in data.legal
        ],
        "care_team": [
            {
                "name": _name(m.user),
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
                "can_sign_in_and_see_plan": c.has_access,
            }
            for c in data.circle
        ],
        "sharing_consents": [
            {"organisation": c.organisation.name, "given_at": iso(c.given_at), "withdrawn_at": iso(c.withdrawn_at)}
            for c in data.consents
        ],
    }


def _contribution(item: Any) -> dict[str, Any]:
    return {
        "added_by": _name(item.contributed_by),
        "added_as": item.get_contributor_kind_display(),
        "added_at": iso(item.contributed_at),
        "in_own_words": item.in_own_words,
    }


def plan_json(data: SubjectAccess) -> dict[str, Any]:
    plan = data.plan
    if plan is None:
        return {"plan": None}
    labels = {s.value: s.label for s in Section}
    return {
        "status": plan.get_status_display(),
        "revision": plan.revision,
        "started_at": iso(plan.created_at),
        "last_changed_at": iso(plan.updated_at),
        "statements": [
            {
                "section": labels.get(s.section, s.section),
                "text": s.text,
                "status": s.get_status_display(),
                **_contribution(s),
            }
            for s in data.statements
        ],
        "outcomes": [
            {
                "text": o.text,
                "why_it_matters": o.why_it_matters,
                "importance": o.importance,
                "is_current": o.is_active,
                **_contribution(o),
                "progress": [
                    {"score": s.score, "out_of": 10, "recorded_on": iso(s.recorded_on), "note": s.note}
                    for s in o.scores.all()
                ],
                "actions": [
                    {
                        "what": a.what,
                        "who": a.owner_name,
                        "due_on": iso(a.due_on),
                        "status": a.get_status_display(),
                        "support_from": a.get_layer_display(),
                        **_contribution(a),
                    }
                    for a in o.actions.all()
                ],
            }
            for o in data.outcomes
        ],
        "risks": [
            {
                "what_could_go_wrong": r.what_could_go_wrong,
                "what_we_agreed": r.what_we_agree,
                "who_decided": r.decided_by,
                "my_view": r.persons_view,
                **_contribution(r),
            }
            for r in data.risks
        ],
        "different_views": [
            {
                "about": d.about,
                "view": d.view,
                "raised_by": _name(d.raised_by),
                "raised_at": iso(d.raised_at),
                "how_handled": d.how_handled,
            }
            for d in data.disagreements
        ],
        "review": {
            "next_review_on": iso(plan.next_review_on),
            "review_lead": _name(plan.review_lead),
            "review_early_if": plan.early_review_triggers,
        },
        "other_plans": [
            {"kind": p.get_kind_display(), "description": p.description, "held_by": p.held_by}
            for p in data.linked_plans
        ],
        "status_history": [
            {
                "from": c.get_from_status_display() if c.from_status else None,
                "to": c.get_to_status_display(),
                "changed_by": _name(c.changed_by),
                "changed_at": iso(c.changed_at),
                "note": c.note,
            }
            for c in data.status_changes
        ],
        "sharing_choices": [
            {
                "part_of_plan": SharingGroup(c.group).label,
                "with": c.circle_member.name if c.circle_member else (c.organisation.name if c.organisation else None),
                "shared": c.is_shared,
                "chosen_at": iso(c.chosen_at),
            }
            for c in data.sharing_choices
        ],
    }


def version_json(version: PlanVersion) -> dict[str, Any]:
    return {
        "number": version.number,
        "agreed_at": iso(version.agreed_at),
        "agreed_by": _name(version.agreed_by),
        "agreed_as": version.get_agreed_as_display(),
        "acting_authority": str(version.acting_authority) if version.acting_authority else None,
        "best_interests_note": version.best_interests_note,
        "summary_of_changes": version.summary_of_changes,
        "signatures": [
            {"name": _name(s.signed_by), "role": s.role, "signed_at": iso(s.signed_at)}
            for s in version.signatures.all()
        ],
        "plan_as_agreed": version.snapshot,
    }


def audit_json(events: Iterable[AuditEvent]) -> list[dict[str, Any]]:
    """Who looked at or changed the record, newest first. Not their IP address or browser: those are theirs."""
    return [
        {
            "when": iso(e.occurred_at),
            "who": _name(e.actor),
            "organisation": e.actor_organisation,
            "action": e.action,
            "looked_or_changed": "looked" if e.is_read else "changed",
            "about": e.object_type,
        }
        for e in events
    ]


EXPORT_FILES = {
    "record.json": "Your details, how you like information, capacity assessments, advocacy,\n"
    "attorneys and deputies, your care team and your circle of support.",
    "plan.json": "Your plan as it is now, with who added each part and when.",
    "versions/": "Each version of your plan you agreed, with who agreed and signed it.",
    "audit.json": "Everyone who looked at or changed your record, and when.",
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
