"""What a plan page shows, built once with a fixed number of queries whatever the plan's size.

Templates receive ready-made sections and rows; they never decide who may see what.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from livingplan.accounts.models import User
from livingplan.core.presenters import date_long
from livingplan.people.models import Person
from livingplan.plans import lifecycle
from livingplan.plans.models import (
    FINISHED_ACTION_STATUSES,
    ActionStatus,
    ContributorKind,
    Disagreement,
    Layer,
    Outcome,
    Plan,
    PlanStatus,
    PlanVersion,
    ProgressScore,
    Statement,
    StatementStatus,
)
from livingplan.plans.presenters.voice import LastChange, Viewer, last_changes, voice_line
from livingplan.plans.sections import (
    ABOUT_ME_SECTIONS,
    CRISIS_SECTIONS,
    OWN_VOICE_SECTIONS,
    SECTION_GROUP,
    STRENGTH_SECTIONS,
    Section,
    SharingGroup,
)
from livingplan.plans.sharing import shared_actions
from livingplan.plans.voice import may_change_words

STATUS_TAG_COLOURS = {
    PlanStatus.DRAFT: "grey",
    PlanStatus.PROPOSED: "yellow",
    PlanStatus.AGREED: "blue",
    PlanStatus.ACTIVE: "green",
    PlanStatus.UNDER_REVIEW: "orange",
}


def contributor_label(kind: str, name: str, viewer_id: int | None, author_id: int) -> str:
    if author_id == viewer_id:
        return "you"
    if kind == ContributorKind.PERSON:
        return f"{name} (in their own words)"
    return name


@dataclass(kw_only=True)
class Words:
    """What a statement's row and an outcome's block both show of someone's words."""

    id: int
    text: str
    by: str
    in_own_words: bool
    disagreements: list[Disagreement]
    # Whose words these are, in a sentence (ADR-025); who may act on them; what changed.
    voice: str = ""
    is_proposed: bool = False
    may_decide: bool = False
    may_change: bool = False
    changed: LastChange | None = None


@dataclass(kw_only=True)
class StatementRow(Words):
    on: str
    kind: str = "statement"


@dataclass
class SectionBlock:
    key: str
    title: str
    rows: list[StatementRow]


@dataclass
class ActionRow:
    id: int
    what: str
    who: str
    due: str
    status: str
    status_label: str
    layer_label: str
    is_overdue: bool
    # The plan page says "You" to the owner; printed copies always give the name.
    owner_id: int | None = None
    # Different views about this action, shown beside it like those about an outcome.
    disagreements: list[Disagreement] = field(default_factory=list)


@dataclass(kw_only=True)
class OutcomeBlock(Words):
    why: str
    importance: int
    importance_words: str
    latest_score: int | None
    scores: list[ProgressScore]
    actions: list[ActionRow]
    kind: str = "outcome"


@dataclass
class PlanPage:
    plan: Plan
    groups: frozenset[str]
    viewer_id: int
    status_label: str
    status_colour: str
    about_me: list[SectionBlock] = field(default_factory=list)
    what_matters: list[SectionBlock] = field(default_factory=list)
    needs: list[SectionBlock] = field(default_factory=list)
    outcomes: list[OutcomeBlock] = field(default_factory=list)
    going_well: list[SectionBlock] = field(default_factory=list)
    risks: list[Any] = field(default_factory=list)
    crisis: list[SectionBlock] = field(default_factory=list)
    linked_plans: list[Any] = field(default_factory=list)
    versions: list[PlanVersion] = field(default_factory=list)
    is_editable: bool = False
    hidden_groups: list[str] = field(default_factory=list)
    # "Who helped me write this and when", derived from who contributed the profile's statements.
    about_me_helpers: list[str] = field(default_factory=list)
    about_me_updated: str = ""
    # Own-voice sections (and "OUTCOMES") where this viewer's words would be a suggestion (ADR-025).
    suggest_only: frozenset[str] = frozenset()

    def shows(self, group: str) -> bool:
        return group in self.groups

    @property
    def next_review(self) -> str:
        return date_long(self.plan.next_review_on) or "Not set yet"


def content_version(plan: Plan) -> tuple[Any, ...]:
    """Changes whenever the plan's content does: every service that changes a plan moves its revision
    or its status. The creation time tells apart two plans that reuse a primary key (a restored database)."""
    return (plan.pk, plan.created_at.isoformat(), plan.revision, plan.status)


