"""What people type is shown as text on every page, never run as HTML.

Every free-text field of the person, their circle, their care team's names and the plan holds
markup an attacker might store (a script, a meta refresh that sends the reader elsewhere, an
attribute breakout with an event handler). Every page of `MATRIX` (the same URL list the
access matrix keeps complete) is opened by every persona, with the HTML each PDF is made from,
and the forms are sent back full of the same markup: no page may contain an element the markup
made, and the markup must be there as readable text.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import reverse

from livingplan.documents import rendering
from livingplan.people import services as people
from livingplan.people.models import CapacityOutcome, CircleMember, LegalAuthority
from livingplan.plans import services as plans
from livingplan.plans.models import ActionStatus, LinkedPlan
from livingplan.plans.sections import Section
from tests.personas import PERSONAS, AlexPlan, World, build_alex_plan
from tests.unit.test_access_matrix import MATRIX, fill

SCRIPT = "<script>hostile()</script>"
META = '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:8699/x">'
IMG = '"><img src=x onerror=alert(1)>'
EVERY = SCRIPT + META + IMG  # for fields long enough to hold all three


@dataclass
class Page:
    """What a page is made of: its elements, with their attributes, and the text a reader sees."""

    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def injected(self) -> list[str]:
        """Elements the hostile markup made: any of them means the browser would obey it."""
        found = []
        for tag, attrs in self.elements:
            handlers = sorted(name for name in attrs if name.startswith("on"))
            if handlers:
                found.append(f"<{tag}> with event handler {handlers}")
            if tag == "meta" and "http-equiv" in attrs:
                found.append(f"<meta http-equiv={attrs['http-equiv']!r}>")
            if tag == "img" and attrs.get("src") == "x":
                found.append("<img src=x>")
        found.extend(f"<script>{body}</script>" for body in self.scripts if "hostile" in body)
        return found

    def shows(self, value: str) -> bool:
        return any(value in piece for piece in self.text)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.page.elements.append((tag, values))
        # A value typed into a form comes back in its input's value attribute: text, if escaped.
        self.page.text.extend(values.values())
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.page.scripts if self._in_script else self.page.text).append(data)


def read(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def build_hostile_alex(world: World) -> AlexPlan:
    """Alex's world with hostile markup in every free-text field anyone can fill in."""
    records = build_alex_plan(world)
    record, priya, alex = world.alex_record, world.priya, world.alex

    # Names of people and organisations come from sign-up and the organisation admin.
    for user in (world.alex, world.sam, world.priya, world.dr_jones, world.morgan, world.quinn):
        user.first_name, user.last_name = IMG, SCRIPT
        user.save(update_fields=["first_name", "last_name"])
    world.council_a.name = f"Northbridge {META}"
    world.council_a.save(update_fields=["name"])
    world.gp_practice.name = f"Riverside {IMG}"
    world.gp_practice.save(update_fields=["name"])

    people.update_person_details(
        record, by=priya, given_name=SCRIPT, family_name=IMG, preferred_name=META, pronouns=IMG, address=EVERY
    )
    people.set_communication_needs(record, by=priya, language=IMG, times_to_avoid=EVERY, other_needs=EVERY)
    people.record_capacity_assessment(
        record,
        by=priya,
        decision=EVERY,
        outcome=CapacityOutcome.HAS_CAPACITY,
        assessed_on=dt.date(2026, 1, 5),
        notes=EVERY,
        best_interests_decision=EVERY,
    )
    people.set_advocacy(
        record,
        by=priya,
        is_needed=True,
        reason=EVERY,
        advocate_name=EVERY,
        advocate_organisation=EVERY,
        advocate_contact=EVERY,
    )
    people.add_legal_authority(
        record, by=priya, kind=LegalAuthority.Kind.LPA_PROPERTY_FINANCE, name=EVERY, contact=EVERY
    )
    hostile = people.add_circle_member(record, by=alex, name=EVERY, relationship=META)
    # A phone number is refused unless it can be dialled (ADR-032); one stored before that rule still shows as text.
    CircleMember.objects.filter(pk=hostile.pk).update(phone=IMG)
    CircleMember.objects.filter(user=world.sam).update(name=EVERY, relationship=META)
    record.care_team.filter(user=world.dr_jones).update(role_description=SCRIPT + IMG)

    plan = records.plan
    for section in Section:
        plans.add_statement(plan, by=priya, section=section, text=EVERY)
    # Something Sam suggests waits for Alex, and shows as suggested.
    plans.add_statement(plan, by=world.sam, section=Section.ABOUT_PLEASE_DO, text=EVERY)
    outcome = plans.add_outcome(plan, by=alex, text=EVERY, why_it_matters=EVERY, importance=4)
    action = plans.add_action(
        outcome, by=priya, what=EVERY, owner_name=EVERY, layer="3_COMMUNITY", due_on=dt.date(2026, 3, 1)
    )
    plans.set_action_status(action, by=priya, status=ActionStatus.IN_PROGRESS)
    plans.record_progress(outcome, by=alex, score=6, on=dt.date(2026, 2, 1), note=EVERY)
    risk = plans.add_risk(
        plan, by=priya, what_could_go_wrong=EVERY, what_we_agree=EVERY, decided_by=EVERY, persons_view=EVERY
    )
    plans.add_linked_plan(plan, by=priya, kind=LinkedPlan.Kind.OTHER, description=EVERY, held_by=EVERY)
    plans.set_review_arrangements(
        plan, by=priya, next_review_on=dt.date(2026, 9, 1), review_lead=priya, early_review_triggers=EVERY
    )
    statement = plan.statements.filter(section=Section.WHAT_MATTERS).last()
    assert statement is not None
    for about in (f"statement:{statement.pk}", f"outcome:{outcome.pk}", f"action:{action.pk}", f"risk:{risk.pk}"):
        plans.record_disagreement(plan, by=world.sam, about=about, view=EVERY, how_handled=EVERY)
    # A second agreed version, with a hostile summary, so versions and compare show all of it.
    plans.propose_plan(plan, by=priya)
    plans.agree_plan(plan, by=alex, summary=EVERY)
    plans.start_review(plan, by=priya, reason=EVERY)
    plans.add_outcome(plan, by=alex, text=EVERY)
    return records


