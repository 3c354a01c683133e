"""Freeze a plan into plain data, and compare two frozen plans as a readable list of changes.

Pure functions over dicts (no ORM in `diff`), so versions compare the same way forever.
"""

from dataclasses import dataclass, field
from typing import Any

from livingplan.plans.models import Plan, StatementStatus
from livingplan.plans.sections import SECTION_GROUP, Section, SharingGroup


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
        },
        "linked_plans": [{"id": p.pk, "kind": p.kind, "description": p.description} for p in plan.linked_plans.all()],
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


def _compare(where: str, old: dict[int, str], new: dict[int, str], changes: list[Change]) -> None:
    for key in old.keys() - new.keys():
        changes.append(Change("removed", where, before=old[key]))
    for key in sorted(new.keys() - old.keys()):
        changes.append(Change("added", where, after=new[key]))
    for key in sorted(old.keys() & new.keys()):
        if old[key] != new[key]:
            changes.append(Change("changed", where, before=old[key], after=new[key]))


def _in_section(snap: dict[str, Any], section: str) -> dict[int, str]:
    return {s["id"]: s["text"] for s in snap["statements"] if s["section"] == section}


def _action_text(action: dict[str, Any]) -> str:
    due = f", by {action['due']}" if action.get("due") else ""
    return f"{action['what']} ({action['who']}{due}) - {action['status'].replace('_', ' ').lower()}"


def diff(old: dict[str, Any], new: dict[str, Any], groups: frozenset[str] | None = None) -> Diff:
    """What changed from `old` to `new`, limited to the sharing `groups` the reader may see."""
    changes: list[Change] = []

    def shown(group: str) -> bool:
        return groups is None or group in groups

    for section in Section:
        if not shown(SECTION_GROUP[section]):
            continue
        _compare(section.label, _in_section(old, section), _in_section(new, section), changes)
    if shown(SharingGroup.OUTCOMES):
        _compare(
            "Outcomes",
            {o["id"]: o["text"] for o in old["outcomes"]},
            {o["id"]: o["text"] for o in new["outcomes"]},
            changes,
        )
        old_actions = {a["id"]: _action_text(a) for o in old["outcomes"] for a in o["actions"]}
        new_actions = {a["id"]: _action_text(a) for o in new["outcomes"] for a in o["actions"]}
        _compare("Actions", old_actions, new_actions, changes)
    if shown(SharingGroup.RISKS):
        _compare(
            "Risks",
            {r["id"]: f"{r['risk']}: {r['agreed']}" for r in old["risks"]},
            {r["id"]: f"{r['risk']}: {r['agreed']}" for r in new["risks"]},
            changes,
        )
    if shown(SharingGroup.REVIEW) and old["review"] != new["review"]:
        changes.append(
            Change(
                "changed", "Review arrangements", before=_review_text(old["review"]), after=_review_text(new["review"])
            )
        )
    return Diff(changes)


def _review_text(review: dict[str, Any]) -> str:
    return f"Next review {review.get('next_review_on') or 'not set'}. {review.get('triggers') or ''}".strip()