def build_plan_page(
    plan: Plan, *, viewer: User, groups: frozenset[str], today: dt.date, suggestions: bool = False
) -> PlanPage:
    """Load everything the viewer may see of `plan` in a fixed number of queries.

    With `suggestions`, words waiting for the person to accept show too, to whom they may show
    (`Viewer.sees`); documents leave them out, as they are not yet the plan."""
    who = Viewer.of(viewer, plan.person)
    changes = last_changes(plan, who)
    statements = list(
        plan.statements.filter(status__in=[StatementStatus.ACCEPTED, StatementStatus.PROPOSED])
        .select_related("contributed_by", "decided_by")
        .order_by("section", "position", "pk")
    )
    disagreements: dict[str, list[Disagreement]] = defaultdict(list)
    for d in plan.disagreements.select_related("raised_by"):
        disagreements[d.about].append(d)

    page = PlanPage(
        plan=plan,
        groups=groups,
        viewer_id=viewer.pk,
        status_label=PlanStatus(plan.status).label,
        status_colour=STATUS_TAG_COLOURS[PlanStatus(plan.status)],
        is_editable=plan.status in lifecycle.EDITABLE,
        hidden_groups=[g.label for g in SharingGroup if g not in groups],
    )
    if not who.writes_direct:
        page.suggest_only = frozenset({*OWN_VOICE_SECTIONS, "OUTCOMES"})
    shown = [
        s
        for s in statements
        if SECTION_GROUP[s.section] in groups
        and (s.status != StatementStatus.PROPOSED or (suggestions and who.sees(s)))
    ]
    rows = _statement_rows(shown, page, viewer=viewer, who=who, disagreements=disagreements, changes=changes)
    _fill_sections(page, rows, statements)
    if SharingGroup.OUTCOMES in groups:
        page.outcomes = _outcomes(plan, viewer, today, disagreements, groups, who, page.is_editable, suggestions)
        for block in page.outcomes:
            block.changed = changes.get(f"outcome:{block.id}")
    if SharingGroup.RISKS in groups:
        page.risks = list(plan.risks.select_related("contributed_by"))
    if SharingGroup.LINKED_PLANS in groups:
        page.linked_plans = list(plan.linked_plans.all())
    # The snapshot can be large; the list of versions needs only the headline columns.
    page.versions = list(plan.versions.select_related("agreed_by").defer("snapshot"))
    return page


def _statement_rows(
    statements: list[Statement],
    page: PlanPage,
    *,
    viewer: User,
    who: Viewer,
    disagreements: dict[str, list[Disagreement]],
    changes: dict[str, LastChange],
) -> dict[str, list[StatementRow]]:
    """The rows of each section, from the statements this viewer is shown."""
    person = page.plan.person
    by_section: dict[str, list[StatementRow]] = defaultdict(list)
    for s in statements:
        proposed = s.status == StatementStatus.PROPOSED
        by_section[s.section].append(
            StatementRow(
                id=s.pk,
                text=s.text,
                by=contributor_label(s.contributor_kind, s.contributed_by.display_name, viewer.pk, s.contributed_by_id),
                on=date_long(s.contributed_at),
                in_own_words=s.in_own_words,
                is_proposed=proposed,
                disagreements=disagreements.get(f"statement:{s.pk}", []),
                voice=voice_line(s, person=person, viewer=who, roles=who.roles),
                may_decide=proposed and who.may_decide and page.is_editable,
                may_change=page.is_editable and may_change_words(viewer, person, s, writes_direct=who.writes_direct),
                changed=changes.get(f"statement:{s.pk}"),
            )
        )
    return by_section


def _fill_sections(page: PlanPage, rows: dict[str, list[StatementRow]], statements: list[Statement]) -> None:
    """Each part's section blocks, for the parts the viewer may see, and who helped write the profile."""

    def blocks(sections: list[Section]) -> list[SectionBlock]:
        return [SectionBlock(str(sec), sec.label, rows.get(sec, [])) for sec in sections]

    if page.shows(SharingGroup.ABOUT_ME):
        page.about_me = blocks(ABOUT_ME_SECTIONS)
        profile = [s for s in statements if s.section in ABOUT_ME_SECTIONS and s.status == StatementStatus.ACCEPTED]
        owner_id = page.plan.person.user_id
        page.about_me_helpers = sorted(
            {s.contributed_by.display_name for s in profile if s.contributed_by_id != owner_id}
        )
        if profile:
            page.about_me_updated = date_long(max(s.contributed_at for s in profile))
    if page.shows(SharingGroup.WHAT_MATTERS):
        page.what_matters = blocks([Section.WHAT_MATTERS, *STRENGTH_SECTIONS])
    if page.shows(SharingGroup.NEEDS):
        page.needs = blocks([Section.NEEDS, Section.ELIGIBLE_NEEDS])
    if page.shows(SharingGroup.CRISIS):
        page.crisis = blocks(CRISIS_SECTIONS)
    if page.shows(SharingGroup.OUTCOMES):
        page.going_well = blocks([Section.GOING_WELL])


