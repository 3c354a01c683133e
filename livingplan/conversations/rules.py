"""Who may do what with a person's preparation and their planning conversations.
Predicates assume the user can already see the person (their record came through `visible_to`)."""

from livingplan.conversations.models import PreparationStatus
from livingplan.core.viewer import Viewer
from livingplan.people.models import Person
from livingplan.plans import rules as plan_rules


def may_prepare(user: Viewer, person: Person) -> bool:
    """The person, or who writes in their own voice for them: a supporter they named, or their
    attorney or deputy once the person lacks capacity to agree the plan (ADR-025's rule)."""
    return plan_rules.writes_in_own_voice(user, person)[0]


def may_read_preparation(user: Viewer, person: Person, status: str) -> bool:
    """Answers are the person's until they say they have finished: then the care team reads them,
    to get ready for the conversation. Anyone else never sees them."""
    if may_prepare(user, person):
        return True
    return status == PreparationStatus.DONE and plan_rules.is_on_care_team(user, person)


def may_record_conversation(user: Viewer, person: Person) -> bool:
    """A coordinator or anyone on the person's care team writes down the planning conversation."""
    return plan_rules.is_on_care_team(user, person)


def may_read_conversations(user: Viewer, person: Person) -> bool:
    """Whoever sees the plan: the record holds only what went into the plan (each part filtered by
    the person's sharing choices, as the plan is) with who said it and who wrote it down."""
    return user.is_authenticated
