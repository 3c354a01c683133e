"""`POST /fhir/r4/` with a Bundle (transaction or collection): another system's import over HTTP,
all or nothing, through the same importer as `livingplan fhir_import` (ADR-044, ADR-045).

Who may write: a token in the `fhir` scope whose user is a coordinator of a council, acting for
that council (`writes.importing_organisation`). The `fhir` scope alone reads; the API's tokens
have no write-capable FHIR scope, and a coordinator is who registers people and starts plans here.
"""

import json

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from livingplan.accounts.models import User
from livingplan.interop import writes
from livingplan.interop.fhir.checks import operation_outcome
from livingplan.interop.importing.apply import import_unit
from livingplan.interop.importing.sources import from_json
from livingplan.interop.views import fhir_response, problem, with_token


@csrf_exempt  # a bearer token, never a cookie: nothing for a forged request to ride on
@require_POST
@with_token
def post_bundle(request: HttpRequest, user: User) -> HttpResponse:
    organisation = writes.importing_organisation(user)
    if organisation is None:
        return problem(403, "forbidden", writes.NOT_A_WRITER)
    try:
        data = json.loads(request.body)
    except ValueError as error:
        return problem(400, "structure", f"The body is not JSON: {error}")
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle" or data.get("type") not in writes.TYPES:
        return problem(400, "not-supported", "POST a Bundle of type transaction or collection here.")
    report = import_unit(
        from_json(data, "Bundle"), actor=user, organisation=organisation, via="FHIR Bundle POST /fhir/r4/"
    )
    if report.refused:
        status = 422 if report.refused_by_a_rule else 400
        return fhir_response(operation_outcome(report.issues), status)
    return fhir_response(writes.transaction_response(report, len(data.get("entry") or [])))
