"""The systems and code maps the mappers share, each written once (ADR-044 lists them all)."""

from typing import Any

NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number"
ODS_CODE = "https://fhir.nhs.uk/Id/ods-organization-code"
# Our own code systems, for what no national code system says yet.
OURS = "https://livingplan.example/fhir"
PLAN_CATEGORY = f"{OURS}/CodeSystem/plan-category"
ACTION_LAYER = f"{OURS}/CodeSystem/action-layer"
PERSON_ID = f"{OURS}/Id/person"
GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
GOAL_PRIORITY = "http://terminology.hl7.org/CodeSystem/goal-priority"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
CONSENT_CATEGORY_LOINC = "http://loinc.org"

PERSONALISED_CARE = {
    "system": PLAN_CATEGORY,
    "code": "personalised-care-and-support-plan",
    "display": "Personalised care and support plan",
}

# Our plan's lifecycle -> CarePlan.status. A plan waiting for agreement is not yet in force, so
# it is still a draft; once agreed it is active, and it stays in force while it is reviewed.
PLAN_STATUS = {
    "DRAFT": "draft",
    "PROPOSED": "draft",
    "AGREED": "active",
    "ACTIVE": "active",
    "UNDER_REVIEW": "active",
}

# An outcome's standing with the person (ADR-025) -> Goal.lifecycleStatus, and back.
GOAL_LIFECYCLE = {"PROPOSED": "proposed", "ACCEPTED": "active", "DECLINED": "rejected", "REMOVED": "cancelled"}

# Action.status <-> CarePlan.activity.detail.status.
ACTIVITY_STATUS = {
    "NOT_STARTED": "not-started",
    "IN_PROGRESS": "in-progress",
    "DONE": "completed",
    "STOPPED": "stopped",
}
ACTIVITY_STATUS_IN = {
    **{fhir: ours for ours, fhir in ACTIVITY_STATUS.items()},
    "scheduled": "NOT_STARTED",
    "on-hold": "IN_PROGRESS",
    "cancelled": "STOPPED",
    "unknown": "NOT_STARTED",
    "entered-in-error": "STOPPED",
}

# Goal.priority from how much an outcome matters to the person (1 to 5).
PRIORITY = {5: "high-priority", 4: "high-priority", 3: "medium-priority", 2: "low-priority", 1: "low-priority"}

# Required codes the R4 models accept any string for (fhir.resources takes status "bogus").
REQUIRED_CODES: dict[str, dict[str, frozenset[str]]] = {
    "CarePlan": {
        "status": frozenset({"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}),
        "intent": frozenset({"proposal", "plan", "order", "option"}),
    },
    "Goal": {
        "lifecycleStatus": frozenset(
            {
                "proposed",
                "planned",
                "accepted",
                "active",
                "on-hold",
                "completed",
                "cancelled",
                "entered-in-error",
                "rejected",
            }
        )
    },
    "CareTeam": {"status": frozenset({"proposed", "active", "suspended", "inactive", "entered-in-error"})},
    "Consent": {"status": frozenset({"draft", "proposed", "active", "rejected", "inactive", "entered-in-error"})},
    "Patient": {"gender": frozenset({"male", "female", "other", "unknown"})},
    "Bundle": {
        "type": frozenset(
            {
                "document",
                "message",
                "transaction",
                "transaction-response",
                "batch",
                "batch-response",
                "history",
                "searchset",
                "collection",
            }
        )
    },
}
ACTIVITY_STATUSES = frozenset(
    {
        "not-started",
        "scheduled",
        "in-progress",
        "on-hold",
        "completed",
        "cancelled",
        "stopped",
        "unknown",
        "entered-in-error",
    }
)


def concept(text: str, coding: dict[str, str] | None = None) -> dict[str, Any]:
    """A CodeableConcept with its words, and a coding when there is one."""
    return {"coding": [coding], "text": text} if coding else {"text": text}


def reference(resource_type: str, resource_id: str | int, display: str = "") -> dict[str, str]:
    ref = {"reference": f"{resource_type}/{resource_id}"}
    if display:
        ref["display"] = display
    return ref


def text_of(value: Any) -> str:
    """The words of a CodeableConcept: its text, else its first coding's display or code."""
    if not isinstance(value, dict):
        return ""
    if value.get("text"):
        return str(value["text"])
    for coding in value.get("coding") or []:
        if isinstance(coding, dict) and (coding.get("display") or coding.get("code")):
            return str(coding.get("display") or coding.get("code"))
    return ""


def code_in(value: Any, system: str) -> str:
    """The code from `system` in a CodeableConcept, or ""."""
    if not isinstance(value, dict):
        return ""
    for coding in value.get("coding") or []:
        if isinstance(coding, dict) and coding.get("system") == system:
            return str(coding.get("code", ""))
    return ""


def without_empty(value: Any) -> Any:
    """JSON with no nulls, empty strings, lists or objects: FHIR forbids them (and says so: ele-1).

    Written as loops over exact types, not comprehensions comparing each value with `[]` and `{}`:
    it runs over every element of every export, and was a third of the bulk export's time."""
    kind = type(value)
    if kind is dict:
        kept: dict[str, Any] = {}
        for key, item in value.items():
            item = _kept(item)
            if item is not _GONE:
                kept[key] = item
        return kept
    if kind is list:
        return [item for item in map(_kept, value) if item is not _GONE]
    return value


_GONE = object()


def _kept(item: Any) -> Any:
    kind = type(item)
    if kind is dict or kind is list:
        item = without_empty(item)
        return item if item else _GONE
    if item is None or (kind is str and not item):
        return _GONE
    return item


PLAN_SECTION = f"{OURS}/CodeSystem/plan-section"
CONTINGENCY = {"system": PLAN_CATEGORY, "code": "contingency-plan", "display": "Contingency and crisis plan"}
PROVENANCE_AUTHOR = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
