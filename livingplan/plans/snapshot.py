"""Freeze a plan into plain data, and compare two frozen plans as a readable list of changes.

Pure functions over dicts (no ORM in `diff`). A snapshot holds the agreed content the plan page
shows: the words, who added them and the settings of each part, not who accepted a suggestion or
the history of the words (those have their own rows). Snapshots carry no schema version: fields
added later (a linked plan's holder, the review lead, different views) are simply missing from
older snapshots, and `diff` compares a field only when both sides recorded it, so an old version
never seems to have changed in a way nobody made.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from livingplan.core.presenters import date_long
from livingplan.plans.models import ActionStatus, ContributorKind, Layer, LinkedPlan, Plan, StatementStatus
from livingplan.plans.sections import SECTION_GROUP, Section, SharingGroup
from livingplan.plans.sharing import LAYER_GROUP, action_is_shared


def snapshot(plan: Plan) -> dict[str, Any]:
    """Everything agreed in the plan, keyed so that items can be matched between versions."""
    statements = plan.statements.filter(status=StatementStatus.ACCEPTED).select_related("contributed_by")
    outcomes = plan.outcomes.filter(is_active=True).prefetch_related("actions", "scores")
    return {
        "statements": [
            {
                "id": s.pk,
                "section": s.section,
                "text": s.text,
                "by": s.contributed_by.display_name,
                "kind": s.contributor_kind,
                "own_words": s.in_own_words,
            }
            for s in statements
        ],
        "outcomes": [
            {
                "id": o.pk,
                "text": o.text,
                "why": o.why_it_matters,
                "importance": o.importance,
                "progress": _latest_score(o),
                "actions": [
                    {
                        "id": a.pk,
                        "what": a.what,
                        "who": a.owner_name,
                        "due": a.due_on.isoformat() if a.due_on else None,
                        "status": a.status,
                        "layer": a.layer,
                    }
                    for a in o.actions.all()
                ],
            }
            for o in outcomes
        ],
        "risks": [
            {
                "id": r.pk,
                "risk": r.what_could_go_wrong,
                "agreed": r.what_we_agree,
                "decided_by": r.decided_by,
                "persons_view": r.persons_view,
            }
            for r in plan.risks.all()
        ],
        "review": {
            "next_review_on": plan.next_review_on.isoformat() if plan.next_review_on else None,
            "triggers": plan.early_review_triggers,
            "lead": plan.review_lead.display_name if plan.review_lead else "",
        },
        "linked_plans": [
            {"id": p.pk, "kind": p.kind, "description": p.description, "held_by": p.held_by}
            for p in plan.linked_plans.all()
        ],
        "disagreements": [
            {
                "id": d.pk,
                "about": d.about,
                "view": d.view,
                "by": d.raised_by.display_name,
                "how_handled": d.how_handled,
            }
            for d in plan.disagreements.select_related("raised_by")
        ],
    }


def _latest_score(outcome: Any) -> int | None:
    scores = list(outcome.scores.all())  # prefetched, oldest first
    return scores[-1].score if scores else None


@dataclass
class Change:
    kind: str  # "added", "removed" or "changed"
    where: str  # human label of the section
    before: str = ""
    after: str = ""


@dataclass
class Diff:
    changes: list[Change] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.changes

    def by_kind(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]


Item = dict[str, Any]


@dataclass(frozen=True)
class Detail:
    """One field of an item the plan shows, compared on its own once the item is in both versions."""

    key: str
    label: str
    show: Callable[[Any], str] = str


@dataclass(frozen=True)
class Kind:
    """How one kind of item reads in a comparison: its summary when added or removed, its name, its fields."""

    where: str
    summary: Callable[[Item], str]
    title: Callable[[Item], str]
    details: tuple[Detail, ...]


def _compare(kind: Kind, old: dict[int, Item], new: dict[int, Item], changes: list[Change]) -> None:
    for key in sorted(old.keys() - new.keys()):
        changes.append(Change("removed", kind.where, before=kind.summary(old[key])))
    for key in sorted(new.keys() - old.keys()):
        changes.append(Change("added", kind.where, after=kind.summary(new[key])))
    for key in sorted(old.keys() & new.keys()):
        before, after = old[key], new[key]
        for detail in kind.details:
            if detail.key not in before or detail.key not in after or before[detail.key] == after[detail.key]:
                continue
            where = f"{kind.where} ({detail.label})" if detail.label else kind.where
            # A field other than the item's own words is shown with what it belongs to.
            title = kind.title(after) if detail.label else ""
            prefix = f"{title}: " if title else ""
            changes.append(
                Change(
                    "changed",
                    where,
                    before=prefix + str(detail.show(before[detail.key])),
                    after=prefix + str(detail.show(after[detail.key])),
                )
            )


def _label(choices: Any, value: Any) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def _status(value: Any) -> str:
    return _label(ActionStatus, value).lower()


def _importance(value: Any) -> str:
    return f"{value} out of 5" if value is not None else "not said"


def _progress(value: Any) -> str:
    return f"{value} out of 10" if value is not None else "not scored yet"


def _or_none(value: Any) -> str:
    return str(value) if value else "none"


def _on(value: Any) -> str:
    """A date kept in the snapshot as ISO text, shown the NHS.UK way: '15 January 2027'."""
    if not value:
        return ""
    try:
        return date_long(dt.date.fromisoformat(str(value)))
    except ValueError:  # snapshots are kept for ever: show what was stored rather than fail
        return str(value)


def _action_text(action: Item) -> str:
    due = f", by {_on(action['due'])}" if action.get("due") else ""
    layer = f"; support from: {_label(Layer, action['layer'])}" if action.get("layer") else ""
    return f"{action['what']} ({action['who']}{due}) - {_status(action['status'])}{layer}"


def _outcome_text(outcome: Item) -> str:
    extras = [f"importance {_importance(outcome['importance'])}"] if outcome.get("importance") else []
    if outcome.get("progress") is not None:
        extras.append(f"progress {_progress(outcome['progress'])}")
    why = f" Why it matters: {outcome['why']}" if outcome.get("why") else ""
    text: str = outcome["text"]
    return text + (f" ({', '.join(extras)})" if extras else "") + why


def _risk_text(risk: Item) -> str:
    decided = f" (decided by {risk['decided_by']})" if risk.get("decided_by") else ""
    view = f" The person's view: {risk['persons_view']}" if risk.get("persons_view") else ""
    return f"{risk['risk']}: {risk['agreed']}{decided}{view}"


def _linked_plan_text(linked: Item) -> str:
    held = f" (held by {linked['held_by']})" if linked.get("held_by") else ""
    return f"{_label(LinkedPlan.Kind, linked.get('kind'))}: {linked.get('description', '')}{held}"


def _view_text(view: Item) -> str:
    handled = f" How it was handled: {view['how_handled']}" if view.get("how_handled") else ""
    return f"{view.get('by') or 'Someone'} sees this differently: {view['view']}{handled}"


def _yes_no(value: Any) -> str:
    return "yes" if value else "no"


STATEMENT_DETAILS = (
    Detail("text", ""),
    Detail("by", "added by"),
    Detail("kind", "added as", lambda kind: _label(ContributorKind, kind)),
    Detail("own_words", "in their own words", _yes_no),
)
OUTCOMES = Kind(
    "Outcomes",
    _outcome_text,
    lambda o: o["text"],
    (
        Detail("text", ""),
        Detail("why", "why it matters", _or_none),
        Detail("importance", "how important", _importance),
        Detail("progress", "progress", _progress),
    ),
)
ACTIONS = Kind(
    "Actions",
    _action_text,
    lambda a: a["what"],
    (
        Detail("what", ""),
        Detail("who", "who"),
        Detail("due", "by when", lambda due: _on(due) or "no date"),
        Detail("status", "status", _status),
        Detail("layer", "support from", lambda layer: _label(Layer, layer)),
    ),
)
RISKS = Kind(
    "Risks",
    _risk_text,
    lambda r: r["risk"],
    (
        Detail("risk", "what could go wrong"),
        Detail("agreed", "what we agreed"),
        Detail("decided_by", "who decided"),
        Detail("persons_view", "the person's view", _or_none),
    ),
)
LINKED_PLANS = Kind(
    "Other plans",
    _linked_plan_text,
    lambda p: p.get("description", ""),
    (
        Detail("kind", "kind of plan", lambda kind: _label(LinkedPlan.Kind, kind)),
        Detail("description", "what it is"),
        Detail("held_by", "held by", _or_none),
    ),
)
REVIEW = Kind(
    "Review arrangements",
    lambda review: "",
    lambda review: "",
    (
        Detail("next_review_on", "next review", lambda on: _on(on) or "not set"),
        Detail("triggers", "review early if", _or_none),
        Detail("lead", "led by", _or_none),
    ),
)


def _by_id(items: list[Item]) -> dict[int, Item]:
    return {item["id"]: item for item in items}


def _views(snap: dict[str, Any], about: dict[str, tuple[str, str]], shown: Callable[[str], bool]) -> dict[int, Item]:
    """The different views the reader may see, each worded with the item it is about."""
    found = {}
    for view in snap.get("disagreements", []):
        group, title = about.get(view["about"], ("", ""))
        if shown(group):
            found[view["id"]] = {**view, "title": title}
    return found


def _what_views_are_about(*snaps: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """'statement:12' -> (sharing group, what it says), from either version."""
    about: dict[str, tuple[str, str]] = {}
    for snap in snaps:
        for s in snap.get("statements", []):
            about[f"statement:{s['id']}"] = (SECTION_GROUP.get(s["section"], ""), s["text"])
        for o in snap.get("outcomes", []):
            about[f"outcome:{o['id']}"] = (SharingGroup.OUTCOMES, o["text"])
            for a in o.get("actions", []):
                about[f"action:{a['id']}"] = (LAYER_GROUP.get(a.get("layer", ""), SharingGroup.OUTCOMES), a["what"])
        for r in snap.get("risks", []):
            about[f"risk:{r['id']}"] = (SharingGroup.RISKS, r["risk"])
    return about


VIEWS = Kind(
    "Different views",
    lambda v: f"About '{v['title']}': {_view_text(v)}" if v.get("title") else _view_text(v),
    lambda v: f"About '{v['title']}'" if v.get("title") else "A different view",
    (
        Detail("view", "what they said"),
        Detail("by", "whose view"),
        Detail("how_handled", "how it was handled", _or_none),
    ),
)


def _compare_section(section: Section, old: dict[str, Any], new: dict[str, Any], changes: list[Change]) -> None:
    kind = Kind(section.label, lambda s: s["text"], lambda s: s["text"], STATEMENT_DETAILS)

    def in_section(snap: dict[str, Any]) -> dict[int, Item]:
        return _by_id([s for s in snap.get("statements", []) if s["section"] == section])

    _compare(kind, in_section(old), in_section(new), changes)


def diff(old: dict[str, Any], new: dict[str, Any], groups: frozenset[str] | None = None) -> Diff:
    """What changed from `old` to `new`, limited to the sharing `groups` the reader may see."""
    changes: list[Change] = []

    def shown(group: str) -> bool:
        return groups is None or group in groups

    for section in Section:
        if shown(SECTION_GROUP[section]):
            _compare_section(section, old, new, changes)
    if shown(SharingGroup.OUTCOMES):
        _compare(OUTCOMES, _by_id(old.get("outcomes", [])), _by_id(new.get("outcomes", [])), changes)

        def actions(snap: dict[str, Any]) -> dict[int, Item]:
            every = [a for o in snap.get("outcomes", []) for a in o.get("actions", [])]
            return _by_id([a for a in every if groups is None or action_is_shared(a.get("layer", ""), groups)])

        _compare(ACTIONS, actions(old), actions(new), changes)
    if shown(SharingGroup.RISKS):
        _compare(RISKS, _by_id(old.get("risks", [])), _by_id(new.get("risks", [])), changes)
    if shown(SharingGroup.REVIEW):
        _compare(REVIEW, {0: old.get("review", {})}, {0: new.get("review", {})}, changes)
    if shown(SharingGroup.LINKED_PLANS):
        _compare(LINKED_PLANS, _by_id(old.get("linked_plans", [])), _by_id(new.get("linked_plans", [])), changes)
    # Snapshots made before different views were kept cannot say which views are new.
    if "disagreements" in old and "disagreements" in new:
        about = _what_views_are_about(old, new)
        _compare(VIEWS, _views(old, about, shown), _views(new, about, shown), changes)
    return Diff(changes)
