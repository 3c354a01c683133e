"""The planning journey's facts: each an append-only row about one person, never a stored "stage".

Where the person is on their journey is worked out from these rows and from the plan's status
(`journeys.steps`), so nothing can drift out of step with what actually happened:

- `start`: planning started with the person, by whom, and by when the conversation should be;
- `preparation`: the checklists of preparation parts 1 (the process) and 3 (the practitioner's),
  test and assessment results and when each was explained to the person, the person choosing to
  go ahead with a result unexplained, and the team marking the conversation ready.
"""

from livingplan.journeys.models.preparation import (
    AssessmentResult,
    ChecklistAnswer,
    ChecklistItem,
    GoAheadChoice,
    ReadyForConversation,
    ResultExplained,
)
from livingplan.journeys.models.start import PlanningStarted

__all__ = [
    "AssessmentResult",
    "ChecklistAnswer",
    "ChecklistItem",
    "GoAheadChoice",
    "PlanningStarted",
    "ReadyForConversation",
    "ResultExplained",
]
