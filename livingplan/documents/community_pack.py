"""The "what is on near you" pack as a PDF, in the person's format (issue 12, ADR-037).

What is in it is decided by `community.presenters.pack`; this renders it like the plan: the same
stylesheets and format classes, through WeasyPrint as tagged PDF/UA-1. A pack is small and bounded
(ten outcomes, five things each, eight more nearby: about 2.3 s at most, measured), so it is made in
the request, unlike the plan's PDF, which can run to hundreds of pages and is made by the worker (ADR-019).
"""

from django.template.loader import render_to_string
from django.utils.text import slugify

from livingplan.community.presenters.pack import Pack
from livingplan.documents import rendering
from livingplan.documents.presenters import DocFormat

TEMPLATE = "documents/community_pack.jinja"


def pack_html(pack: Pack, fmt: DocFormat, *, for_pdf: bool) -> str:
    return render_to_string(TEMPLATE, {"pack": pack, "fmt": fmt, "for_pdf": for_pdf})


def pack_pdf(pack: Pack, fmt: DocFormat) -> bytes:
    return rendering.html_to_pdf(pack_html(pack, fmt, for_pdf=True))


def pack_filename(pack: Pack, fmt: DocFormat, on: str) -> str:
    parts = [slugify(pack.person.full_name) or "person", "what-is-on-near-you"]
    if fmt != DocFormat.STANDARD:
        parts.append(fmt.value)
    parts.append(on)
    return f"{'-'.join(parts)}.pdf"
