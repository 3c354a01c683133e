"""Is a resource valid R4? `fhir.resources.R4B` checks structure and types; we add the required
codes and cardinalities it lets through (it accepts CarePlan.status "bogus"). Problems are
`Issue`s naming where they are, and become one OperationOutcome."""

from dataclasses import dataclass
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from pydantic import ValidationError

from livingplan.interop.fhir.codes import ACTIVITY_STATUSES, REQUIRED_CODES, without_empty

# Required elements we read, for the types we map (the models check the rest).
REQUIRED: dict[str, tuple[str, ...]] = {
    "CarePlan": ("status", "intent", "subject"),
    "Goal": ("lifecycleStatus", "description", "subject"),
    "Consent": ("status", "scope", "category"),
}


@dataclass(frozen=True)
class Issue:
    where: str
    problem: str
    severity: str = "error"
    code: str = "invalid"

    def as_fhir(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "code": self.code,
            "diagnostics": self.problem,
            "expression": [self.where] if self.where else [],
        }


def operation_outcome(issues: list[Issue]) -> dict[str, Any]:
    return {"resourceType": "OperationOutcome", "issue": [without_empty(i.as_fhir()) for i in issues]}


def model_problems(resource: dict[str, Any], where: str) -> list[Issue]:
    """What `fhir.resources.R4B` finds wrong with `resource`, each with its path."""
    resource_type = str(resource.get("resourceType") or "")
    try:
        model = get_fhir_model_class(resource_type)
    except KeyError:
        return [Issue(where, f"{resource_type or 'A resource with no resourceType'} is not an R4 resource type")]
    try:
        model.model_validate(resource)
    except ValidationError as error:
        return [Issue(_path(where, e["loc"]), e["msg"]) for e in error.errors()]
    except (ValueError, TypeError) as error:
        return [Issue(where, str(error))]
    return []


def code_problems(resource: dict[str, Any], where: str) -> list[Issue]:
    """The required codes and elements the models do not check."""
    resource_type = str(resource.get("resourceType") or "")
    issues = [
        Issue(f"{where}.{name}", f"{resource_type}.{name} is required")
        for name in REQUIRED.get(resource_type, ())
        if resource.get(name) in (None, "", [], {})
    ]
    for name, allowed in REQUIRED_CODES.get(resource_type, {}).items():
        value = resource.get(name)
        if value is not None and value not in allowed:
            issues.append(
                Issue(
                    f"{where}.{name}", f"{value!r} is not a {resource_type}.{name} code ({', '.join(sorted(allowed))})"
                )
            )
    if resource_type == "CarePlan":
        for n, activity in enumerate(resource.get("activity") or []):
            status = (activity.get("detail") or {}).get("status") if isinstance(activity, dict) else None
            if isinstance(activity, dict) and "detail" in activity and status not in ACTIVITY_STATUSES:
                issues.append(
                    Issue(f"{where}.activity[{n}].detail.status", f"{status!r} is not an activity status code")
                )
    return issues


def problems(resource: dict[str, Any], where: str) -> list[Issue]:
    return model_problems(resource, where) + code_problems(resource, where)


def _path(where: str, loc: tuple[Any, ...]) -> str:
    path = where
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path
