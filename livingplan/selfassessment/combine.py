"""Combining ratings per area: median, spread, counts per level, by kind of rater, and the gap.

Plain functions over plain values, no database, so the arithmetic is tested on its own.
"""

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from livingplan.selfassessment import instrument

# Staff and lived experience this many levels apart (by their medians) is a gap worth talking about.
GAP = 2


@dataclass(frozen=True)
class Vote:
    area_id: str
    kind: str
    level: int
    rater: str
    evidence: str = ""


@dataclass
class Combined:
    area: instrument.Area
    votes: list[Vote] = field(default_factory=list)
    agreed: int | None = None
    previous: int | None = None

    @property
    def levels(self) -> list[int]:
        return [v.level for v in self.votes]

    @property
    def median(self) -> float | None:
        return statistics.median(self.levels) if self.votes else None

    @property
    def spread(self) -> int | None:
        return max(self.levels) - min(self.levels) if self.votes else None

    def counts(self) -> list[int]:
        """How many raters chose each level, level 1 first."""
        return [self.levels.count(n) for n in range(1, instrument.LEVELS + 1)]

    def median_of(self, kinds: Sequence[str]) -> float | None:
        chosen = [v.level for v in self.votes if v.kind in kinds]
        return statistics.median(chosen) if chosen else None

    def gap(self, staff: Sequence[str], lived: Sequence[str]) -> float | None:
        """Staff's median less lived experience's; None unless both have rated."""
        ours, theirs = self.median_of(staff), self.median_of(lived)
        if ours is None or theirs is None:
            return None
        return ours - theirs

    def has_gap(self, staff: Sequence[str], lived: Sequence[str]) -> bool:
        found = self.gap(staff, lived)
        return found is not None and abs(found) >= GAP

    @property
    def movement(self) -> int | None:
        if self.agreed is None or self.previous is None:
            return None
        return self.agreed - self.previous


def combine(
    areas: Iterable[instrument.Area],
    votes: Iterable[Vote],
    agreed: dict[str, int],
    previous: dict[str, int],
) -> list[Combined]:
    """One `Combined` per area, in the instrument's order."""
    rows = {area.id: Combined(area=area, agreed=agreed.get(area.id), previous=previous.get(area.id)) for area in areas}
    for vote in votes:
        if vote.area_id in rows:  # a rating for an area no longer in the instrument is ignored
            rows[vote.area_id].votes.append(vote)
    return list(rows.values())


def level_words(value: float | None) -> str:
    """A median as people say it: "3", "3.5", or "not rated"."""
    if value is None:
        return "Not rated"
    return f"{value:g}"
