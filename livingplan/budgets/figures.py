"""Time to sign-off and approval to first payment, by team and month: pure arithmetic on the
clocks, so the chart, the table beside it and the CSV are the same numbers."""

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Decided:
    team: str
    month: str  # "2026-11", the London month of the decision
    working_days: int
    returned_days: int
    in_time: bool
    to_first_payment: int | None  # working days from approval; None if not approved or not yet paid


@dataclass(frozen=True)
class Row:
    team: str
    month: str
    decided: int
    median_days: float
    p90_days: int
    within_target_percent: int
    median_returned_days: float
    paid: int
    median_to_first_payment: float | None


def median(values: Sequence[int]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values: Sequence[int], share: float) -> int:
    """Nearest rank: the smallest value with at least `share` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def rows(decided: Sequence[Decided]) -> list[Row]:
    groups: dict[tuple[str, str], list[Decided]] = {}
    for item in decided:
        groups.setdefault((item.team, item.month), []).append(item)
    result = []
    for (team, month), items in sorted(groups.items(), key=lambda pair: (pair[0][1], pair[0][0])):
        days = [i.working_days for i in items]
        paid = [i.to_first_payment for i in items if i.to_first_payment is not None]
        result.append(
            Row(
                team=team,
                month=month,
                decided=len(items),
                median_days=median(days),
                p90_days=percentile(days, 0.9),
                within_target_percent=round(100 * sum(i.in_time for i in items) / len(items)),
                median_returned_days=median([i.returned_days for i in items]),
                paid=len(paid),
                median_to_first_payment=median(paid) if paid else None,
            )
        )
    return result
