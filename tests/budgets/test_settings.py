"""How an organisation signs off budgets, set by its admin (not Django settings): the target, each
level's limit, whether new or increased packages always go on, and who forms the second tier.
Each change is a new version, audited; absurd input is refused with nothing saved; the limits are
checked when an approver is asked and again when they decide, as they are at that moment."""

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from livingplan.budgets import policy, services
from livingplan.budgets.models import BudgetStatus, SignOffSettings
from livingplan.core.models import AuditEvent
from tests.budgets.conftest import Ready, sign_off_choices, submitted
from tests.personas import World

Clients = Callable[[str], Client]


def _form(**changes: str) -> dict[str, str]:
    return {
        "target_days": "10",
        "team_manager_limit": "30,000",
        "senior_manager_limit": "150000",
        "panel_limit": "",
        "second_tier_for_new_or_increased": "no",
        "second_tier": "SENIOR_MANAGER",
        **changes,
    }


def test_until_set_the_defaults_apply(world: World) -> None:
    found = policy.for_organisation(world.council_a.pk)
    assert (found.target_days, found.limit_pence("TEAM_MANAGER"), found.version) == (10, 30_000_00, 0)


def test_each_change_is_a_new_version_and_audited(world: World) -> None:
    services.set_sign_off_settings(world.council_a, by=world.admin, choices=sign_off_choices(target_days=8))
    services.set_sign_off_settings(world.council_a, by=world.admin, choices=sign_off_choices(target_days=12))
    assert list(SignOffSettings.objects.values_list("version", "target_days")) == [(2, 12), (1, 8)]
    assert policy.target_days(world.council_a) == 12
    event = AuditEvent.objects.filter(action="budgets.settings.changed").latest("pk")
    assert event.detail["before"]["target_days"] == 8


def test_only_the_organisations_admin_may_change_them(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.set_sign_off_settings(world.council_a, by=world.morgan, choices=sign_off_choices())
    assert not SignOffSettings.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target_days": 0}, "Enter a target from 1 to 60 working days"),
        ({"target_days": 400}, "Enter a target from 1 to 60 working days"),
        ({"team_manager_limit_pence": -1}, "Enter an amount of £0 or more"),
        ({"panel_limit_pence": 9_000_000_00}, "Enter an amount of £2,000,000.00 or less"),
        ({"senior_manager_limit_pence": 10_000_00}, "A senior manager's limit must be at least a team manager's"),
        ({"second_tier": "CHAIR"}, "Select who decides at the second tier"),
    ],
)
def test_absurd_settings_are_refused_and_nothing_is_saved(
    world: World, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        services.set_sign_off_settings(world.council_a, by=world.admin, choices=sign_off_choices(**changes))
    assert not SignOffSettings.objects.exists()


def test_the_admin_changes_them_on_a_page_linked_from_their_home(world: World, client_for: Clients) -> None:
    admin = client_for("admin")
    url = f"/budgets/organisations/{world.council_a.pk}/settings/"
    assert url in admin.get("/").content.decode()
    assert "they are the defaults" in admin.get(url).content.decode()
    refused = admin.post(url, _form(team_manager_limit="-5", target_days="0"))
    page = refused.content.decode()
    assert refused.status_code == 400
    assert "Enter an amount of £0 or more" in page
    saved = admin.post(url, _form(target_days="7", second_tier="PANEL"), follow=True)
    assert "Budget sign-off settings saved" in saved.content.decode()
    found = policy.for_organisation(world.council_a.pk)
    assert (found.target_days, found.second_tier) == (7, "PANEL")


def test_nobody_else_sees_the_page(world: World, client_for: Clients) -> None:
    url = f"/budgets/organisations/{world.council_a.pk}/settings/"
    assert client_for("morgan").get(url).status_code == 404


def test_a_limit_lowered_after_assignment_is_checked_again_at_the_decision(ready: Ready) -> None:
    world = ready.world
    budget = submitted(ready, hours=40)  # £49,920 a year: over a team manager's £30,000
    services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    services.assign_approver(budget, by=world.priya, approver=ready.senior)
    services.set_sign_off_settings(
        world.council_a, by=world.admin, choices=sign_off_choices(senior_manager_limit_pence=40_000_00)
    )
    with pytest.raises(ValidationError, match="over your approval limit"):
        services.decide_budget(budget, by=ready.senior, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.SECOND_TIER


def test_a_team_manager_may_not_decide_at_the_second_tier(ready: Ready) -> None:
    from livingplan.accounts.models import Role
    from livingplan.budgets.models import ApproverLevel, Level
    from tests.personas import make_staff

    world = ready.world
    taylor = make_staff("taylor", "Taylor", "Quinn", world.council_a, Role.APPROVER)
    ApproverLevel.objects.create(user=taylor, organisation=world.council_a, level=Level.TEAM_MANAGER)
    services.set_sign_off_settings(
        world.council_a, by=world.admin, choices=sign_off_choices(second_tier_for_new_or_increased=True)
    )
    budget = submitted(ready)
    services.decide_budget(budget, by=world.morgan, decision=services.APPROVE, revision=budget.revision)
    budget.refresh_from_db()
    with pytest.raises(ValidationError, match="A senior manager decides at the second tier"):
        services.decide_budget(budget, by=taylor, decision=services.APPROVE, revision=budget.revision)
