"""Issue 8 #7: every view that changes the plan refuses a stale revision, with 409, changing nothing.

The views come from the plans urlconf, not from a list kept by hand: a view that answers a POST
must either appear in WRITES (with a valid body, so the test can show the revision is what made it
refuse) or refuse the POST itself with 405. A new write view without a revision fails here.
"""

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from livingplan.people.models import Person
from livingplan.plans import lifecycle, services
from livingplan.plans import urls as plan_urls
from livingplan.plans.models import (
    Action,
    ContentEdit,
    Disagreement,
    Layer,
    LinkedPlan,
    Outcome,
    Plan,
    PlanStatus,
    PlanStatusChange,
    PlanVersion,
    ProgressScore,
    Risk,
    Statement,
)
from livingplan.plans.sections import Section
from livingplan.plans.views.edit import DISAGREEMENT_TARGETS
from tests.capacity import sam_is_alexs_attorney_and_alex_cannot_agree
from tests.personas import World

# A valid body for each write view, apart from the revision. Who sends it, if not Alex.
WRITES: dict[str, dict[str, Any]] = {
    "add-statement": {"text": "Sunday lunch with Sam"},
    "add-outcome": {"text": "Swim once a week", "importance": "3"},
    "add-action": {"what": "Book the pool", "owner_name": "Me", "layer": Layer.SELF_CARE},
    "progress": {"score": "6", "note": "Twice round the park"},
    "action-status": {"status": "DONE"},
    "add-risk": {"what_could_go_wrong": "A fall", "what_we_agree": "A pendant", "decided_by": "Alex"},
    "review-arrangements": {"early_review_triggers": "A stay in hospital"},
    "add-linked-plan": {"kind": LinkedPlan.Kind.ADVANCE_CARE, "description": "End of life wishes"},
    "disagree": {"view": "I see it differently"},
    "decide-statement": {},
    "suggestion": {"decision": "accept"},
    "change-words": {"text": "Staying at home, with my garden"},
    "withdraw-words": {},
    "transition": {},
    "agree-on-behalf": {"best_interests_note": "Alex said the garden matters most; it stays as Alex said it."},
}
# Views that change something other than the plan's content, and why they carry no revision.
NOT_PLAN_CONTENT = {
    "start": "makes the plan on first use; there is no revision before it exists, and a second start changes nothing",
    "sharing": "the person's own choices of who sees what, saved whole for each audience by the one who decides",
    "add-note": "a note between reviews is added beside the plan, in any status, and moves no revision (ADR-024)",
    "writers": "the person's choice of who may write for them from now on: it changes no words already written",
    "end-writer": "ends that choice; what they wrote stays as it is",
}
# The item each own-voice view acts on (ADR-025), by its kind: one Alex may decide, or change.
ITEM_FOR = {
    "suggestion": {"statement": "statement", "outcome": "suggested_outcome"},
    **{
        key: {"statement": "own_statement", "outcome": "outcome"}
        for key in ["change-words", "withdraw-words", "word-history"]
    },
}
# API writes that are not plan content either, and so name no revision (ADR-024).
API_NOT_PLAN_CONTENT = {
    "/api/v1/people/{id}/plan/notes": "notes between reviews move no revision",
    "/api/v1/people/{id}/contact-details": "the record's contact details, not the plan: no revision, as on the form",
    # Reviews and budgets (issues 13 and 14) change their own rows, each answered once under a lock;
    # the plan's own changes at a review go through the plan's verbs with its revision.
    "/api/v1/people/{id}/reviews/requests": "asking for a review changes nothing in the plan",
    "/api/v1/people/{id}/reviews/triggers": "recording a change that may affect the plan is not a change to it",
    "/api/v1/people/{id}/reviews/triggers/{trigger_id}/decision": "decided once: a second is refused (422)",
    "/api/v1/people/{id}/budget/submit": "the budget's own status step, guarded by its declared transitions",
}
# The status each lifecycle step starts from.
STARTS_FROM = {
    "propose": PlanStatus.DRAFT,
    "withdraw": PlanStatus.PROPOSED,
    "agree": PlanStatus.PROPOSED,
    "activate": PlanStatus.AGREED,
    "start_review": PlanStatus.ACTIVE,
}


@dataclass
class Case:
    name: str
    kwargs: dict[str, str]

    def __str__(self) -> str:
        return "-".join([self.name, *self.kwargs.values()])


def _cases() -> list[Case]:
    """One case per plans URL, and one per value of a slug it takes (each step, kind, decision)."""
    cases = []
    for pattern in plan_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        assert pattern.name
        names = set(pattern.pattern.converters)
        slugs: list[dict[str, str]] = [{}]
        if "name" in names:
            slugs = [{"name": t} for t in lifecycle.TRANSITIONS]
        elif "item" in names:
            slugs = [{"item": k} for k in ("statement", "outcome")]
        elif "kind" in names:
            slugs = [{"kind": k} for k in DISAGREEMENT_TARGETS]
        elif "decision" in names:
            slugs = [{"decision": d} for d in ("accept", "decline")]
        elif "section" in names:
            slugs = [{"section": Section.WHAT_MATTERS}, {"section": Section.ABOUT_PLEASE_DO}]
        cases += [Case(pattern.name, s) for s in slugs]
    return cases


CASES = _cases()


