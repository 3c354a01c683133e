"""The contingency plan with its trigger factors (PRSB: mandatory) -> a second CarePlan, `partOf`
the person's plan, category contingency-plan: one activity per statement in a CRISIS_ section
(early warning signs, what helps, what to avoid, who to contact and how, medicines and equipment),
its section as the activity's code. Status `unknown`: these say what to do if, not tasks to finish."""

from typing import Any

from livingplan.interop.fhir.codes import CONTINGENCY, PLAN_SECTION, PLAN_STATUS, code_in, concept, reference
from livingplan.people.models import Person
from livingplan.plans.models import Plan, Statement
from livingplan.plans.sections import CRISIS_SECTIONS, Section


def to_fhir(plan: Plan, person: Person, statements: list[Statement]) -> dict[str, Any] | None:
    """None when the plan has no contingency part yet."""
    if not statements:
        return None
    order: dict[str, int] = {str(s): n for n, s in enumerate(CRISIS_SECTIONS)}
    return {
        "resourceType": "CarePlan",
        "id": f"{plan.pk}-contingency",
        "status": PLAN_STATUS[plan.status],
        "intent": "plan",
        "category": [concept(CONTINGENCY["display"], CONTINGENCY)],
        "title": f"Contingency and crisis plan for {person.full_name}",
        "subject": reference("Patient", person.pk, person.full_name),
        "partOf": [reference("CarePlan", plan.pk)],
        "author": reference("Patient", person.pk, person.full_name),
        "activity": [
            {
                "detail": {
                    "code": concept(Section(s.section).label, {"system": PLAN_SECTION, "code": s.section}),
                    "status": "unknown",
                    "description": s.text,
                }
            }
            for s in sorted(statements, key=lambda s: (order[s.section], s.position, s.pk))
        ],
    }


def is_contingency(resource: dict[str, Any]) -> bool:
    return any(code_in(c, CONTINGENCY["system"]) == CONTINGENCY["code"] for c in resource.get("category") or [])


def from_fhir(resource: dict[str, Any]) -> list[tuple[str, str]]:
    """(section, words) for each activity of a contingency CarePlan in one of our crisis sections."""
    found = []
    for activity in resource.get("activity") or []:
        detail = activity.get("detail") or {}
        section = code_in(detail.get("code"), PLAN_SECTION)
        if section in CRISIS_SECTIONS and detail.get("description"):
            found.append((section, str(detail["description"])))
    return found
