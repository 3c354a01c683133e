"""Turning a presented document into HTML, a tagged PDF, or the subject access ZIP.

The PDF is the printable page's own HTML run through WeasyPrint as PDF/UA-1: tagged (a
structure tree screen readers follow), with its title shown and its language set. WeasyPrint
fetches nothing from the network: only this service's static files (`StaticFilesOnly`).
"""

import datetime as dt
import io
import json
import posixpath
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import weasyprint  # type: ignore[import-untyped]
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string

from livingplan.accounts.models import User
from livingplan.conversations.presenters.export import conversations_json
from livingplan.documents import export_parts, presenters
from livingplan.documents.presenters import DocKind, Document, SubjectAccess
from livingplan.people.models import Person
from livingplan.people.rules import is_the_person
from livingplan.plans.presenters.plan import build_plan_page
from livingplan.plans.sharing import groups_visible_to

PRINT_TEMPLATE = "documents/print.jinja"
# Relative URLs in the page resolve against this; it names no real host and is never fetched.
BASE_URL = "https://livingplan.invalid/"
PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1"}  # implies pdf_tags=True and PDF 1.7


class StaticFilesOnly(weasyprint.URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
    """Serves the page's stylesheets from disk and refuses every other URL."""

    def fetch(self, url: str, headers: Any = None) -> weasyprint.urls.URLFetcherResponse:
        name = static_name(url)
        if name is None:
            raise ValueError(f"Documents fetch only this service's static files, not {url}")
        path = static_path(name)
        if path is None:
            raise ValueError(f"No static file {name}")
        return weasyprint.urls.URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _content_type(name)})


def static_name(url: str) -> str | None:
    """`documents/print.css` for a URL under STATIC_URL, else None (including any `..` trickery)."""
    base = urljoin(BASE_URL, settings.STATIC_URL)
    if not url.startswith(base):
        return None
    name = posixpath.normpath(unquote(urlsplit(url).path[len(urlsplit(base).path) :]))
    if name.startswith(("/", "..")) or name == ".":
        return None
    return name


def static_path(name: str) -> Path | None:
    """A collected file (hashed names in production) or, before collectstatic, the source file."""
    try:
        if staticfiles_storage.exists(name):
            return Path(staticfiles_storage.path(name))
    except NotImplementedError:  # storage with no local paths
        pass
    found = finders.find(name)
    return Path(found) if isinstance(found, str) else None


def _content_type(name: str) -> str:
    return "text/css" if name.endswith(".css") else "application/octet-stream"


def document_html(doc: Document, *, for_pdf: bool = False) -> str:
    return render_to_string(PRINT_TEMPLATE, {"doc": doc, "for_pdf": for_pdf})


def document_pdf(doc: Document) -> bytes:
    return html_to_pdf(document_html(doc, for_pdf=True))


def html_to_pdf(html: str) -> bytes:
    """A tagged PDF/UA-1 document; its title comes from <title> and its language from <html lang>."""
    page = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly(), media_type="print")
    pdf = page.write_pdf(**PDF_OPTIONS)
    assert isinstance(pdf, bytes)
    return pdf


def json_bytes(data: Any) -> bytes:
    return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A ZIP built in memory; text compresses well, PDFs are already compressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def subject_access_zip(person: Person, *, viewer: User, today: dt.date) -> bytes:
    """Everything held about `person`, for the person: JSON of their record, plan, versions and
    audit trail, and their plan and one-page profile as PDFs in their own format."""
    groups = groups_visible_to(viewer, person)
    data: SubjectAccess = presenters.load_subject_access(person, viewer=viewer, groups=groups)
    files: dict[str, bytes] = {
        "record.json": json_bytes(presenters.record_json(data)),
        "plan.json": json_bytes(presenters.plan_json(data)),
        "planning.json": json_bytes(presenters.planning_json(person, viewer=viewer)),
    }
    for version in data.versions:
        files[f"versions/version-{version.number}.json"] = json_bytes(presenters.version_json(version))
    files["audit.json"] = json_bytes(presenters.audit_json(data.audit))
    files["messages.json"] = json_bytes(presenters.messages_json(data.messages))
    files["conversations.json"] = json_bytes(conversations_json(person, viewer=viewer, groups=groups))
    files["appointments.json"] = json_bytes(presenters.appointments_json(person, viewer=viewer))
    files["reviews.json"] = json_bytes(presenters.reviews_json(person, viewer=viewer))
    files["budgets.json"] = json_bytes(presenters.budgets_json(person, viewer=viewer))
    for name, part in export_parts.parts().items():  # from apps above documents (export_parts)
        files[name] = json_bytes(part(person, viewer))
    if data.plan is not None:
        page = build_plan_page(data.plan, viewer=viewer, groups=groups, today=today)
        fmt = presenters.recorded_format(person)
        is_self = is_the_person(viewer, person)
        for name, kind in (("plan.pdf", DocKind.PLAN), ("about-me.pdf", DocKind.ABOUT_ME)):
            doc = presenters.document(person=person, page=page, fmt=fmt, kind=kind, is_self=is_self, made_on=today)
            files[name] = document_pdf(doc)
    files["README.txt"] = presenters.export_readme(person, today, files).encode("utf-8")
    return zip_bytes(files)
