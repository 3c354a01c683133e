"""Who may import over `/fhir/r4/`, and the transaction-response Bundle that answers them (ADR-045)."""

from typing import Any

from django.utils import timezone

from livingplan.accounts.models import Membership, Organisation, OrganisationKind, Role, User
from livingplan.interop.importing.report import CREATED, SKIPPED, UnitReport

TYPES = frozenset({"transaction", "collection"})
NOT_A_WRITER = (
    "Only a coordinator of a council may send plans here: this token's user is not one. "
    "Ask your organisation admin for a fhir token of a coordinator."
)
STATUS = {CREATED: "201 Created"}


def importing_organisation(user: User) -> Organisation | None:
    """The council a coordinator imports for (the first by name): new people are led by it, and the
    importer becomes their coordinator, as `fhir_import --as` does."""
    membership = (
        Membership.objects.filter(user=user, role=Role.COORDINATOR, organisation__kind=OrganisationKind.COUNCIL)
        .select_related("organisation")
        .order_by("organisation__name")
        .first()
    )
    return membership.organisation if membership else None


def transaction_response(report: UnitReport, entries: int) -> dict[str, Any]:
    """One response per entry, in the order sent: 201 with where it is for what was made, 200 for
    what matched, and 200 with the reason for what was passed over."""
    answered = []
    for n in range(entries):
        outcome, location, reason = report.results.get(f"Bundle.entry[{n}].resource", (SKIPPED, "", ""))
        response: dict[str, Any] = {"status": STATUS.get(outcome, "200 OK")}
        if location:
            response["location"] = location
        if outcome == SKIPPED or reason:
            words = f"Passed over: {reason}" if outcome == SKIPPED else f"Matched: {reason}"
            response["outcome"] = {
                "resourceType": "OperationOutcome",
                "issue": [{"severity": "information", "code": "informational", "diagnostics": words}],
            }
        answered.append({"response": response})
    return {
        "resourceType": "Bundle",
        "type": "transaction-response",
        "timestamp": timezone.now().isoformat(),
        "entry": answered,
    }
