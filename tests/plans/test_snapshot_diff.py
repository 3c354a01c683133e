from livingplan.plans.sections import SharingGroup
from livingplan.plans.snapshot import diff


def _snap(statements=(), outcomes=(), review=None):
    return {
        "statements": list(statements),
        "outcomes": list(outcomes),
        "risks": [],
        "linked_plans": [],
        "review": review or {"next_review_on": None, "triggers": ""},
    }


def _statement(pk, text, section="WHAT_MATTERS"):
    return {"id": pk, "section": section, "text": text}


def test_diff_lists_added_removed_and_changed_items_with_their_section() -> None:
    old = _snap([_statement(1, "My garden"), _statement(2, "Bowls")])
    new = _snap([_statement(1, "My garden and allotment"), _statement(3, "My grandchildren")])
    changes = diff(old, new)
    assert [(c.kind, c.where, c.before, c.after) for c in changes.changes] == [
        ("removed", "What matters to me", "Bowls", ""),
        ("added", "What matters to me", "", "My grandchildren"),
        ("changed", "What matters to me", "My garden", "My garden and allotment"),
    ]


def test_diff_shows_new_actions_readably() -> None:
    outcome = {"id": 1, "text": "Walk to the shop", "actions": []}
    with_action = {
        **outcome,
        "actions": [{"id": 9, "what": "Physio referral", "who": "Priya", "due": "2027-02-01", "status": "NOT_STARTED"}],
    }
    changes = diff(_snap(outcomes=[outcome]), _snap(outcomes=[with_action]))
    assert [c.after for c in changes.by_kind("added")] == ["Physio referral (Priya, by 1 February 2027) - not started"]


def test_diff_hides_what_the_reader_may_not_see() -> None:
    old = _snap([_statement(1, "Warning signs", "CRISIS_WARNING_SIGNS")])
    new = _snap([_statement(1, "New warning signs", "CRISIS_WARNING_SIGNS")])
    assert diff(old, new, frozenset({SharingGroup.OUTCOMES})).is_empty
    assert not diff(old, new, frozenset({SharingGroup.CRISIS})).is_empty


def test_identical_snapshots_have_no_changes() -> None:
    snap = _snap([_statement(1, "Same")])
    assert diff(snap, snap).is_empty


def _risk(decided_by: str) -> dict:
    return {"id": 4, "risk": "A fall", "agreed": "A pendant alarm", "decided_by": decided_by, "persons_view": ""}


def test_diff_shows_who_decided_a_risk_when_it_changes() -> None:
    old = {**_snap(), "risks": [_risk("Alex")]}
    new = {**_snap(), "risks": [_risk("Alex and Sam")]}

    assert [(c.kind, c.where, c.before, c.after) for c in diff(old, new).changes] == [
        ("changed", "Risks (who decided)", "A fall: Alex", "A fall: Alex and Sam")
    ]


def test_a_version_frozen_before_newer_fields_were_kept_compares_without_made_up_changes() -> None:
    """Versions agreed before the snapshot kept a linked plan's holder, the review lead and different
    views have none of them: comparing them with today's plan reports only what really changed."""
    old = {
        **_snap(review={"next_review_on": "2026-06-01", "triggers": "A fall"}),
        "linked_plans": [{"id": 1, "kind": "EHC", "description": "School plan"}],
    }
    new = {
        **_snap(review={"next_review_on": "2026-06-01", "triggers": "A fall", "lead": "Priya Shah"}),
        "linked_plans": [
            {"id": 1, "kind": "EHC", "description": "School plan", "held_by": "Northbridge SEND team"},
            {"id": 2, "kind": "CARERS", "description": "Sam's carer's plan", "held_by": ""},
        ],
        "disagreements": [{"id": 1, "about": "risk:4", "view": "Too cautious", "by": "Sam", "how_handled": ""}],
    }

    assert [(c.kind, c.where, c.after) for c in diff(old, new).changes] == [
        ("added", "Other plans", "Carer's support plan: Sam's carer's plan")
    ]


def test_linked_plans_are_hidden_from_a_reader_they_are_not_shared_with() -> None:
    new = {**_snap(), "linked_plans": [{"id": 2, "kind": "CARERS", "description": "Sam's carer's plan"}]}

    assert diff(_snap(), new, frozenset({SharingGroup.OUTCOMES})).is_empty
    assert not diff(_snap(), new, frozenset({SharingGroup.LINKED_PLANS})).is_empty
