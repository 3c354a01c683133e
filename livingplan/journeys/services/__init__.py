"""Domain verbs for the planning journey: each guards, changes, audits (and tells) in one transaction.

- `start`: planning starts with a person, who is sent what to expect;
- `preparation`: the checklists of parts 1 and 3, results explained, going ahead, ready to talk.
"""

from livingplan.journeys.services.preparation import (
    add_result,
    answer_checklist,
    choose_to_go_ahead,
    current_answers,
    mark_ready_for_conversation,
    mark_result_explained,
    unexplained_results,
)
from livingplan.journeys.services.start import start_planning

__all__ = [
    "add_result",
    "answer_checklist",
    "choose_to_go_ahead",
    "current_answers",
    "mark_ready_for_conversation",
    "mark_result_explained",
    "start_planning",
    "unexplained_results",
]
