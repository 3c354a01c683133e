"""Easy read, large print and the printable page: the live plan's content, in the person's format first."""

import itertools
import re
from html import unescape
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from livingplan.core.models import AuditEvent
from livingplan.people.models import InformationFormat
from livingplan.plans import services as plans
from livingplan.plans.presenters.plan import build_plan_page
from livingplan.plans.sharing import groups_visible_to
from tests.documents.conftest import ACTION, OUTCOME, RISK, SUGGESTION, WHAT_MATTERS, AlexPlan, record_format

RENDERINGS = ("plan/easy-read/", "plan/large-print/", "plan/print/")


def _text(html: bytes) -> str:
    return re.sub(r"\s+", " ", unescape(html.decode("utf-8")))


@pytest.mark.parametrize("who", ["alex", "sam", "priya"])
def test_every_rendering_holds_the_same_outcomes_and_actions_as_the_plan_page(
    alex_plan: AlexPlan, client_for, who: str
) -> None:
    world = alex_plan.world
    viewer = world.persona(who)
    page = build_plan_page(
        alex_plan.plan, viewer=viewer, groups=groups_visible_to(viewer, world.alex_record), today=timezone.localdate()
    )
    expected = [o.text for o in page.outcomes] + [a.what for o in page.outcomes for a in o.actions]
    assert OUTCOME in expected
    assert ACTION in expected
    client = client_for(who)

    plan_page = _text(client.get(alex_plan.url("plan/")).content)
    for path in RENDERINGS:
        rendering = _text(client.get(alex_plan.url(path)).content)
        for words in expected:
            assert words in plan_page
            assert words in rendering, f"{path} for {who}: {words}"


def test_the_renderings_show_the_plan_as_it_is_now(alex_plan: AlexPlan, client_for) -> None:
    world = alex_plan.world
    plans.start_review(alex_plan.plan, by=world.priya)
    plans.add_outcome(alex_plan.plan, by=world.alex, text="I want to grow tomatoes again.")
    for path in RENDERINGS:
        assert "I want to grow tomatoes again." in _text(client_for("alex").get(alex_plan.url(path)).content)


def test_easy_read_uses_plain_headings_with_key_words_in_bold(alex_plan: AlexPlan, client_for) -> None:
    html = _text(client_for("alex").get(alex_plan.url("plan/easy-read/")).content)

    for heading in ("Things that matter to me", "What I want to happen", "Who will help and when"):
        assert f">{heading}</h" in html
    assert "It says <strong>who will help</strong> and <strong>when</strong>." in html
    assert WHAT_MATTERS in html
    assert 'class="livingplan-er-row ' in html  # one idea a row
    assert "livingplan-er-row__picture" not in html  # no empty picture boxes until pictures can be chosen


def test_easy_read_for_someone_else_says_whose_words_these_are(alex_plan: AlexPlan, client_for) -> None:
    html = _text(client_for("priya").get(alex_plan.url("plan/easy-read/")).content)
    assert "<strong>I</strong> and <strong>me</strong> mean Alex." in html


def test_sams_renderings_leave_out_risks(alex_plan: AlexPlan, client_for) -> None:
    for path in RENDERINGS:
        assert RISK not in _text(client_for("sam").get(alex_plan.url(path)).content)
        assert RISK in _text(client_for("priya").get(alex_plan.url(path)).content)


def test_documents_leave_out_suggestions_alex_has_not_accepted(alex_plan: AlexPlan, client_for) -> None:
    assert SUGGESTION not in _text(client_for("priya").get(alex_plan.url("plan/print/")).content)


def test_large_print_text_is_at_least_18pt_with_generous_line_spacing() -> None:
    """1rem is 16px on screen and 12pt in print (print.css), so 1.5rem is 24px and 18pt."""
    css = Path(finders.find("documents/formats.css")).read_text()  # type: ignore[arg-type]
    rule = re.search(r"\.livingplan-doc--large-print a \{([^}]*)\}", css)
    assert rule is not None
    assert "font-size: 1.5rem;" in rule.group(1)
    assert float(re.search(r"line-height: ([\d.]+);", rule.group(1)).group(1)) >= 1.5  # type: ignore[union-attr]
    assert "font-size: 12pt;" in Path(finders.find("documents/print.css")).read_text()  # type: ignore[arg-type]


