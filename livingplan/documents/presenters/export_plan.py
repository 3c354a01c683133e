"""The subject access export's `plan.json`: the plan as it is now, with who added each part and when."""

from typing import Any

from livingplan.community.models import HelpedAnswer
from livingplan.documents.presenters.export import iso, user_name
from livingplan.documents.presenters.subject_access import SubjectAccess
from livingplan.plans.models import Action, Outcome
from livingplan.plans.sections import Section, SharingGroup

SECTION_LABELS = {s.value: s.label for s in Section}


def _contribution(item: Any) -> dict[str, Any]:
    return {
        "added_by": user_name(item.contributed_by),
        "added_as": item.get_contributor_kind_display(),
        "added_at": iso(item.contributed_at),
        "in_own_words": item.in_own_words,
    }


def _own_voice(item: Any) -> dict[str, Any]:
    """Statements and outcomes: whether they are in the plan or a suggestion, and who decided (ADR-025)."""
    return {
        **_contribution(item),
        "status": item.get_status_display(),
        "written_for_me": item.written_for,
        "decided_by": user_name(item.decided_by),
        "decided_at": iso(item.decided_at),
    }


def _action(a: Action) -> dict[str, Any]:
    return {
        "what": a.what,
        "who": a.owner_name,
        # The account of whoever does it, where they sign in to this service.
        "who_signs_in_as": user_name(a.owner),
        "due_on": iso(a.due_on),
        "status": a.get_status_display(),
        "support_from": a.get_layer_display(),
        **_contribution(a),
    }


def _outcome(o: Outcome) -> dict[str, Any]:
    return {
        "text": o.text,
        "why_it_matters": o.why_it_matters,
        "importance": o.importance,
        "is_current": o.is_active,
        **_own_voice(o),
        "progress": [
            {
                "score": s.score,
                "out_of": 10,
                "recorded_on": iso(s.recorded_on),
                "recorded_by": user_name(s.recorded_by),
                "note": s.note,
            }
            for s in o.scores.all()
        ],
        "actions": [_action(a) for a in o.actions.all()],
    }


def plan_json(data: SubjectAccess) -> dict[str, Any]:
    plan = data.plan
    if plan is None:
        return {"plan": None}
    return {
        "status": plan.get_status_display(),
        "revision": plan.revision,
        "started_at": iso(plan.created_at),
        "last_changed_at": iso(plan.updated_at),
        "statements": [
            {"section": SECTION_LABELS.get(s.section, s.section), "text": s.text, **_own_voice(s)}
            for s in data.statements
        ],
        "outcomes": [_outcome(o) for o in data.outcomes],
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
                "raised_by": user_name(d.raised_by),
                "raised_at": iso(d.raised_at),
                "how_handled": d.how_handled,
            }
            for d in data.disagreements
        ],
        **_history(data),
        "review": {
            "next_review_on": iso(plan.next_review_on),
            "review_lead": user_name(plan.review_lead),
            "review_early_if": plan.early_review_triggers,
        },
        "other_plans": [
            {"kind": p.get_kind_display(), "description": p.description, "held_by": p.held_by}
            for p in data.linked_plans
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
        "who_may_write_for_me": [
            {
                "who": user_name(w.supporter),
                "chosen_by": user_name(w.granted_by),
                "chosen_at": iso(w.granted_at),
                "ended_by": user_name(w.ended_by),
                "ended_at": iso(w.ended_at),
            }
            for w in data.writers
        ],
    }


def _history(data: SubjectAccess) -> dict[str, Any]:
    """What changed and what was said along the way: words changed, the plan's moves, notes between reviews."""
    return {
        "changes_to_words": [
            {
                "about": e.about,
                "change": e.get_kind_display(),
                "words_before": e.old_text,
                "words_after": e.new_text,
                "changed_by": user_name(e.edited_by),
                "changed_at": iso(e.edited_at),
            }
            for e in data.content_edits
        ],
        "status_history": [
            {
                "from": c.get_from_status_display() if c.from_status else None,
                "to": c.get_to_status_display(),
                "changed_by": user_name(c.changed_by),
                "changed_at": iso(c.changed_at),
                "note": c.note,
            }
            for c in data.status_changes
        ],
        "notes": [
            {
                "text": n.text,
                "written_by": user_name(n.written_by),
                "written_as": n.get_contributor_kind_display(),
                "written_at": iso(n.written_at),
                "asks_for_review": n.asks_for_review,
            }
            for n in data.notes
        ],
        "local_activities": [
            {
                "action": link.action.what,
                "activity": link.resource.name,
                "linked_by": user_name(link.linked_by),
                "linked_at": iso(link.linked_at),
                "asked_whether_it_helped_on": iso(link.ask_on),
                "did_it_help": _helped(data.helped.get(link.pk)),
            }
            for link in data.local_links
        ],
    }


def _helped(answer: HelpedAnswer | None) -> dict[str, Any] | None:
    if answer is None:
        return None
    return {
        "answer": answer.get_answer_display(),
        "words": answer.words,
        "answered_by": user_name(answer.answered_by),
        "answered_at": iso(answer.answered_at),
    }
