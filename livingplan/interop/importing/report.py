"""What became of each unit imported and each resource in it: created, matched, skipped and why."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from livingplan.interop.fhir.checks import Issue, operation_outcome

CREATED, MATCHED, SKIPPED = "created", "matched", "skipped"


@dataclass
class UnitReport:
    name: str
    seen: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[tuple[str, str]] = field(default_factory=Counter)
    reasons: dict[str, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    # Each entry's fate, by where it is (`Bundle.entry[2].resource`): outcome, what it is here, why.
    results: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    # Refused as sent (invalid resources: the client's to fix) or by a rule here (not theirs to do).
    refused_by_a_rule: bool = False

    @property
    def refused(self) -> bool:
        return any(i.severity in ("error", "fatal") for i in self.issues)

    def count(self, resource_type: str, outcome: str, reason: str = "") -> None:
        self.outcomes[(resource_type, outcome)] += 1
        if reason:
            self.reasons.setdefault(resource_type, reason)

    def result(self, where: str, outcome: str, location: str = "", reason: str = "") -> None:
        self.results[where] = (outcome, location, reason)

    def refuse(self, issues: list[Issue], *, by_a_rule: bool = False) -> None:
        self.issues = issues
        self.refused_by_a_rule = by_a_rule
        self.outcomes.clear()
        self.results.clear()

    def operation_outcome(self) -> dict[str, Any]:
        return operation_outcome(self.issues)

    def lines(self) -> list[str]:
        if self.refused:
            return [
                f"{self.name}: REFUSED, nothing imported",
                *(f"  {i.where or '-'}: {i.problem}" for i in self.issues),
            ]
        lines = [f"{self.name}: imported"]
        for resource_type in sorted(self.seen):
            parts = [
                f"{self.outcomes[(resource_type, o)]} {o}"
                for o in (CREATED, MATCHED, SKIPPED)
                if self.outcomes[(resource_type, o)]
            ]
            why = f" ({self.reasons[resource_type]})" if resource_type in self.reasons else ""
            lines.append(
                f"  {resource_type}: {self.seen[resource_type]} read, {', '.join(parts) or 'nothing made'}{why}"
            )
        return lines


@dataclass
class ImportReport:
    units: list[UnitReport] = field(default_factory=list)

    @property
    def refused(self) -> list[UnitReport]:
        return [u for u in self.units if u.refused]

    def totals(self) -> Counter[tuple[str, str]]:
        total: Counter[tuple[str, str]] = Counter()
        for unit in self.units:
            total.update(unit.outcomes)
        return total
