"""One audit context per request, and one for each command and task (ADR-029).

Who acted, for which organisation and from where is decided once, in one place: a page, a
command and the worker each leave a row that says so.
"""

import ast
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from livingplan.accounts.models import Role
from livingplan.api.management.commands.create_token import COMMAND
from livingplan.core import audit_context
from livingplan.core.audit_context import AuditContext, UnattributedStaffEventError
from livingplan.core.models import AuditEvent
from livingplan.people import services as people
from livingplan.plans import services as plans
from livingplan.plans.models import Plan
from tests.factories import MembershipFactory, PersonFactory
from tests.personas import World

APP = Path(__file__).resolve().parents[2] / "livingplan"


@pytest.fixture
def plan(world: World) -> Plan:
    return plans.start_plan(world.alex_record, by=world.alex)


def test_dr_jones_looking_at_alexs_plan_is_stored_for_riverside_medical_practice_with_her_browser(
    world: World, plan: Plan, client_for: Callable[[str], Client]
) -> None:
    # The newest id, not the count: PostgreSQL does not reuse ids rolled back by earlier tests.
    before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    page = client_for("dr.jones").get(f"/people/{world.alex_record.pk}/plan/", HTTP_USER_AGENT="Surgery PC")

    assert page.status_code == 200
    [event] = AuditEvent.objects.filter(pk__gt=before)  # one read for the page, not two
    assert (event.action, event.actor, event.actor_organisation) == (
        "plans.plan.viewed",
        world.dr_jones,
        "Riverside Medical Practice",
    )
    assert (event.ip_address, event.user_agent) == ("127.0.0.1", "Surgery PC")


def test_a_staff_event_with_no_organisation_is_refused_and_nothing_is_written(
    world: World, plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_context, "_organisation_finder", lambda actor, person_id: "")
    before = AuditEvent.objects.count()

    with pytest.raises(UnattributedStaffEventError):
        plans.add_outcome(plan, by=world.priya, text="Get out more", audit=AuditContext.for_actor(world.priya))

    assert AuditEvent.objects.count() == before
    assert not plan.outcomes.exists()


def test_without_the_people_apps_finder_no_staff_event_is_written(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_context, "_organisation_finder", None)

    with pytest.raises(UnattributedStaffEventError):
        people.record_person_viewed(world.alex_record, by=world.dr_jones)


def test_staff_act_for_a_different_organisation_for_different_people_each_found_once(
    world: World, django_assert_num_queries
) -> None:
    # Dr Jones also works sessions for Southmere Council, which leads on this person's care.
    MembershipFactory.create(user=world.dr_jones, organisation=world.council_b, role=Role.PRACTITIONER)
    someone = PersonFactory.create(lead_organisation=world.council_b)
    audit = AuditContext.for_actor(world.dr_jones)

    with django_assert_num_queries(2):
        for _ in range(3):
            assert audit.organisation_for(world.alex_record.pk) == "Riverside Medical Practice"
            assert audit.organisation_for(someone.pk) == "Southmere Council"


def test_a_context_for_someone_else_is_refused(world: World, plan: Plan) -> None:
    with pytest.raises(ValueError, match="someone other than"):
        plans.add_outcome(plan, by=world.alex, text="Walk to the park", audit=AuditContext.for_actor(world.priya))

    assert not plan.outcomes.exists()


def test_a_token_made_on_the_command_line_is_audited_as_made_by_the_command(world: World) -> None:
    call_command("create_token", "dr.jones", stdout=StringIO(), stderr=StringIO())

    event = AuditEvent.objects.get(action="api.token.created")
    assert (event.actor, event.actor_organisation, event.user_agent, event.ip_address) == (
        world.dr_jones,
        "Riverside Medical Practice",
        COMMAND,
        None,
    )


def _service_calls_without_context(path: Path) -> list[str]:
    """Calls in a view or API route that act `by=` the signed-in user but pass no `audit=`."""
    missing = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        keywords = {k.arg: ast.unparse(k.value) for k in node.keywords}
        name = ast.unparse(node.func)
        acts = keywords.get("by") in ("request.user", "request.auth") and "audit" not in keywords
        if acts and not name.endswith("staff_to_add"):  # staff_to_add reads only: nothing to audit
            missing.append(f"{path.relative_to(APP)}:{node.lineno} {name}")
    return missing


def test_every_view_and_api_route_passes_its_requests_context_to_the_services() -> None:
    """Without it the row has no address or browser, and the rate limit on plan changes is skipped."""
    pages = [p for p in APP.rglob("*.py") if "views" in p.parts or p.name.endswith("views.py") or "routes" in p.parts]
    assert len(pages) > 10

    assert [call for page in pages for call in _service_calls_without_context(page)] == []
