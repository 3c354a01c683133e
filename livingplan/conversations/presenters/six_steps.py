"""The same plan in the six steps social care often uses: about me; what I want to change; what I
have; ideas; my decisions; making it happen. Built from the plan each time, never a second copy:
the plan, loaded through `visible_to`, read through its related managers, each part only if the
person shares it with the viewer, each item saying whose words it is. A fixed number of queries."""

from dataclasses import dataclass, field
from typing import Any

from livingplan.accounts.models import User
from livingplan.core.presenters import date_long
from livingplan.plans.models import ActionStatus, Layer, Plan, StatementStatus
from livingplan.plans.presenters.voice import Viewer, in_a_sentence, voice_line
from livingplan.plans.sections import (
    ABOUT_ME_SECTIONS,
    SECTION_GROUP,
    STRENGTH_SECTIONS,
    Section,
    SharingGroup,
)
from livingplan.plans.sharing import groups_visible_to, shared_actions

# The parts of the plan the six steps draw on; any not shared with the viewer is said to be hidden.
DRAWN_FROM: frozenset[str] = frozenset(
    {
        SharingGroup.ABOUT_ME,
        SharingGroup.WHAT_MATTERS,
        SharingGroup.NEEDS,
        SharingGroup.OUTCOMES,
        SharingGroup.RISKS,
        SharingGroup.REVIEW,
    }
)


@dataclass(frozen=True)
class Item:
    text: str
    whose: str  # whose words, or who added it
    detail: str = ""


@dataclass(frozen=True)
class Group:
    heading: str
    items: list[Item]


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    intro: str
    groups: list[Group] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # facts about the plan, not anyone's words

    @property
    def is_empty(self) -> bool:
        return not self.lines and not any(g.items for g in self.groups)


@dataclass(frozen=True)
class SixSteps:
    is_self: bool
    steps: list[Step]
    hidden_parts: bool  # the person has not shared some parts with the viewer


class _Words:
    """Says whose words each item is, for this viewer: `voice_line` for the person's own voice,
    "Added by ..." for what others add (actions, risks), as the plan page does."""

    def __init__(self, plan: Plan, viewer: User) -> None:
        self.person = plan.person
        self.viewer = Viewer.of(viewer, self.person)
        self.roles = self.viewer.roles

    def of(self, item: Any) -> str:
        return voice_line(item, person=self.person, viewer=self.viewer, roles=self.roles)

    def added_by(self, item: Any) -> str:
        if item.contributed_by_id == self.viewer.id:
            return "Added by you"
        if item.contributed_by_id == self.person.user_id:
            return "Added by you" if self.viewer.is_person else f"Added by {self.person.name_to_use}"
        role = self.roles.get(item.contributed_by_id)
        who = item.contributed_by.display_name
        return f"Added by {who}, {in_a_sentence(role)}" if role else f"Added by {who}"


def six_steps(plan: Plan, viewer: User) -> SixSteps:
    person = plan.person
    shown = groups_visible_to(viewer, person)
    words = _Words(plan, viewer)
    statements = [
        s
        for s in plan.statements.filter(status=StatementStatus.ACCEPTED).select_related("contributed_by", "decided_by")
        if SECTION_GROUP.get(s.section) in shown
    ]
    by_section: dict[str, list[Item]] = {}
    for s in statements:
        by_section.setdefault(s.section, []).append(Item(s.text, words.of(s)))
    outcomes = (
        list(plan.outcomes.filter(is_active=True).select_related("contributed_by", "decided_by"))
        if SharingGroup.OUTCOMES in shown
        else []
    )
    actions = (
        list(shared_actions(plan.actions.select_related("contributed_by"), shown).order_by("layer", "due_on", "pk"))
        if SharingGroup.OUTCOMES in shown
        else []
    )
    risks = list(plan.risks.select_related("contributed_by")) if SharingGroup.RISKS in shown else []

    def section(*sections: str) -> list[Group]:
        return [Group(Section(s).label, by_section.get(s, [])) for s in sections if by_section.get(s)]

    steps = [
        Step(1, "About me", "Who I am and what matters to me.", section(Section.WHAT_MATTERS, *ABOUT_ME_SECTIONS)),
        Step(
            2,
            "What I want to change",
            "What I want to achieve, in my own words, and what I need.",
            [
                Group("What I want to achieve", [_outcome(o, words) for o in outcomes]),
                *section(Section.NEEDS, Section.ELIGIBLE_NEEDS),
            ],
        ),
        Step(3, "What I have", "My own strengths, and the people and places around me.", section(*STRENGTH_SECTIONS)),
        Step(4, "Ideas", "Ways to get there, starting with what I can do myself.", _ideas(actions, words)),
        Step(5, "My decisions", "What we agreed, including about risks.", _decisions(risks, words), _agreed(plan)),
        Step(
            6,
            "Making it happen",
            "Who does what, and by when; how we will know it is working; when we look at it again.",
            [
                Group("Who does what", [_step(a, words) for a in sorted(actions, key=_by_date)]),
                *section(Section.GOING_WELL),
            ],
            _review(plan) if SharingGroup.REVIEW in shown else [],
        ),
    ]
    return SixSteps(is_self=words.viewer.is_person, steps=steps, hidden_parts=bool(DRAWN_FROM - shown))


def _outcome(outcome: Any, words: _Words) -> Item:
    detail = f"Why it matters: {outcome.why_it_matters}" if outcome.why_it_matters else ""
    return Item(outcome.text, words.of(outcome), detail)


def _ideas(actions: list[Any], words: _Words) -> list[Group]:
    groups = []
    for layer in Layer:
        items = [Item(a.what, words.added_by(a)) for a in actions if a.layer == layer]
        if items:
            groups.append(Group(layer.label, items))
    return groups


def _decisions(risks: list[Any], words: _Words) -> list[Group]:
    items = []
    for risk in risks:
        view = f" What I think: {risk.persons_view}" if risk.persons_view else ""
        items.append(
            Item(
                f"{risk.what_could_go_wrong}: {risk.what_we_agree}",
                words.added_by(risk),
                f"Decided by {risk.decided_by}.{view}",
            )
        )
    return [Group("Risks, and what we agreed", items)] if items else []


def _agreed(plan: Plan) -> list[str]:
    latest = plan.versions.select_related("agreed_by").first()
    if latest is None:
        return ["This plan has not been agreed yet."]
    return [f"Version {latest.number} agreed on {date_long(latest.agreed_at)} by {latest.agreed_by.display_name}."]


def _by_date(action: Any) -> tuple[bool, Any, int]:
    return (action.due_on is None, action.due_on, action.pk)


def _step(action: Any, words: _Words) -> Item:
    when = f"by {date_long(action.due_on)}" if action.due_on else "no date yet"
    status = ActionStatus(action.status).label.lower()
    return Item(action.what, words.added_by(action), f"{action.owner_name}, {when} ({status})")


def _review(plan: Plan) -> list[str]:
    lines = [f"Next review: {date_long(plan.next_review_on)}." if plan.next_review_on else "No review date set yet."]
    if plan.early_review_triggers:
        triggers = "; ".join(t.strip() for t in plan.early_review_triggers.splitlines() if t.strip())
        lines.append(f"We will look at the plan sooner if: {triggers}.")
    return lines
