"""The results as a tagged PDF (PDF/UA-1): the same tables and the same SVG charts as the page.

Made in the request: it is small and bounded (forty areas, two charts), like the community pack
(ADR-037). WeasyPrint fetches nothing: the styles are in the page and the charts are data URLs.
"""

import base64
from typing import Any

import weasyprint  # type: ignore[import-untyped]
from django.template.loader import render_to_string

from livingplan.selfassessment.models import Round
from livingplan.selfassessment.presenters import results

PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1"}
BASE_URL = "https://livingplan.invalid/"


class ChartsOnly(weasyprint.URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
    """Reads the charts' data URLs and refuses everything else."""

    def fetch(self, url: str, headers: Any = None) -> Any:
        if not url.startswith("data:image/svg+xml;base64,"):
            raise ValueError(f"The results PDF fetches nothing, not {url}")
        return super().fetch(url, headers)


def _data_url(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def results_pdf(round_: Round, context: dict[str, Any]) -> bytes:
    """`context` is the results page's own (`presenters.results.results_page`)."""
    page = {
        **context,
        "heatmap_src": _data_url(results.heatmap_svg(round_)),
        "comparison_src": _data_url(results.comparison_svg(round_)),
    }
    html = render_to_string("selfassessment/results_pdf.jinja", page)
    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=ChartsOnly())
    pdf: bytes = document.write_pdf(**PDF_OPTIONS)
    return pdf
