"""Organisation admins make tokens for other systems: shown once, listed with last use, revoked, audited.

A token for the organisation acts as its system account: it sees the people the organisation
leads on (with their agreement), over the JSON API and FHIR; another organisation's token gets 404."""

import datetime as dt
from collections.abc import Callable

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from livingplan.accounts.models import Organisation
from livingplan.api import tokens
from livingplan.api.models import ApiToken, TokenScope
from livingplan.core.models import AuditEvent
from livingplan.plans.models import Plan
from tests.api.helpers import Api, url
from tests.personas import World


def tokens_page(organisation: Organisation) -> str:
    return f"/api-tokens/organisations/{organisation.pk}/"


def make(admin: Client, organisation: Organisation, **fields: object) -> str:
    """Posts the form; returns the page it answers with."""
    data = {"name": "GP record system", "scopes": ["read", "fhir"], "days": "90", **fields}
    response = admin.post(tokens_page(organisation) + "new/", data)
    return response.content.decode()


def raw_token_in(page: str) -> str:
    start = page.index("lp_")
    return page[start : page.index("<", start)]


def org_token(world: World, organisation: Organisation, *scopes: str) -> str:
    admin = world.admin
    if organisation != world.council_a:
        admin.memberships.create(organisation=organisation, role="ORGANISATION_ADMIN")
    expires = timezone.now() + dt.timedelta(days=30)
    return tokens.issue_for_organisation(
        organisation, by=admin, name="link", scopes=scopes or ["read"], expires_at=expires
    )[1]


def test_an_admin_makes_a_token_which_is_shown_once_and_listed(world: World, client_for: Callable) -> None:
    admin = client_for("admin")
    page = make(admin, world.council_a)
    raw = raw_token_in(page)
    assert "only shown once" in page
    listing = admin.get(tokens_page(world.council_a)).content.decode()
    assert "GP record system" in listing
    assert "Read through the API, Read as FHIR R4" in listing
    assert "Not used yet" in listing
    assert "Ade Bello" in listing
    assert raw not in listing


def test_the_list_shows_when_a_token_was_last_used(world: World, plan: Plan, client_for: Callable) -> None:
    admin = client_for("admin")
    raw = raw_token_in(make(admin, world.council_a))
    Api(Client(), raw).get(url(world, "/plan"))
    assert "Not used yet" not in admin.get(tokens_page(world.council_a)).content.decode()


def test_the_form_says_what_is_missing(world: World, client_for: Callable) -> None:
    response = client_for("admin").post(tokens_page(world.council_a) + "new/", {"name": "", "days": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Enter what the token is for" in page
    assert "Select what the other system may do" in page
    assert "Select how long the token should work for" in page
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("username", ["priya", "quinn", "alex"])
def test_anyone_but_the_organisations_admin_gets_404(world: World, client_for: Callable, username: str) -> None:
    client = client_for(username)
    assert client.get(tokens_page(world.council_a)).status_code == 404
    assert client.post(tokens_page(world.council_a) + "new/", {"name": "x", "scopes": ["read"]}).status_code == 404


def test_an_admin_of_another_organisation_gets_404(world: World, client_for: Callable) -> None:
    assert client_for("admin").get(tokens_page(world.council_b)).status_code == 404


def test_revoking_asks_first_then_the_token_stops_working(world: World, plan: Plan, client_for: Callable) -> None:
    admin = client_for("admin")
    raw = raw_token_in(make(admin, world.council_a))
    token = ApiToken.objects.get()
    revoke_page = tokens_page(world.council_a) + f"{token.pk}/revoke/"
    assert "Revoke the token" in admin.get(revoke_page).content.decode()
    assert Api(Client(), raw).get(url(world, "/plan")).status_code == 200
    admin.post(revoke_page)
    assert Api(Client(), raw).get(url(world, "/plan")).status_code == 401
    assert "Revoked" in admin.get(tokens_page(world.council_a)).content.decode()


def test_making_and_revoking_are_audited_with_the_admin(world: World, client_for: Callable) -> None:
    admin = client_for("admin")
    make(admin, world.council_a)
    token = ApiToken.objects.get()
    admin.post(tokens_page(world.council_a) + f"{token.pk}/revoke/")
    events = AuditEvent.objects.filter(action__startswith="api.token.").order_by("pk")
    assert [(e.action, e.actor_id) for e in events] == [
        ("api.token.created", world.admin.pk),
        ("api.token.revoked", world.admin.pk),
    ]


def test_the_organisations_token_sees_its_people_and_another_organisations_gets_404(world: World, plan: Plan) -> None:
    ours = Api(Client(), org_token(world, world.council_a))
    theirs = Api(Client(), org_token(world, world.council_b))
    assert ours.get(url(world, "/plan")).status_code == 200
    assert theirs.get(url(world, "/plan")).status_code == 404
    assert theirs.get("/api/v1/people").json()["count"] == 0


def test_the_organisations_fhir_token_pulls_alexs_plan_and_an_outsiders_gets_404(world: World, plan: Plan) -> None:
    path = f"/fhir/r4/Patient/{world.alex_record.pk}"
    ours = org_token(world, world.council_a, TokenScope.FHIR)
    theirs = org_token(world, world.council_b, TokenScope.FHIR)
    assert Client().get(path, headers={"Authorization": f"Bearer {ours}"}).status_code == 200
    assert Client().get(path, headers={"Authorization": f"Bearer {theirs}"}).status_code == 404


def test_reads_by_the_system_account_are_audited_with_its_organisation(world: World, plan: Plan) -> None:
    Api(Client(), org_token(world, world.council_a)).get(url(world, "/plan"))
    viewed = AuditEvent.objects.filter(action="plans.plan.viewed").latest("pk")
    assert viewed.actor_organisation == world.council_a.name


def test_an_expired_token_is_refused_like_a_revoked_one(world: World, plan: Plan) -> None:
    raw = org_token(world, world.council_a)
    with time_machine.travel(timezone.now() + dt.timedelta(days=31)):
        assert Api(Client(), raw).get(url(world, "/plan")).status_code == 401


def test_a_token_cannot_work_for_more_than_a_year(world: World) -> None:
    too_long = timezone.now() + dt.timedelta(days=400)
    with pytest.raises(Exception, match="a year at most"):
        tokens.issue(world.alex, name="x", expires_at=too_long)