@pytest.fixture
def hostile(world: World) -> AlexPlan:
    return build_hostile_alex(world)


def html_pages(response: HttpResponseBase, pdfs: list[str]) -> Iterator[tuple[str, str]]:
    """Each HTML document behind a response: the page itself, or the HTML each PDF in it was made from."""
    if response.get("Content-Type", "").startswith("text/html"):
        yield "", getattr(response, "content", b"").decode()
    while pdfs:
        yield "(the HTML of a PDF)", pdfs.pop(0)


@pytest.fixture
def pdf_sources(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML every PDF is made from, kept instead of made into a PDF (the layout is not the point)."""
    sources: list[str] = []

    def keep(html: str) -> bytes:
        sources.append(html)
        return b"%PDF-1.7"

    monkeypatch.setattr(rendering, "html_to_pdf", keep)
    return sources


def test_every_page_shows_hostile_text_as_text(
    hostile: AlexPlan, client_for: Callable[[str], Client], pdf_sources: list[str]
) -> None:
    problems: list[str] = []
    seen: set[str] = set()
    checked = 0
    for persona in PERSONAS:
        client = client_for(persona)
        for template in MATRIX:
            url = fill(template, hostile)
            response = client.get(url)
            for inside, html in html_pages(response, pdf_sources):
                page = read(html)
                checked += 1
                problems.extend(f"{persona} {url} {inside}: {found}" for found in page.injected())
                seen.update(value for value in (SCRIPT, META, IMG) if page.shows(value))

    assert problems == []
    assert checked > 150, "the walk opened the pages it should have"
    assert seen == {SCRIPT, META, IMG}, "the hostile values were shown, as text"


@pytest.mark.parametrize(
    ("persona", "name", "args"),
    [
        ("sam", "plans:plan", []),
        ("dr.jones", "plans:plan", []),
        ("sam", "plans:about-me", []),
        ("priya", "people:detail", []),
        ("alex", "plans:sharing", []),
        ("priya", "documents:easy-read", []),
    ],
)
def test_the_preferred_name_is_shown_as_text_where_others_read_it(
    hostile: AlexPlan, client_for: Callable[[str], Client], persona: str, name: str, args: list
) -> None:
    response = client_for(persona).get(reverse(name, args=[hostile.world.alex_record.pk, *args]))

    page = read(response.content.decode())
    assert response.status_code == 200
    assert page.injected() == []
    assert page.shows(META), "Alex's preferred name, exactly as typed"


class _Forms(HTMLParser):
    """The POST forms on a page, as the fields a browser would send, text fields filled in with `value`."""

    def __init__(self, value: str) -> None:
        super().__init__(convert_charrefs=True)
        self.value = value
        self.forms: list[tuple[str, dict[str, list[str]]]] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "form" and a.get("method", "").lower() == "post":
            self.forms.append((a.get("action", ""), {}))
        if not self.forms or not a.get("name"):
            return
        data = self.forms[-1][1]
        kind = a.get("type", "text")
        if tag == "textarea" or (tag == "input" and kind in ("text", "email", "tel", "number", "search", "url")):
            data[a["name"]] = [self.value]
        elif tag == "input" and kind == "hidden":
            data[a["name"]] = [a.get("value", "")]
        elif tag == "input" and kind in ("radio", "checkbox"):
            data.setdefault(a["name"], [a.get("value", "on")])
        elif tag == "select":
            self._select = a["name"]
        if tag == "option" and self._select and a.get("value"):
            data.setdefault(self._select, [a["value"]])

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


@pytest.mark.parametrize("persona", ["alex", "sam", "priya"])
def test_forms_sent_back_full_of_markup_show_it_as_text(
    hostile: AlexPlan, client_for: Callable[[str], Client], pdf_sources: list[str], persona: str
) -> None:
    """Each form page, sent with markup in every text box: the page re-shown with errors (or the
    page it leads to) holds no element the markup made."""
    client, sent = client_for(persona), 0
    problems: list[str] = []
    # Every URL first: a placeholder made on first use (a link, an appointment) is made before the
    # forms below change who may do what.
    urls = [fill(template, hostile) for template in MATRIX]
    for url in urls:
        response = client.get(url)
        if not url.startswith("/people/") or response.status_code != 200:
            continue
        reader = _Forms(EVERY)
        for _, html in html_pages(response, pdf_sources):
            reader.feed(html)
        for action, data in reader.forms:
            if action not in ("", url):
                continue  # a form that belongs to another page is checked there
            response = client.post(url, data, follow=True)
            sent += 1
            for inside, html in html_pages(response, pdf_sources):
                problems.extend(f"{persona} POST {url} {inside}: {found}" for found in read(html).injected())

    assert problems == []
    assert sent >= 3, "the walk sent the forms it found"
