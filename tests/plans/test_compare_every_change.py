"""Comparing two versions shows every kind of change made between them, as the reader would see it.

Version 1 has something in every part of the plan; between versions 1 and 2 every service that
changes a plan is used once (a statement added to every section and one removed, an outcome with
its importance and progress, progress scored again, an action with its owner, date and layer, an
action finished, a risk with who decided and the person's view, a linked plan, new review
arrangements, and a different view about each kind of item). The comparison page must list each.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.test import Client

from livingplan.plans import services
from livingplan.plans.models import ActionStatus, Layer, LinkedPlan, Plan
from livingplan.plans.sections import Section
from livingplan.plans.snapshot import diff, snapshot
from tests.personas import World


@dataclass
class TwoVersions:
    plan: Plan
    compare_url: str


@pytest.fixture
def two_versions(world: World) -> TwoVersions:
    alex, priya, sam = world.alex, world.priya, world.sam
    plan = services.start_plan(world.alex_record, by=priya)
    for section in Section:
        services.add_statement(plan, by=alex, section=section, text=f"Kept: {section.label}")
    about = services.add_statement(plan, by=alex, section=Section.WHAT_MATTERS, text="My garden", in_own_words=True)
    gone = services.add_statement(plan, by=alex, section=Section.WHAT_MATTERS, text="Bowls on Tuesdays")
    walk = services.add_outcome(plan, by=alex, text="Walk to the shop on my own", importance=3)
    services.record_progress(walk, by=alex, score=2, on=dt.date(2026, 1, 5))
    physio = services.add_action(walk, by=priya, what="Physio twice a week", owner_name="Priya", layer=Layer.SPECIALIST)
    fall = services.add_risk(
        plan, by=priya, what_could_go_wrong="A fall outside", what_we_agree="A pendant alarm", decided_by="Alex"
    )
    services.set_review_arrangements(
        plan, by=priya, next_review_on=dt.date(2026, 6, 1), review_lead=priya, early_review_triggers="A fall"
    )
    services.propose_plan(plan, by=priya)
    services.agree_plan(plan, by=alex)
    services.start_review(plan, by=priya)

    for section in Section:
        services.add_statement(plan, by=alex, section=section, text=f"New: {section.label}")
    services.remove_statement(gone, by=alex)
    cook = services.add_outcome(
        plan, by=alex, text="Cook for my grandchildren", why_it_matters="They visit on Sundays", importance=5
    )
    services.record_progress(cook, by=alex, score=1, on=dt.date(2026, 3, 1))
    services.record_progress(walk, by=alex, score=6, on=dt.date(2026, 3, 1))
    services.add_action(
        cook,
        by=priya,
        what="Cookery class at the hub",
        owner_name="Oakfield Community Hub",
        layer=Layer.COMMUNITY,
        due_on=dt.date(2026, 5, 1),
    )
    services.set_action_status(physio, by=priya, status=ActionStatus.DONE)
    services.add_risk(
        plan,
        by=priya,
        what_could_go_wrong="Burns in the kitchen",
        what_we_agree="An induction hob",
        decided_by="Alex with the occupational therapist",
        persons_view="I want to cook anyway",
    )
    services.add_linked_plan(
        plan, by=priya, kind=LinkedPlan.Kind.CARERS, description="Sam's carer's plan", held_by="Northbridge carers team"
    )
    services.set_review_arrangements(
        plan,
        by=priya,
        next_review_on=dt.date(2026, 9, 1),
        review_lead=world.dr_jones,
        early_review_triggers="A stay in hospital",
    )
    for item, what in (
        (f"statement:{about.pk}", "garden"),
        (f"outcome:{walk.pk}", "walk"),
        (f"action:{physio.pk}", "physio"),
    ):
        services.record_disagreement(plan, by=sam, about=item, view=f"Sam on the {what}", how_handled="Talked it over")
    services.record_disagreement(plan, by=priya, about=f"risk:{fall.pk}", view="Priya on the fall")
    services.propose_plan(plan, by=priya)
    services.agree_plan(plan, by=alex)
    return TwoVersions(plan=plan, compare_url=f"/people/{world.alex_record.pk}/plan/versions/compare/?from=1&to=2")


class _Changes(HTMLParser):
    """The comparison as a reader sees it: (added/changed/removed, the words of each line)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.changes: list[tuple[str, str]] = []
        self._kind: str | None = None
        self._words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        css = dict(attrs).get("class") or ""
        if tag == "li" and css.startswith("livingplan-diff__"):
            self._kind, self._words = css.removeprefix("livingplan-diff__"), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._kind:
            self.changes.append((self._kind, " ".join(" ".join(self._words).split())))
            self._kind = None

    def handle_data(self, data: str) -> None:
        if self._kind:
            self._words.append(data)


