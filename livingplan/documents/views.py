"""The plan in other formats, as pages and PDFs, and the person's download of everything held about them.

Thin: load through `visible_to` and the viewer's sharing groups -> audit -> present. A plan,
part or person someone may not see is a 404 that says nothing more.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.http import content_disposition_header

from livingplan.accounts.http import AuthenticatedRequest
from livingplan.community.presenters.pack import build_pack
from livingplan.documents import background, presenters, rendering, services
from livingplan.documents import community_pack as community_pack_file
from livingplan.documents.models import MadeDocument
from livingplan.documents.presenters import DocFormat, DocKind, Document
from livingplan.people.models import Person
from livingplan.plans import rules
from livingplan.plans.models import Plan
from livingplan.plans.presenters.plan import build_plan_page
from livingplan.plans.sections import SharingGroup
from livingplan.plans.sharing import groups_visible_to


def _plan_for(request: AuthenticatedRequest, person_pk: int, kind: DocKind) -> tuple[Plan, frozenset[str]]:
    plan = get_object_or_404(
        Plan.objects.visible_to(request.user).select_related(
            "person__lead_organisation", "person__communication_needs"
        ),
        person_id=person_pk,
    )
    groups = groups_visible_to(request.user, plan.person)
    if kind == DocKind.ABOUT_ME and SharingGroup.ABOUT_ME not in groups:
        raise Http404  # a part not shared with this viewer does not exist for them
    return plan, groups


def _format(request: AuthenticatedRequest, plan: Plan) -> DocFormat:
    try:
        return presenters.chosen_format(plan.person, request.GET.get("format"))
    except ValueError:
        raise Http404 from None


def _document(
    request: AuthenticatedRequest, plan: Plan, groups: frozenset[str], fmt: DocFormat, kind: DocKind
) -> Document:
    today = timezone.localdate()
    page = build_plan_page(plan, viewer=request.user, groups=groups, today=today)
    return presenters.document(
        person=plan.person,
        page=page,
        fmt=fmt,
        kind=kind,
        is_self=rules.is_the_person(request.user, plan.person),
        made_on=today,
    )


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename) or "attachment"
    response["Cache-Control"] = "private, no-store"
    return response


def _format_page(request: AuthenticatedRequest, person_pk: int, fmt: DocFormat) -> HttpResponse:
    plan, groups = _plan_for(request, person_pk, DocKind.PLAN)
    services.record_plan_viewed(plan, by=request.user, audit=request.audit, rendering=fmt.value)
    doc = _document(request, plan, groups, fmt, DocKind.PLAN)
    return render(request, "documents/page.jinja", {"doc": doc})


@login_required
def easy_read(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    return _format_page(request, person_pk, DocFormat.EASY_READ)


@login_required
def large_print(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    return _format_page(request, person_pk, DocFormat.LARGE_PRINT)


@login_required
def print_page(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    """Plain HTML for the browser's print button: the same page the PDF is made from."""
    plan, groups = _plan_for(request, person_pk, DocKind.PLAN)
    fmt = _format(request, plan)
    services.record_plan_viewed(plan, by=request.user, audit=request.audit, rendering=f"print:{fmt.value}")
    return HttpResponse(rendering.document_html(_document(request, plan, groups, fmt, DocKind.PLAN)))


def _pdf(request: AuthenticatedRequest, person_pk: int, kind: DocKind) -> HttpResponse:
    """The file if it is made for this viewer at this revision; else it is asked for and the page says so."""
    plan, groups = _plan_for(request, person_pk, kind)
    fmt = _format(request, plan)
    is_self = rules.is_the_person(request.user, plan.person)
    polling = bool(request.headers.get("HX-Request"))
    made = background.request_plan_document(
        plan, viewer=request.user, groups=groups, fmt=fmt, kind=kind, is_self=is_self, retry_failed=not polling
    )
    what = "PDF of the one-page profile" if kind == DocKind.ABOUT_ME else "PDF of the plan"
    if polling:
        return _poll(request, made, what=what)
    pdf = made.file
    if pdf is not None:
        services.record_plan_exported(
            plan, by=request.user, audit=request.audit, document=kind.value, fmt=fmt.value, filename=made.filename
        )
        return _download(pdf, "application/pdf", made.filename)
    return _waiting(request, plan.person, made, what=what)


