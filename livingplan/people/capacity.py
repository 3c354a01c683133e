"""Who may make one decision about a person: the person, or someone acting for them.

The Mental Capacity Act 2005 starts from the assumption that a person can make their own
decisions, and capacity is judged one decision at a time. So for each decision the service
acts on (`DecisionKind`) the latest `CapacityAssessment` of that kind decides:

- no assessment, or the latest says the person has capacity: only the person decides;
- the latest says the person lacks capacity: only someone with legal authority for health
  and welfare decisions (a registered lasting power of attorney for health and welfare, or a
  deputy) who signs in as themself may decide, on the person's behalf. The person does not.

Property and financial affairs attorneys never count here: agreeing a care and support plan
and choosing who sees it are health and welfare decisions.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery, Value

from livingplan.people.models import CapacityAssessment, CapacityOutcome, DecisionKind, LegalAuthority, Person

# The decisions the service itself acts on; any other decision is recorded but not enforced here.
DECIDED_HERE = (DecisionKind.AGREE_PLAN, DecisionKind.SHARING)
HEALTH_AND_WELFARE = (LegalAuthority.Kind.LPA_HEALTH_WELFARE, LegalAuthority.Kind.DEPUTY_WELFARE)

# How someone acting for the person is described on the record, by the kind of authority they hold.
ACTING_AS = {
    LegalAuthority.Kind.LPA_HEALTH_WELFARE: "attorney for health and welfare",
    LegalAuthority.Kind.DEPUTY_WELFARE: "deputy for personal welfare",
}

# The annotations `with_decision_standing` adds to a person row, so a page needs no extra query.
_FOR_USER = "standing_for_user_id"
_AUTHORITY_ID = "standing_authority_id"
_AUTHORITY_KIND = "standing_authority_kind"


def _outcome_field(decision: str) -> str:
    return f"standing_{decision.lower()}_outcome"


@dataclass(frozen=True)
class Standing:
    """Where one user stands on one decision about one person."""

    decision: str
    is_the_person: bool
    person_lacks_capacity: bool
    authority_id: int | None = None
    authority_kind: str = ""

    @property
    def may_decide(self) -> bool:
        if self.person_lacks_capacity:
            return self.authority_id is not None
        return self.is_the_person

    @property
    def on_behalf(self) -> bool:
        """Deciding for the person under a legal authority, rather than the person deciding."""
        return self.may_decide and self.person_lacks_capacity

    @property
    def acting_as(self) -> str:
        return ACTING_AS.get(LegalAuthority.Kind(self.authority_kind), "") if self.on_behalf else "the person"


def _acting_authorities(user: Any) -> QuerySet[LegalAuthority]:
    """The health and welfare authorities this user holds for the person in the outer query.

    A lasting power of attorney can be used only once it is registered; a deputy's authority
    comes from the court order itself.
    """
    return (
        LegalAuthority.objects.filter(person=OuterRef("pk"), held_by_id=user.pk, kind__in=HEALTH_AND_WELFARE)
        .filter(Q(kind=LegalAuthority.Kind.DEPUTY_WELFARE) | Q(registered_on__isnull=False))
        .order_by("kind", "pk")
    )


def with_decision_standing(people: QuerySet[Person], user: Any) -> QuerySet[Person]:
    """Annotate each person with what `standing()` needs for `user`, inside the same query."""
    latest = {
        _outcome_field(kind): Subquery(
            CapacityAssessment.objects.filter(person=OuterRef("pk"), decision_kind=kind)
            .order_by("-assessed_on", "-pk")
            .values("outcome")[:1]
        )
        for kind in DECIDED_HERE
    }
    authorities = _acting_authorities(user)
    return people.annotate(
        **latest,
        **{
            _FOR_USER: Value(user.pk),
            _AUTHORITY_ID: Subquery(authorities.values("pk")[:1]),
            _AUTHORITY_KIND: Subquery(authorities.values("kind")[:1]),
        },
    )


def standing(user: Any, person: Person, decision: str) -> Standing:
    """Where `user` stands on `decision` about `person`: from the row's annotations when it was
    loaded through `with_decision_standing` for this same user, otherwise in one query."""
    if decision not in DECIDED_HERE:
        raise ValueError(f"The service does not act on {decision!r} decisions.")
    row: Any = person
    if getattr(person, _FOR_USER, None) != user.pk:
        row = with_decision_standing(Person._default_manager.filter(pk=person.pk), user).get()
    return Standing(
        decision=decision,
        is_the_person=person.user_id is not None and person.user_id == user.pk,
        person_lacks_capacity=getattr(row, _outcome_field(decision)) == CapacityOutcome.LACKS_CAPACITY,
        authority_id=getattr(row, _AUTHORITY_ID),
        authority_kind=getattr(row, _AUTHORITY_KIND) or "",
    )
