"""Who may do what to a plan. Predicates assume the user can already see the person."""

from livingplan.core.viewer import Viewer
from livingplan.people import capacity
from livingplan.people.models import DecisionKind, Person
from livingplan.people.rules import is_coordinator, is_on_care_team, is_the_person
from livingplan.plans.lifecycle import Actor
from livingplan.plans.models import WritesForPerson

# Written once in people.rules; plans code imports them from here too.
__all__ = ["is_coordinator", "is_on_care_team", "is_the_person"]


def is_in_circle(user: Viewer, person: Person) -> bool:
    return user.pk is not None and person.circle.filter(user_id=user.pk, has_access=True).exists()


def can_contribute(user: Viewer, person: Person) -> bool:
    """The person, their circle (with access) and their care team write the plan together."""
    return is_the_person(user, person) or is_on_care_team(user, person) or is_in_circle(user, person)


def lifecycle_actors(user: Viewer, person: Person, *, fresh: bool = False) -> frozenset[Actor]:
    """Who `user` is to this plan for moving it on (`lifecycle.TRANSITIONS[...].who`).

    An attorney or deputy counts as one only while they hold a health and welfare authority; the
    capacity rule then decides whether it is theirs or the person's decision (`can_agree`)."""
    actors: set[Actor] = set()
    if is_the_person(user, person):
        actors.add(Actor.PERSON)
    if is_coordinator(user, person):
        actors.add(Actor.COORDINATOR)
    if agreement_standing(user, person, fresh=fresh).authority_id is not None:
        actors.add(Actor.ATTORNEY)
    return frozenset(actors)


def agreement_standing(user: Viewer, person: Person, *, fresh: bool = False) -> capacity.Standing:
    return capacity.standing(user, person, DecisionKind.AGREE_PLAN, fresh=fresh)


def sharing_standing(user: Viewer, person: Person, *, fresh: bool = False) -> capacity.Standing:
    return capacity.standing(user, person, DecisionKind.SHARING, fresh=fresh)


def can_agree(user: Viewer, person: Person) -> bool:
    """The person agrees their own plan, as capacity is assumed. Only if they have been assessed as
    lacking capacity to agree it may their health and welfare attorney or deputy agree it for them."""
    return agreement_standing(user, person).may_decide


def can_change_sharing(user: Viewer, person: Person) -> bool:
    """The same rule as agreeing, for the separate decision about who sees which parts of the plan."""
    return sharing_standing(user, person).may_decide


# The person's own voice (ADR-025) ------------------------------------------------------------


def may_decide_suggestions(user: Viewer, person: Person, *, fresh: bool = False) -> bool:
    """Who accepts words for the person's own-voice sections, and names who may write for them:
    the same rule as agreeing the plan, so an attorney or deputy decides once the person lacks capacity."""
    return agreement_standing(user, person, fresh=fresh).may_decide


def is_named_writer(user: Viewer, person: Person) -> bool:
    """A supporter the person chose, whose words go straight into their own-voice sections."""
    return (
        user.pk is not None
        and WritesForPerson.objects.filter(person=person, supporter_id=user.pk, ended_at__isnull=True).exists()
    )


def writes_in_own_voice(user: Viewer, person: Person) -> tuple[bool, bool]:
    """(goes straight in, written for the person by someone else) for words in an own-voice section.

    The person's words are their own. Their attorney or deputy, once deciding for them, and a
    supporter they named, write for them. Anyone else suggests."""
    if is_the_person(user, person):
        return True, False
    if is_named_writer(user, person) or (agreement_standing(user, person, fresh=True).on_behalf):
        return True, True
    return False, False
