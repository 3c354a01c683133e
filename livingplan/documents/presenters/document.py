"""A plan document: the plan page's data, in a format, with the easy read wording.

The plan's content comes from `plans.presenters.plan.build_plan_page`, the same data the plan
page shows, so an easy read page, a large print PDF and the web page never disagree.
"""

import datetime as dt
from dataclasses import dataclass, field

from livingplan.documents.presenters.formats import DocFormat, DocKind
from livingplan.people.models import Person
from livingplan.plans.models import PlanStatus
from livingplan.plans.presenters.plan import PlanPage
from livingplan.plans.sections import Section

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
