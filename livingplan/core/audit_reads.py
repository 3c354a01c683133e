"""Every page that shows a person's record to somebody writes one read to the audit trail.

Views that open a record say what was read themselves (`people.person.viewed`,
`plans.plan.viewed`, ...). Any other successful GET of a page about one person (the form
pages prefilled with their details, the add forms, sharing) is audited here, after the view,
as `<app>.page.viewed` with the page's name: so a new page cannot forget it (ADR-020).

A page is "about one person" when its URL names them: `person_pk`, or `pk` in the people
app's URLs. A 200 means the view found the person through `visible_to`; anyone else got a 404
or 403 and nothing was shown, so nothing is written.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.http import HttpRequest
from django.http.response import HttpResponseBase

from livingplan.core.audit_context import AuditContext
from livingplan.core.services import auditor

V = TypeVar("V", bound=Callable[..., Any])

READ_METHODS = ("GET", "HEAD")
PERSON = "_audit_person_id"
EXEMPT = "audit_reads_exempt"


def not_a_record_read(view: V) -> V:
    """For a page that names a person but is not a look at their record; say why where it is used."""
    setattr(view, EXEMPT, True)
    return view


def person_in_url(app_name: str, kwargs: dict[str, Any]) -> int | None:
    value = kwargs.get("person_pk", kwargs.get("pk") if app_name == "people" else None)
    return value if isinstance(value, int) else None


class AuditRecordReadsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: dict[str, Any]) -> None:
        match = request.resolver_match
        if request.method in READ_METHODS and match is not None and not getattr(view, EXEMPT, False):
            setattr(request, PERSON, person_in_url(match.app_name, kwargs))

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        person_id = getattr(request, PERSON, None)
        audit: AuditContext | None = getattr(request, "audit", None)
        if (
            person_id is not None
            and response.status_code == 200
            and audit is not None
            and audit.actor.is_authenticated
            and person_id not in audit.audited_people
        ):
            match = request.resolver_match
            assert match is not None  # set with PERSON above
            auditor.record(
                f"{match.app_name}.page.viewed",
                audit=audit,
                person_id=person_id,
                detail={"page": match.url_name},
            )
        return response
