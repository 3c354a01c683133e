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

import functools
from dataclasses import dataclass

from django.db import connection

from livingplan.core.viewer import Viewer
from livingplan.people import rules
from livingplan.people.models import (
    ACTING_AUTHORITY_SQL,
    CapacityOutcome,
    DecisionKind,
    LegalAuthority,
    Person,
    acting_authority_params,
    latest_capacity_outcome_sql,
)

# The decisions the service itself acts on; any other decision is recorded but not enforced here.
DECIDED_HERE = (DecisionKind.AGREE_PLAN, DecisionKind.SHARING)

# How someone acting for the person is described on the record, by the kind of authority they hold.
ACTING_AS = {
    LegalAuthority.Kind.LPA_HEALTH_WELFARE: "attorney for health and welfare",
    LegalAuthority.Kind.DEPUTY_WELFARE: "deputy for personal welfare",
}


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


@functools.cache
def _facts_sql() -> str:
    """One statement for everything `standing` needs: the latest outcome for each decision decided
    here, and the acting authority (if any) the user holds for the person."""
    authority = LegalAuthority._meta.db_table
    acting = f"""FROM {authority} a WHERE a.person_id = %s AND a.held_by_id = %s AND {ACTING_AUTHORITY_SQL}
                 ORDER BY a.kind, a.id LIMIT 1"""
    outcomes = ", ".join(latest_capacity_outcome_sql("%s") for _ in DECIDED_HERE)
    return f"SELECT {outcomes}, (SELECT a.id {acting}), (SELECT a.kind {acting})"


@dataclass(frozen=True)
class _Facts:
    outcomes: dict[str, str | None]
    authority_id: int | None
    authority_kind: str


def _facts(user: Viewer, person: Person, *, fresh: bool) -> _Facts:
    """Read once per person object and user; a service deciding a write asks again (`fresh`).

    An anonymous visitor (`pk` None) holds no authority: `held_by_id = NULL` matches no row."""
    memo: dict[int | None, _Facts] = person.__dict__.setdefault("_decision_facts", {})
    if fresh or user.pk not in memo:
        params: list[int | str | None] = []
        for decision in DECIDED_HERE:
            params += [person.pk, decision]
        for _ in range(2):
            params += [person.pk, user.pk, *acting_authority_params()]
        with connection.cursor() as cursor:
            cursor.execute(_facts_sql(), params)
            *outcomes, authority_id, authority_kind = cursor.fetchone()
        memo[user.pk] = _Facts(dict(zip(DECIDED_HERE, outcomes, strict=True)), authority_id, authority_kind or "")
    return memo[user.pk]


def standing(user: Viewer, person: Person, decision: str, *, fresh: bool = False) -> Standing:
    """Where `user` stands on `decision` about `person`, in at most one query per person and user."""
    if decision not in DECIDED_HERE:
        raise ValueError(f"The service does not act on {decision!r} decisions.")
    facts = _facts(user, person, fresh=fresh)
    return Standing(
        decision=decision,
        is_the_person=rules.is_the_person(user, person),
        person_lacks_capacity=facts.outcomes[decision] == CapacityOutcome.LACKS_CAPACITY,
        authority_id=facts.authority_id,
        authority_kind=facts.authority_kind,
    )