@pytest.mark.parametrize("path", RENDERINGS)
def test_pages_load_their_css_from_static_files_with_nothing_inline(alex_plan: AlexPlan, client_for, path: str) -> None:
    """The CSP allows style-src 'self' only."""
    html = client_for("alex").get(alex_plan.url(path)).content.decode("utf-8")
    assert "/static/documents/formats.css" in html
    assert "<style" not in html
    assert " style=" not in html


def test_the_printable_page_is_plain_html_with_a_language_and_print_css(alex_plan: AlexPlan, client_for) -> None:
    html = client_for("alex").get(alex_plan.url("plan/print/")).content.decode("utf-8")
    assert '<html lang="en-GB">' in html
    assert "/static/documents/print.css" in html
    assert "nhsuk-header" not in html


@pytest.mark.parametrize(
    ("path", "rendering"),
    [("plan/easy-read/", "easy-read"), ("plan/large-print/", "large-print"), ("plan/print/", "print:standard")],
)
def test_reading_a_rendering_is_audited(alex_plan: AlexPlan, client_for, path: str, rendering: str) -> None:
    client_for("priya").get(alex_plan.url(path))
    event = AuditEvent.objects.filter(action="plans.plan.viewed").latest("occurred_at")
    assert event.actor == alex_plan.world.priya
    assert event.person_id == alex_plan.world.alex_record.pk
    assert event.detail == {"rendering": rendering}


# --- The links on the plan page --------------------------------------------------------------


def _links(html: str) -> list[str]:
    block = html.split("Other formats and downloads", 1)[1].split("</ul>", 1)[0]
    return [unescape(re.sub(r"<[^>]+>", "", text)).strip() for text in re.findall(r"<a [^>]*>(.*?)</a>", block)]


def test_the_plan_page_offers_every_format_and_download(alex_plan: AlexPlan, client_for) -> None:
    assert _links(client_for("alex").get(alex_plan.url("plan/")).content.decode()) == [
        "Easy read",
        "Large print",
        "Printable page",
        "Download PDF",
        "Download one-page profile (PDF)",
        "Download everything held about me",
        "Local activities linked to this plan",
        "What is on near you (PDF)",
    ]


def test_only_the_person_is_offered_everything_held_about_them(alex_plan: AlexPlan, client_for) -> None:
    for who in ("sam", "priya"):
        links = _links(client_for(who).get(alex_plan.url("plan/")).content.decode())
        assert "Download PDF" in links
        assert "Download everything held about me" not in links


@pytest.mark.parametrize(
    ("information_format", "first"),
    [(InformationFormat.LARGE_PRINT, "Large print"), (InformationFormat.EASY_READ, "Easy read")],
)
def test_the_persons_recorded_format_comes_first(
    alex_plan: AlexPlan, client_for, information_format: str, first: str
) -> None:
    record_format(alex_plan.world, information_format)
    html = client_for("priya").get(alex_plan.url("plan/")).content.decode()
    assert _links(html)[0] == first
    assert f"Alex asked for information in {first.lower()}. The PDFs are in {first.lower()}." in html


@pytest.mark.parametrize("path", ["plan/large-print/", "plan/print/"])
def test_no_heading_is_said_twice_one_under_the_other(alex_plan: AlexPlan, client_for, path: str) -> None:
    # Seen in large print: "What matters to me" as the h2 and again as the h3 beneath it.
    html = _text(client_for("alex").get(alex_plan.url(path)).content)
    headings = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html)

    for (_, first), (_, second) in itertools.pairwise(headings):
        assert first.strip() != second.strip(), f"'{first}' twice in a row"
