"""The person's agreement that an organisation's staff on their care team may see their record
-> Consent (a privacy consent permitting that organisation; withdrawn is inactive)."""

from typing import Any

from livingplan.interop.fhir.codes import CONSENT_CATEGORY_LOINC, CONSENT_SCOPE, concept, reference
from livingplan.people.models import SharingConsent

POLICY = "Staff of this organisation on the person's care team may see their record and plan"


def to_fhir(consent: SharingConsent) -> dict[str, Any]:
    return {
        "resourceType": "Consent",
        "id": str(consent.pk),
        "status": "inactive" if consent.withdrawn_at else "active",
        "scope": concept("Privacy consent", {"system": CONSENT_SCOPE, "code": "patient-privacy"}),
        "category": [concept("Patient consent", {"system": CONSENT_CATEGORY_LOINC, "code": "59284-0"})],
        "patient": reference("Patient", consent.person_id),
        "dateTime": consent.given_at.isoformat(),
        "policyRule": concept(POLICY),
        "provision": {
            "type": "permit",
            "period": {"end": consent.withdrawn_at.isoformat()} if consent.withdrawn_at else None,
            "actor": [
                {
                    "role": concept(
                        "Information recipient",
                        {"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "IRCP"},
                    ),
                    "reference": reference("Organization", consent.organisation_id, consent.organisation.name),
                }
            ],
        },
    }