def changes_seen(client: Client, url: str) -> list[tuple[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    reader = _Changes()
    reader.feed(response.content.decode())
    return reader.changes


EVERY_CHANGE = [
    *[("added", f"{section.label}: New: {section.label}") for section in Section],
    ("removed", "What matters to me: Bowls on Tuesdays"),
    (
        "added",
        "Outcomes: Cook for my grandchildren (importance 5 out of 5, progress 1 out of 10) "
        "Why it matters: They visit on Sundays",
    ),
    (
        "changed",
        "Outcomes (progress): was: Walk to the shop on my own: 2 out of 10 "
        "now: Walk to the shop on my own: 6 out of 10",
    ),
    (
        "added",
        "Actions: Cookery class at the hub (Oakfield Community Hub, by 1 May 2026) - not started; "
        "support from: My community",
    ),
    ("changed", "Actions (status): was: Physio twice a week: not started now: Physio twice a week: done"),
    (
        "added",
        "Risks: Burns in the kitchen: An induction hob (decided by Alex with the occupational therapist) "
        "The person's view: I want to cook anyway",
    ),
    ("added", "Other plans: Carer's support plan: Sam's carer's plan (held by Northbridge carers team)"),
    ("changed", "Review arrangements (next review): was: 1 June 2026 now: 1 September 2026"),
    ("changed", "Review arrangements (review early if): was: A fall now: A stay in hospital"),
    ("changed", "Review arrangements (led by): was: Priya Shah now: Eleri Jones"),
    (
        "added",
        "Different views: About 'My garden': Sam Carter sees this differently: Sam on the garden "
        "How it was handled: Talked it over",
    ),
    (
        "added",
        "Different views: About 'Walk to the shop on my own': Sam Carter sees this differently: Sam on the walk "
        "How it was handled: Talked it over",
    ),
    (
        "added",
        "Different views: About 'Physio twice a week': Sam Carter sees this differently: Sam on the physio "
        "How it was handled: Talked it over",
    ),
    ("added", "Different views: About 'A fall outside': Priya Shah sees this differently: Priya on the fall"),
]


def test_comparing_versions_shows_every_kind_of_change(
    two_versions: TwoVersions, client_for: Callable[[str], Client]
) -> None:
    seen = changes_seen(client_for("alex"), two_versions.compare_url)

    assert [change for change in EVERY_CHANGE if change not in seen] == []
    assert sorted(seen) == sorted(EVERY_CHANGE), "nothing else changed"


def test_the_circle_sees_only_the_changes_to_parts_shared_with_them(
    two_versions: TwoVersions, client_for: Callable[[str], Client]
) -> None:
    seen = changes_seen(client_for("sam"), two_versions.compare_url)

    assert ("removed", "What matters to me: Bowls on Tuesdays") in seen
    assert ("changed", "Actions (status): was: Physio twice a week: not started now: Physio twice a week: done") in seen
    hidden = ("Risks", "Other plans", "My needs", "Early warning signs", "Different views: About 'A fall outside'")
    assert [text for _, text in seen if text.startswith(hidden)] == []


def test_comparing_with_the_plan_now_shows_what_changed_since_the_last_version(
    two_versions: TwoVersions, client_for: Callable[[str], Client], world: World
) -> None:
    plan = two_versions.plan
    services.start_review(plan, by=world.priya)
    services.add_linked_plan(plan, by=world.priya, kind=LinkedPlan.Kind.ADVANCE_CARE, description="Advance care plan")

    url = f"/people/{world.alex_record.pk}/plan/versions/compare/?from=2&to=current"
    assert changes_seen(client_for("alex"), url) == [("added", "Other plans: Advance care plan: Advance care plan")]


def test_the_snapshot_keeps_every_field_the_plan_shows(two_versions: TwoVersions) -> None:
    snap = snapshot(two_versions.plan)

    assert set(snap) == {"statements", "outcomes", "risks", "review", "linked_plans", "disagreements"}
    assert set(snap["statements"][0]) == {"id", "section", "text", "by", "kind", "own_words"}
    assert set(snap["outcomes"][0]) == {"id", "text", "why", "importance", "progress", "actions"}
    assert set(snap["outcomes"][0]["actions"][0]) == {"id", "what", "who", "due", "status", "layer"}
    assert set(snap["risks"][0]) == {"id", "risk", "agreed", "decided_by", "persons_view"}
    assert set(snap["linked_plans"][0]) == {"id", "kind", "description", "held_by"}
    assert set(snap["review"]) == {"next_review_on", "triggers", "lead"}
    assert set(snap["disagreements"][0]) == {"id", "about", "view", "by", "how_handled"}


def _another(value: object) -> object:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if value is None:
        return 7
    return f"{value} (changed)"


def test_a_change_to_any_field_of_the_snapshot_shows_in_the_comparison(two_versions: TwoVersions) -> None:
    """A field added to the snapshot but not to the comparison would fail here."""
    snap = snapshot(two_versions.plan)
    identity = {"id", "section", "about", "actions"}  # what an item is and where it sits, not what it says
    items = [
        *[
            (part, item)
            for part in ("statements", "outcomes", "risks", "linked_plans", "disagreements")
            for item in snap[part]
        ],
        *[("actions", action) for outcome in snap["outcomes"] for action in outcome["actions"]],
        ("review", snap["review"]),
    ]
    missed = []
    for part, item in items:
        for key in set(item) - identity:
            before = item[key]
            item[key] = _another(before)
            if diff(snapshot(two_versions.plan), snap).is_empty:
                missed.append(f"{part}.{key}")
            item[key] = before

    assert missed == []
