"""The Care Act completeness check before a budget goes for sign-off: each missing item named.

Pure: it is given what the plan and budget hold and says what is missing, in the words the
coordinator sees beside each item ("Record ..."), in the order the Care Act lists them.
"""

import datetime as dt
from dataclasses import dataclass

from livingplan.budgets.money import pounds
from livingplan.budgets.totals import Totals


@dataclass(frozen=True)
class Facts:
    has_needs: bool
    has_eligible_needs: bool
    outcomes: int
    lines: int
    lines_without_outcome: list[str]
    totals: Totals
    contribution_pence: int
    routes: int
    advice_given: str
    person_involvement: str
    next_review_on: dt.date | None


@dataclass(frozen=True)
class Item:
    name: str
    missing: str  # "" when the item is complete


def _money(facts: Facts) -> str:
    t = facts.totals
    if t.funded_pence != t.yearly_pence:
        return f"The funding adds up to {pounds(t.funded_pence)} a year but the support costs {pounds(t.yearly_pence)}"
    if facts.contribution_pence and t.charges_nothing:
        return "Remove the person's contribution: NHS funding and section 117 aftercare are free to the person"
    if facts.contribution_pence > t.council_pence:
        return "The person's contribution cannot be more than the council's share"
    return ""


def _deployment(facts: Facts) -> str:
    if not facts.routes:
        return "Choose how the budget will be spent: direct payment, individual service fund or council-managed"
    if facts.totals.deployed_pence != facts.totals.yearly_pence:
        return (
            f"The ways of spending add up to {pounds(facts.totals.deployed_pence)} a year "
            f"but the support costs {pounds(facts.totals.yearly_pence)}"
        )
    return ""


def _met(facts: Facts) -> str:
    if not facts.lines:
        return "Add the support that will meet the person's needs, with what it costs"
    if facts.lines_without_outcome:
        return "Link each line to an outcome it serves: " + ", ".join(facts.lines_without_outcome)
    return ""


def check(facts: Facts, *, today: dt.date) -> list[Item]:
    review_missing = ""
    if facts.next_review_on is None:
        review_missing = "Set the next review date in the plan"
    elif facts.next_review_on <= today:
        review_missing = "Set a next review date in the future"
    return [
        Item("Needs", "" if facts.has_needs else "Record the person's needs in the plan"),
        Item("Eligible needs", "" if facts.has_eligible_needs else "Record the assessed eligible needs in the plan"),
        Item("Outcomes", "" if facts.outcomes else "Agree at least one outcome with the person"),
        Item("Which needs are met and how", _met(facts)),
        Item("The personal budget", _money(facts) if facts.lines else "Add the costed support first"),
        Item("How the budget will be spent", _deployment(facts)),
        Item(
            "Advice and information given",
            "" if facts.advice_given.strip() else "Record the advice and information given",
        ),
        Item(
            "The person's involvement",
            "" if facts.person_involvement.strip() else "Record how the person was involved in their plan and budget",
        ),
        Item("Next review date", review_missing),
    ]


def missing(items: list[Item]) -> list[Item]:
    return [item for item in items if item.missing]
