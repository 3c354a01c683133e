"""WeasyPrint reads our own stylesheets and nothing else: plan text is user input, and a PDF must never fetch."""

import pytest

from livingplan.documents.rendering import BASE_URL, StaticFilesOnly, html_to_pdf, static_name
from tests.documents.conftest import pdf_info, pdf_text


def test_static_urls_resolve_to_our_own_files() -> None:
    assert static_name(BASE_URL + "static/documents/print.css") == "documents/print.css"
    response = StaticFilesOnly().fetch(BASE_URL + "static/documents/print.css")
    assert b"@page" in response.read()


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/static/documents/print.css",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        BASE_URL + "static/../../etc/passwd",
        BASE_URL + "static/%2e%2e/%2e%2e/etc/passwd",
        BASE_URL + "people/1/plan/",
    ],
)
def test_every_other_url_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="Documents fetch only this service's static files"):
        StaticFilesOnly().fetch(url)


def test_a_page_asking_for_a_remote_image_still_renders_without_fetching_it() -> None:
    html = (
        '<!DOCTYPE html><html lang="en-GB"><head><title>Test</title></head>'
        '<body><h1>Hello</h1><img src="http://169.254.169.254/x.png" alt="A picture"></body></html>'
    )
    pdf = html_to_pdf(html)
    assert pdf_info(pdf)["Title"] == "Test"
    assert "Hello" in pdf_text(pdf)
