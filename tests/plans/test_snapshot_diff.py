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
    assert [c.after for c in changes.by_kind("added")] == ["Physio referral (Priya, by 2027-02-01) - not started"]


def test_diff_hides_what_the_reader_may_not_see() -> None:
    old = _snap([_statement(1, "Warning signs", "CRISIS_WARNING_SIGNS")])
    new = _snap([_statement(1, "New warning signs", "CRISIS_WARNING_SIGNS")])
    assert diff(old, new, frozenset({SharingGroup.OUTCOMES})).is_empty
    assert not diff(old, new, frozenset({SharingGroup.CRISIS})).is_empty


def test_identical_snapshots_have_no_changes() -> None:
    snap = _snap([_statement(1, "Same")])
    assert diff(snap, snap).is_empty