def _waiting(request: AuthenticatedRequest, person: Person, made: MadeDocument, *, what: str) -> HttpResponse:
    """202 Accepted: the page says it is being made, with a plain link to check (no refresh: WCAG 2.2.1)."""
    services.record_document_waiting(person, by=request.user, audit=request.audit, document=made.kind, fmt=made.fmt)
    context = {"person": person, "what": what, "check_url": request.get_full_path()}
    return render(request, "documents/being_made.jinja", context, status=202)


def _poll(request: AuthenticatedRequest, made: MadeDocument, *, what: str) -> HttpResponse:
    """htmx asking from the page: 204 (nothing to swap, nothing announced) until ready, then a link to it.

    Neither answer names the person or holds the file; the download itself is a normal, audited request."""
    if made.file is None and made.status != MadeDocument.Status.FAILED:
        return HttpResponse(status=204)
    # Either answer replaces the polling element, so the polling stops.
    context = {"what": what, "check_url": request.get_full_path(), "failed": made.file is None}
    return render(request, "documents/_ready.jinja", context)


@login_required
def plan_pdf(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    return _pdf(request, person_pk, DocKind.PLAN)


@login_required
def about_me_pdf(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    return _pdf(request, person_pk, DocKind.ABOUT_ME)


@login_required
def export(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    """Only the person downloads everything held about them; for anyone else this does not exist.

    Staff handle subject access requests made to their organisation through a separate process.
    """
    person = get_object_or_404(
        Person.objects.visible_to(request.user).select_related(
            "lead_organisation", "gp_practice", "communication_needs"
        ),
        pk=person_pk,
    )
    if not rules.is_the_person(request.user, person):
        raise Http404
    polling = bool(request.headers.get("HX-Request"))
    groups = groups_visible_to(request.user, person)
    made = background.request_export(person, viewer=request.user, groups=groups, retry_failed=not polling)
    what = "download of everything held about you"
    if polling:
        return _poll(request, made, what=what)
    archive = made.file
    if archive is not None:
        services.record_record_exported(person, by=request.user, audit=request.audit, filename=made.filename)
        return _download(archive, "application/zip", made.filename)
    return _waiting(request, person, made, what=what)


@login_required
def community_pack(request: AuthenticatedRequest, person_pk: int) -> HttpResponse:
    """The "what is on near you" pack as a PDF in the person's format (`?print` for the printable page)."""
    person = get_object_or_404(
        Person.objects.visible_to(request.user).select_related("communication_needs"), pk=person_pk
    )
    try:
        fmt = presenters.chosen_format(person, request.GET.get("format"))
    except ValueError:
        raise Http404 from None
    pack = build_pack(person, viewer=request.user)
    filename = community_pack_file.pack_filename(pack, fmt, timezone.localdate().isoformat())
    if "print" in request.GET:
        services.record_pack_exported(person, by=request.user, audit=request.audit, fmt=fmt.value, filename=filename)
        return HttpResponse(community_pack_file.pack_html(pack, fmt, for_pdf=False))
    polling = bool(request.headers.get("HX-Request"))
    made = background.request_community_pack(
        pack, viewer=request.user, fmt=fmt, filename=filename, retry_failed=not polling
    )
    what = "PDF of what is on near you"
    if polling:
        return _poll(request, made, what=what)
    if made.file is None:
        return _waiting(request, person, made, what=what)
    services.record_pack_exported(person, by=request.user, audit=request.audit, fmt=fmt.value, filename=made.filename)
    return _download(made.file, "application/pdf", made.filename)
