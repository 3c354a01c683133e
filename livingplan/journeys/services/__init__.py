"""Domain verbs for the planning journey: each guards, changes, audits (and tells) in one transaction.

- `start`: planning starts with a person, who is sent what to expect;
- `preparation`: the checklists of parts 1 and 3, results explained, going ahead, ready to talk.
"""

from livingplan.journeys.services.start import start_planning

__all__ = ["start_planning"]
