"""A funding panel decides together at the second tier where the council says so: recorded once
with who was present; nobody who drafted, sent or first agreed the budget sits on it; fewer than
three present cannot decide; a senior manager alone is refused; and of two recordings at once
exactly one is made (threads on PostgreSQL, in turn on SQLite)."""

import datetime as dt
from collections.abc import Callable
from functools import partial

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from livingplan.accounts.models import Role, User
from livingplan.budgets import services
from livingplan.budgets.models import ApproverLevel, Budget, BudgetStatus, Level, PanelDecision, PanelMember
from livingplan.notifications.models import OutboxMessage
from livingplan.people import services as people
from tests.budgets.conftest import Ready, draft_budget, race, ready_plan, sign_off_choices, submitted
from tests.personas import World, make_staff

Clients = Callable[[str], Client]


def panel_council(ready: Ready) -> list[User]:
    """Northbridge's second tier is its funding panel: Pat chairs it, with Sasha and Robin."""
    world = ready.world
    services.set_sign_off_settings(world.council_a, by=world.admin, choices=sign_off_choices(second_tier="PANEL"))
    chairs = []
    for username, first, last in (("pat", "Pat", "Okafor"), ("robin", "Robin", "Hale")):
        member = make_staff(username, first, last, world.council_a, Role.APPROVER)
        ApproverLevel.objects.create(user=member, organisation=world.council_a, level=Level.PANEL)
        chairs.append(member)
    return [*chairs, ready.senior]


def at_the_panel(ready: Ready) -> Budget:
    budget = submitted(ready, hours=40)  # £49,920 a year: over Morgan's £30,000
    services.decide_budget(budget, by=ready.world.morgan, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    return budget


def _approve() -> services.PanelOutcome:
    return services.PanelOutcome(decision=services.APPROVE, met_on=timezone.localdate())


def test_the_panel_approves_together_and_who_was_present_is_recorded(ready: Ready) -> None:
    pat, robin, sasha = panel_council(ready)
    budget = at_the_panel(ready)
    assert budget.status == BudgetStatus.SECOND_TIER
    services.record_panel_decision(budget, by=pat, members=[robin, sasha], outcome=_approve(), revision=budget.revision)
    budget.refresh_from_db()
    assert (budget.status, budget.agreed_pence) == (BudgetStatus.APPROVED, 49_920_00)
    decided = PanelDecision.objects.get()
    assert {m.user.username for m in decided.members.all()} == {"pat", "robin", "sasha"}
    told = OutboxMessage.objects.filter(
        person_id=ready.world.alex_record.pk, template_key__startswith="budget_"
    ).values_list("template_key", flat=True)
    assert list(told.order_by("pk")) == ["budget_submitted", "budget_with_panel", "budget_approved"]


def test_a_senior_manager_alone_cannot_decide_where_the_panel_does(ready: Ready) -> None:
    panel_council(ready)
    budget = at_the_panel(ready)
    with pytest.raises(ValidationError, match="record the panel's decision"):
        services.decide_budget(budget, by=ready.senior, decision=services.APPROVE, revision=budget.revision)


def test_fewer_than_three_present_cannot_decide(ready: Ready) -> None:
    pat, robin, _ = panel_council(ready)
    budget = at_the_panel(ready)
    with pytest.raises(ValidationError, match="At least 3 approvers must be present"):
        services.record_panel_decision(budget, by=pat, members=[robin], outcome=_approve(), revision=budget.revision)
    assert not PanelDecision.objects.exists()


def test_nobody_who_first_agreed_it_sits_on_the_panel(ready: Ready) -> None:
    pat, robin, _ = panel_council(ready)
    budget = at_the_panel(ready)
    with pytest.raises(ValidationError, match="Morgan Reilly drafted, sent or first agreed this budget"):
        services.record_panel_decision(
            budget, by=pat, members=[robin, ready.world.morgan], outcome=_approve(), revision=budget.revision
        )
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.SECOND_TIER


def test_nobody_who_sent_it_sits_on_the_panel(ready: Ready) -> None:
    pat, robin, sasha = panel_council(ready)
    world = ready.world
    people.add_care_team_member(world.alex_record, by=world.priya, user=robin, organisation=world.council_a)
    budget, _ = draft_budget(ready, hours=40)
    services.submit_budget(budget, by=robin)
    budget.refresh_from_db()
    services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    with pytest.raises(ValidationError, match="Robin Hale drafted, sent or first agreed this budget"):
        services.record_panel_decision(
            budget, by=pat, members=[robin, sasha], outcome=_approve(), revision=budget.revision
        )


def test_a_return_or_decline_needs_a_reason_and_a_past_date(ready: Ready) -> None:
    pat, robin, sasha = panel_council(ready)
    budget = at_the_panel(ready)
    declined = services.PanelOutcome(decision=services.DECLINE, met_on=timezone.localdate())
    with pytest.raises(ValidationError, match="Give the reason"):
        services.record_panel_decision(
            budget, by=pat, members=[robin, sasha], outcome=declined, revision=budget.revision
        )
    later = services.PanelOutcome(decision=services.APPROVE, met_on=timezone.localdate() + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="must be today or in the past"):
        services.record_panel_decision(budget, by=pat, members=[robin, sasha], outcome=later, revision=budget.revision)


@pytest.mark.django_db(transaction=True)
def test_two_recordings_of_the_panel_at_once_make_exactly_one_decision(world: World) -> None:
    ready = ready_plan(world)
    pat, robin, sasha = panel_council(ready)
    budget = at_the_panel(ready)
    members = [pat, robin, sasha]
    outcomes = race(
        [
            partial(
                services.record_panel_decision,
                budget,
                by=chair,
                members=members,
                outcome=_approve(),
                revision=budget.revision,
            )
            for chair in (pat, robin)
        ]
    )
    assert sorted(outcomes) == sorted(["decided", services.STALE])
    assert PanelDecision.objects.count() == 1
    assert PanelMember.objects.count() == 3


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_pat_records_the_panels_decision_on_the_page_from_the_queue(ready: Ready, client_for: Clients) -> None:
    pat, robin, sasha = panel_council(ready)
    budget = at_the_panel(ready)
    alex = ready.world.alex_record
    pats = _signed_in(pat)
    queue = pats.get("/budgets/").content.decode()
    assert "Second tier: the funding panel" in queue
    url = f"/people/{alex.pk}/budget/panel/"
    assert url in queue
    today = timezone.localdate()
    met = {"met_on_day": str(today.day), "met_on_month": str(today.month), "met_on_year": str(today.year)}
    refused = pats.post(url, {**met, "members": [str(robin.pk)], "decision": "APPROVE", "revision": budget.revision})
    assert refused.status_code == 400
    assert "At least 3 approvers must be present for the panel to decide" in refused.content.decode()
    chosen = [str(robin.pk), str(sasha.pk)]
    pats.post(url, {**met, "members": chosen, "decision": "APPROVE", "reason": "", "revision": budget.revision})
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.APPROVED
    page = client_for("priya").get(f"/people/{alex.pk}/budget/").content.decode()
    assert "The funding panel (Pat Okafor, Robin Hale, Sasha Grant, meeting on" in page


def test_only_a_panel_member_opens_the_panels_page(ready: Ready, client_for: Clients) -> None:
    pat, _, _ = panel_council(ready)
    at_the_panel(ready)
    url = f"/people/{ready.world.alex_record.pk}/budget/panel/"
    assert client_for("morgan").get(url).status_code == 403
    assert _signed_in(pat).get(url).status_code == 200
