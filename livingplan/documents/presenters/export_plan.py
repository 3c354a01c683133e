"""The subject access export's `plan.json`: the plan as it is now, with who added each part and when."""

from typing import Any

from livingplan.documents.presenters.export import iso, user_name
from livingplan.documents.presenters.subject_access import SubjectAccess
from livingplan.plans.sections import Section, SharingGroup


def _contribution(item: Any) -> dict[str, Any]:
    return {
        "added_by": user_name(item.contributed_by),
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
                "raised_by": user_name(d.raised_by),
                "raised_at": iso(d.raised_at),
                "how_handled": d.how_handled,
            }
            for d in data.disagreements
        ],
        "review": {
            "next_review_on": iso(plan.next_review_on),
            "review_lead": user_name(plan.review_lead),
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
                "changed_by": user_name(c.changed_by),
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