def _outcomes(
    plan: Plan,
    viewer: User,
    today: dt.date,
    disagreements: dict[str, list[Disagreement]],
    groups: frozenset[str],
    who: Viewer,
    editable: bool,
    suggestions: bool,
) -> list[OutcomeBlock]:
    """Active outcomes with their scores and actions: three queries. Actions are read as plain
    rows, not models: a large plan has hundreds, and the page needs only a few of their columns."""
    # Suggestions waiting come in the same query; they have no scores or actions yet.
    read = plan.outcomes.filter(status__in=[StatementStatus.ACCEPTED, StatementStatus.PROPOSED])
    # Scores in their own order (ProgressScore.Meta: oldest first), the latest last.
    both = list(read.select_related("contributed_by", "decided_by").prefetch_related("scores"))
    outcomes = [o for o in both if o.is_active]
    waiting = [o for o in both if not o.is_active]
    ids = [o.pk for o in outcomes]
    actions: dict[int, list[ActionRow]] = defaultdict(list)
    rows = (
        shared_actions(plan.actions.filter(outcome_id__in=ids), groups)
        .order_by("layer", "due_on", "pk")
        .values_list("outcome_id", "pk", "what", "owner_name", "due_on", "status", "layer", "owner_id")
    )
    for outcome_id, pk, what, owner, due_on, status, layer, owner_id in rows:
        actions[outcome_id].append(
            ActionRow(
                id=pk,
                what=what,
                who=owner,
                due=date_long(due_on),
                status=status,
                status_label=ActionStatus(status).label,
                layer_label=Layer(layer).label,
                is_overdue=bool(due_on and due_on < today and status not in FINISHED_ACTION_STATUSES),
                owner_id=owner_id,
                disagreements=disagreements.get(f"action:{pk}", []),
            )
        )
    blocks = []
    for o in outcomes:
        scored = list(o.scores.all())
        blocks.append(
            _outcome_block(
                o,
                person=plan.person,
                viewer=viewer,
                who=who,
                editable=editable,
                by=contributor_label(o.contributor_kind, o.contributed_by.display_name, viewer.pk, o.contributed_by_id),
                latest_score=scored[-1].score if scored else None,
                scores=scored,
                actions=actions.get(o.pk, []),
                disagreements=disagreements.get(f"outcome:{o.pk}", []),
            )
        )
    if suggestions:
        blocks += _suggested_outcomes(plan, viewer, who, [o for o in waiting if who.sees(o)], editable)
    return blocks


def _suggested_outcomes(
    plan: Plan, viewer: User, who: Viewer, waiting: list[Outcome], editable: bool
) -> list[OutcomeBlock]:
    """Outcomes suggested and waiting: shown after the plan's own, marked, with no actions yet."""
    return [
        _outcome_block(
            o,
            person=plan.person,
            viewer=viewer,
            who=who,
            editable=editable,
            by=o.contributed_by.display_name,
            latest_score=None,
            scores=[],
            actions=[],
            disagreements=[],
            is_proposed=True,
            may_decide=who.may_decide and editable,
        )
        for o in waiting
    ]


def _outcome_block(
    o: Outcome, *, person: Person, viewer: User, who: Viewer, editable: bool, **shown: Any
) -> OutcomeBlock:
    """An outcome's block: its words and whose they are; `shown` is what differs for a suggestion."""
    return OutcomeBlock(
        id=o.pk,
        text=o.text,
        why=o.why_it_matters,
        importance=o.importance,
        importance_words=o.importance_words,
        in_own_words=o.in_own_words,
        voice=voice_line(o, person=person, viewer=who, roles=who.roles),
        may_change=editable and may_change_words(viewer, person, o, writes_direct=who.writes_direct),
        **shown,
    )
