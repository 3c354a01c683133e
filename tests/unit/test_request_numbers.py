"""Every number a request carries is ASCII digits within the database's range, or a 404 / 4xx: never a 500.

The walk below resolves the whole URLconf, so a new URL pattern is covered without a new row:
each id in each pattern in turn is replaced by a number too large for the database and by
digits from other scripts, and the page is asked for (GET), sent a form (POST) and, under the
API, sent JSON (POST and PATCH), with the same odd numbers in the query string and in every
form field the service has. Priya, Alex's coordinator, who can see everything in Alex's record,
and Alex himself (the only one who may open some pages) make the requests.
"""

# ruff: noqa: RUF001 - digits from other scripts are what these tests are about
import json
import re
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest
from django import forms
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone

from livingplan.conversations import forms as conversations_forms
from livingplan.conversations import services as conversations
from livingplan.conversations.models import Conversation
from livingplan.core import numbers
from livingplan.core.numbers import IdConverter, whole_number
from livingplan.people import forms as people_forms
from livingplan.plans import forms as plans_forms
from livingplan.plans import services as plans
from tests.personas import AlexPlan, World, build_alex_plan

TOO_LARGE = "9223372036854775808"  # 2**63: one more than SQLite's and PostgreSQL's largest integer
ODD_DIGITS = ["²", "١", "１", "٩٤٣٤٧٦٥٩١٩", "²²²²²²²²²²"]  # superscript, Arabic-Indic, fullwidth
BAD_NUMBERS = [TOO_LARGE, "99999999999999999999999999", *ODD_DIGITS]
FEW = [TOO_LARGE, "²", "١"]  # one of each kind, where every request renders a page
# A value for each non-numeric part of a URL that reaches the view behind it.
WORDS = {
    "name": "propose",
    "step": "propose",
    "section": "WHAT_MATTERS",
    "kind": "outcome",
    "decision": "accept",
    "item": "outcome",
    "token": "x" * 43,
    "uidb64": "MQ",
    "part": "NEXT_STEP",  # the planning conversation's fullest form
    "area_id": "process.talk.what-matters",  # an area of the self-assessment
    # FHIR R4 (issue 15): a type and a FHIR id (a string, not our number) and any other path.
    "resource_type": "Patient",
    "resource_id": "1",
    "path": "no/such/thing",
}
PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def _routes(patterns: list, prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


ROUTES = sorted(set(_routes(get_resolver().url_patterns)) - {""})


def _is_number(route: str, converter: str | None, name: str) -> bool:
    # The API's routes are declared to ninja as `{id}`: untyped in Django, typed by pydantic.
    return converter in ("id", "int") or (route.startswith("api/") and converter is None and name not in WORDS)


def _real_ids(records: AlexPlan) -> dict[str, object]:
    world = records.world
    sam = world.alex_record.circle.get(user=world.sam)
    outcome, action, statement = records.outcome.pk, records.action.pk, records.statement.pk
    return {
        "pk": world.alex_record.pk,
        "person_pk": world.alex_record.pk,
        "id": world.alex_record.pk,
        "member_pk": sam.pk,
        "invitation_pk": 1,
        "org_pk": world.council_a.pk,
        "user_pk": world.priya.pk,
        "membership_pk": world.priya.memberships.get().pk,
        "outcome_pk": outcome,
        "outcome_id": outcome,
        "action_pk": action,
        "action_id": action,
        "item_pk": outcome,
        "statement_pk": statement,
        "number": 1,
        "grant_pk": 1,
        "conversation_pk": Conversation.objects.filter(person=world.alex_record).values_list("pk", flat=True)[0],
        # The planning journey (issue 12): a test result and a request to change coordinator (or an
        # appointment: each fixture makes its first).
        "result_pk": 1,
        "request_pk": 1,  # also an appointment's request to change (appointments)
        # The progress self-assessment (issue 16): the organisation assessed, and a priority.
        "organisation_pk": world.council_a.pk,
        "priority_pk": 1,
        "export_pk": 1,  # a FHIR bulk export (ADR-045)
        "trigger_id": 1,  # a change that may affect the plan, over the API (issue 13)
    }


def _urls_with_one_bad_number(route: str, real: dict[str, object]) -> Iterator[str]:
    """The route with real values, then once per numeric part with each bad number in its place."""

    def fill(bad_name: str | None, bad: str) -> str:
        def part(match: re.Match[str]) -> str:
            name = match["name"]
            if name == bad_name:
                return quote(bad)
            return str(WORDS[name] if name in WORDS else real[name])

        return "/" + PARAMETER.sub(part, route)

    yield fill(None, "")
    for match in PARAMETER.finditer(route):
        if _is_number(route, match["converter"], match["name"]):
            for bad in FEW:
                yield fill(match["name"], bad)


def _form_field_names() -> set[str]:
    """Every field of every form that writes the record or the plan, and the API's body fields."""
    names = {"expected_revision", "importance", "score", "status", "due_on", "recorded_on", "layer", "section"}
    for module in (people_forms, plans_forms, conversations_forms):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, forms.Form):
                names |= set(value.base_fields)
    return names | {f"{name}_{part}" for name in names for part in ("day", "month", "year")}


