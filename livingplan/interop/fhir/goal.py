"""An outcome -> Goal: the description in the person's words, its standing with the person as
the lifecycle, progress (0 to 10) as the achievement and a target, and who said it."""

from dataclasses import dataclass
from typing import Any

from livingplan.interop.fhir.codes import (
    GOAL_ACHIEVEMENT,
    GOAL_LIFECYCLE,
    GOAL_PRIORITY,
    PRIORITY,
    concept,
    reference,
    text_of,
)
from livingplan.plans.models import Outcome, ProgressScore

PROGRESS_MEASURE = "Progress towards this outcome, scored from 0 to 10"


def to_fhir(outcome: Outcome, *, latest: ProgressScore | None, expressed_by: dict[str, str]) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Goal",
        "id": str(outcome.pk),
        "lifecycleStatus": GOAL_LIFECYCLE[outcome.status],
        "priority": concept(
            f"Importance {outcome.importance} of 5", {"system": GOAL_PRIORITY, "code": PRIORITY[outcome.importance]}
        ),
        "description": {"text": outcome.text},
        "subject": reference("Patient", outcome.person_id),
        "expressedBy": expressed_by,
        "target": [{"measure": {"text": PROGRESS_MEASURE}, "detailInteger": 10}],
        "note": [{"text": f"Why it matters: {outcome.why_it_matters}"}] if outcome.why_it_matters else [],
    }
    if latest is not None:
        achieved = "achieved" if latest.score >= 10 else "in-progress"
        resource["achievementStatus"] = concept(
            f"Progress {latest.score} of 10 on {latest.recorded_on.isoformat()}",
            {"system": GOAL_ACHIEVEMENT, "code": achieved},
        )
        resource["statusDate"] = latest.recorded_on.isoformat()
    return resource


@dataclass
class GoalFields:
    text: str
    why_it_matters: str


def from_fhir(resource: dict[str, Any]) -> GoalFields:
    why = ""
    for note in resource.get("note") or []:
        words = str(note.get("text") or "")
        if words.startswith("Why it matters: "):
            why = words.removeprefix("Why it matters: ")
    return GoalFields(text=text_of(resource.get("description")), why_it_matters=why)
