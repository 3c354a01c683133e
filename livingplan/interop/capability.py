"""The CapabilityStatement: exactly what these endpoints support, nothing more (ADR-044)."""

from typing import Any

from django.utils import timezone

# Resource type -> its search parameters (name, type, what it means).
SEARCHES: dict[str, dict[str, tuple[str, str]]] = {
    "Patient": {
        "identifier": ("token", "An identifier: system|value (the NHS number system for NHS numbers) or a value"),
        "name": ("string", "Part of the person's given, family or preferred name"),
    },
    "CarePlan": {
        "patient": ("reference", "The person the plan is for: Patient/id or id"),
        "status": ("token", "draft or active"),
    },
    "Goal": {"patient": ("reference", "The person whose outcomes these are: Patient/id or id")},
    "CareTeam": {"patient": ("reference", "The person whose care team this is: Patient/id or id")},
}

BULK = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition"
SYSTEM_EXPORT, PATIENT_EXPORT = f"{BULK}/export", f"{BULK}/patient-export"


def capability_statement(base: str) -> dict[str, Any]:
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": timezone.now().date().isoformat(),
        "publisher": "Living Plan",
        "kind": "instance",
        "implementation": {"description": "Living Plan: personalised care and support plans", "url": base},
        "fhirVersion": "4.0.1",
        "format": ["application/fhir+json"],
        "rest": [
            {
                "mode": "server",
                "security": {
                    "description": "A bearer token in the fhir scope (Authorization: Bearer lp_...), "
                    "acting for its user: only what they may see, anything else is 404."
                },
                "resource": [
                    {
                        "type": resource_type,
                        "interaction": [{"code": "read"}, {"code": "search-type"}],
                        "searchParam": [
                            {"name": name, "type": kind, "documentation": words}
                            for name, (kind, words) in params.items()
                        ],
                        **(
                            {
                                "operation": [
                                    {
                                        "name": "everything",
                                        "definition": "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                                    },
                                    {"name": "export", "definition": PATIENT_EXPORT},
                                ]
                            }
                            if resource_type == "Patient"
                            else {}
                        ),
                    }
                    for resource_type, params in SEARCHES.items()
                ],
                # A Bundle POSTed to the base (transaction or collection), by a council's coordinator.
                "interaction": [{"code": "transaction", "documentation": "Import, all or nothing: ADR-045"}],
                # Bulk Data (ADR-045): kick-off with Prefer: respond-async, then poll, then NDJSON.
                "operation": [{"name": "export", "definition": SYSTEM_EXPORT}],
            }
        ],
    }