def _alexs_plan(world: World) -> dict[str, int]:
    """Alex's plan with something of every kind a view acts on; the ids the URLs need."""
    alex = world.alex
    plan = services.start_plan(world.alex_record, by=alex)
    own = services.add_statement(plan, by=alex, section=Section.WHAT_MATTERS, text="Staying in my own home")
    suggestion = services.add_statement(plan, by=world.sam, section=Section.ABOUT_WELLNESS, text="Dad loves his garden")
    outcome = services.add_outcome(plan, by=alex, text="Walk to the shop on my own", importance=5)
    action = services.add_action(outcome, by=world.priya, what="Physio", owner_name="Priya", layer=Layer.SPECIALIST)
    suggested = services.add_outcome(plan, by=world.sam, text="Go to the bowls club again")
    items = {"statement": suggestion.pk, "outcome": outcome.pk, "action": action.pk}
    more = {"own_statement": own.pk, "suggested_outcome": suggested.pk}
    return {"outcome_pk": outcome.pk, "action_pk": action.pk, "statement_pk": suggestion.pk, **items, **more}


def _move_to(plan: Plan, status: str, world: World) -> None:
    if status == PlanStatus.DRAFT:
        return
    services.propose_plan(plan, by=world.alex)
    if status in (PlanStatus.AGREED, PlanStatus.ACTIVE):
        services.agree_plan(plan, by=world.alex)  # in force at once
    if status == PlanStatus.AGREED:
        # A plan agreed before agreeing put it in force, still waiting to be started.
        Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.AGREED)


def fingerprint(person: Person) -> list[Any]:
    """Everything a write could change, as plain values."""
    plan = Plan.objects.filter(person=person).values("revision", "status", "early_review_triggers", "next_review_on")
    models: list[Any] = [
        Statement,
        Outcome,
        Action,
        Risk,
        LinkedPlan,
        Disagreement,
        ProgressScore,
        PlanVersion,
        PlanStatusChange,
        ContentEdit,
    ]
    return [list(plan), *(sorted(map(str, m.objects.filter(person=person).values())) for m in models)]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_every_plan_write_refuses_a_stale_revision_and_changes_nothing(
    case: Case, world: World, client_for: Any
) -> None:
    ids = _alexs_plan(world)
    plan = Plan.objects.get(person=world.alex_record)
    username = "alex"
    if case.name in NOT_PLAN_CONTENT:
        return
    if case.name == "transition":
        _move_to(plan, STARTS_FROM[case.kwargs["name"]], world)
    if case.name == "agree-on-behalf":
        sam_is_alexs_attorney_and_alex_cannot_agree(world)
        _move_to(plan, PlanStatus.PROPOSED, world)
        username = "sam"
    kwargs: dict[str, Any] = {"person_pk": world.alex_record.pk, **case.kwargs}
    for key in ("outcome_pk", "action_pk", "statement_pk"):
        if key in plan_urls_converters(case.name):
            kwargs[key] = ids[key]
    if "kind" in kwargs:
        kwargs["item_pk"] = ids[kwargs["kind"]]
    if "item" in kwargs:
        kwargs["item_pk"] = ids[ITEM_FOR[case.name][kwargs["item"]]]
    url = reverse(f"plans:{case.name}", kwargs=kwargs)
    client: Client = client_for(username)

    if case.name not in WRITES:
        # Not a write: it must not accept one.
        assert client.post(url, {}).status_code == 405, f"{url} takes a POST: add it to WRITES with a revision"
        return

    plan.refresh_from_db()
    before = fingerprint(world.alex_record)
    stale = client.post(url, {**WRITES[case.name], "revision": plan.revision - 1})
    assert stale.status_code == 409, url
    assert "The plan changed while you" in stale.content.decode()
    assert fingerprint(world.alex_record) == before, f"{url} changed the plan on a stale revision"

    # The same body at the current revision is accepted: the revision was the only thing wrong.
    fresh = client.post(url, {**WRITES[case.name], "revision": plan.revision})
    assert fresh.status_code == 302, (url, fresh.content.decode()[:2000])
    assert fingerprint(world.alex_record) != before


def plan_urls_converters(name: str) -> set[str]:
    pattern = next(p for p in plan_urls.urlpatterns if isinstance(p, URLPattern) and p.name == name)
    return set(pattern.pattern.converters)


def test_the_enumeration_sees_every_write_view() -> None:
    """WRITES and NOT_PLAN_CONTENT name only views that exist, so neither list can go stale unseen."""
    names = {c.name for c in CASES}
    assert set(WRITES) <= names
    assert set(NOT_PLAN_CONTENT) <= names


def test_every_api_write_names_the_revision_it_starts_from() -> None:
    """The API's writes already require `expected_revision` and answer 409 stale_revision
    (tests/api/test_writes.py); this keeps every new write route to the same contract."""
    from livingplan.api.api import api

    schema = api.get_openapi_schema()
    components = schema["components"]["schemas"]
    writes = [
        (path, method, operation)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if method in {"post", "put", "patch", "delete"}
    ]
    assert writes
    for path, method, operation in writes:
        if path in API_NOT_PLAN_CONTENT:
            continue
        ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        body = components[ref.rsplit("/", 1)[-1]]
        assert "expected_revision" in body.get("required", []), f"{method.upper()} {path} takes no revision"
        assert 409 in operation["responses"], f"{method.upper()} {path} does not say it can answer 409"