def _hostile_query(bad: str) -> str:
    return "?" + "&".join(f"{key}={quote(bad)}" for key in ("from", "to", "page", "limit", "offset", "format"))


@pytest.fixture
def records(world: World) -> AlexPlan:
    records = build_alex_plan(world)
    # A planning conversation recorded while the plan was open for change (ADR-035).
    conversations.start_conversation(
        world.alex_record, by=world.priya, plan=records.plan, held_on=timezone.localdate(), where="At home"
    )
    plans.propose_plan(records.plan, by=world.priya)
    plans.agree_plan(records.plan, by=world.alex)  # version 2, so compare has two to compare
    return records


def _ask(client: Client, url: str, fields: dict[str, str], *, get: str = "") -> Iterator[tuple[str, int]]:
    yield f"GET {get}", client.get(url + get).status_code
    yield "POST", client.post(url, fields).status_code
    if url.startswith("/api/"):
        body = json.dumps({name: int(TOO_LARGE) for name in fields})
        yield "POST json", client.post(url, body, content_type="application/json").status_code
        yield "PATCH json", client.patch(url, body, content_type="application/json").status_code


@pytest.mark.parametrize("route", ROUTES)
def test_no_url_answers_500_to_a_huge_id_or_digits_from_another_script(
    records: AlexPlan, client_for: Callable[[str], Client], route: str
) -> None:
    priya, alex = client_for("priya"), client_for("alex")
    for client in (priya, alex):
        client.raise_request_exception = False
    fields = _form_field_names()
    real_url, *bad_urls = _urls_with_one_bad_number(route, _real_ids(records))
    asked = []
    # The real page, with odd numbers in its query string and in every form field there is.
    for who, client, bad in [*(("priya", priya, bad) for bad in FEW), ("alex", alex, "²")]:
        for method, status in _ask(client, real_url, dict.fromkeys(fields, bad), get=_hostile_query(bad)):
            asked.append((f"{who} {method} {real_url} with {bad!r} in every field", status))
    # Each id in the path in turn too large, or in other digits.
    for url in bad_urls:
        for method, status in _ask(priya, url, dict.fromkeys(fields, "1")):
            asked.append((f"priya {method} {url}", status))

    assert [(request, status) for request, status in asked if status >= 500] == []


def test_the_walk_reaches_a_view_at_every_route_it_fills_in(records: AlexPlan) -> None:
    """Guards the walk itself: with real values, every URL it builds resolves to its own pattern."""
    real = _real_ids(records)
    assert len(ROUTES) > 50
    for route in ROUTES:
        url = next(_urls_with_one_bad_number(route, real))
        assert resolve(url).route == route, url
    assert "people/<id:pk>/" in ROUTES, "ids in URL patterns use the <id:> converter"


def test_no_url_pattern_takes_an_id_as_a_plain_int() -> None:
    """`<int:>` takes any number of digits, and a 20-digit id overflows SQLite: use `<id:>`."""
    assert [route for route in ROUTES if "<int:" in route] == []


@pytest.mark.parametrize("path", ["", "plan/", "plan/versions/", "sharing/", "plan/outcomes/1/progress/"])
def test_a_person_id_beyond_the_databases_range_is_page_not_found(
    world: World, client_for: Callable[[str], Client], path: str
) -> None:
    response = client_for("priya").get(f"/people/{TOO_LARGE}/{path}")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("number", ["%C2%B2", "%D9%A1", "%EF%BC%91", TOO_LARGE, "1.0", "+1", " 1", "-1"])
def test_comparing_with_a_version_number_that_is_not_one_is_page_not_found(
    records: AlexPlan, client_for: Callable[[str], Client], number: str
) -> None:
    base = f"/people/{records.world.alex_record.pk}/plan/versions/compare/"
    priya = client_for("priya")

    assert priya.get(f"{base}?from=1&to=2").status_code == 200
    assert priya.get(f"{base}?from={number}").status_code == 404
    assert priya.get(f"{base}?from=1&to={number}").status_code == 404


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("42", 42),
        (str(numbers.MAX_BIGINT), numbers.MAX_BIGINT),
        (TOO_LARGE, None),
        ("", None),
        (None, None),
        ("²", None),
        ("١٢", None),
        ("１２", None),
        ("+1", None),
        ("-1", None),
        (" 1", None),
        ("1_000", None),
        ("1.0", None),
    ],
)
def test_whole_number_takes_ascii_digits_in_range_only(text: str | None, expected: int | None) -> None:
    assert whole_number(text) == expected


def test_the_id_converter_refuses_zero_and_numbers_beyond_a_64_bit_integer() -> None:
    converter = IdConverter()
    assert converter.to_python("7") == 7
    assert converter.to_python("9" * 18) == 10**18 - 1
    with pytest.raises(ValueError, match=r"^0$"):
        converter.to_python("0")
    assert re.fullmatch(converter.regex, "9" * 19) is None
    assert re.fullmatch(converter.regex, "١") is None


@pytest.mark.parametrize("revision", ["١", "１", "²", TOO_LARGE, "-1", "1.5"])
def test_a_forms_carried_revision_in_other_digits_is_a_form_error(revision: str) -> None:
    form = plans_forms.OutcomeForm(data={"revision": revision, "text": "Walk", "importance": "3"})

    assert not form.is_valid()
    assert "revision" in form.errors
