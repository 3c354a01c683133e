"""Every entry in "Who has looked" says what was done in plain words: no verb the code writes is left out."""

import re
from pathlib import Path

import pytest
from django.urls import get_resolver

import livingplan
from livingplan.people.trail_words import PAGES, WORDS, describe

PACKAGE = Path(livingplan.__file__).parent
# An audit verb is written as a literal: "app.thing.verb" beside the auditor call.
VERB = re.compile(r'"((?:people|plans|documents)\.[a-z_]+\.[a-z_]+)"')


def _verbs_the_code_writes() -> set[str]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if "migrations" not in path.parts and path.name != "trail_words.py":
            found |= set(VERB.findall(path.read_text()))
    return found


def test_every_audit_verb_about_a_person_has_its_own_words() -> None:
    verbs = _verbs_the_code_writes()

    assert len(verbs) > 30  # the scan finds them at all
    assert verbs - set(WORDS) == set()


@pytest.mark.parametrize(
    ("action", "detail", "words"),
    [
        ("plans.plan.viewed", {}, "Looked at your plan"),
        ("plans.plan.viewed", {"rendering": "easy-read"}, "Looked at your plan in easy read"),
        (
            "plans.plan.viewed",
            {"rendering": "print:large-print"},
            "Looked at your plan as a page to print in large print",
        ),
        ("plans.plan.exported", {"format": "standard"}, "Downloaded your plan as a PDF"),
        ("plans.action.added", {}, "Added an action"),
        ("plans.page.viewed", {"page": "compare"}, "Compared two versions of your plan"),
        ("people.page.viewed", {"page": "edit-details"}, "Opened your personal details to change them"),
        ("plans.page.viewed", {"page": "a-page-added-later"}, "Looked at your plan"),
        ("plans.something.new", {}, "Changed your record"),
        ("people.something.viewed", {}, "Looked at your record"),
    ],
)
def test_what_each_entry_says(action: str, detail: dict, words: str) -> None:
    assert describe(action, detail) == words


def test_page_words_name_real_pages() -> None:
    names = _url_names()
    for app, pages in PAGES.items():
        assert {f"{app}:{page}" for page in pages} <= names


def _url_names() -> set[str]:
    resolver = get_resolver()
    found = set()
    for namespace, (_prefix, sub) in resolver.namespace_dict.items():
        found |= {f"{namespace}:{name}" for name in sub.reverse_dict if isinstance(name, str)}
    return found
