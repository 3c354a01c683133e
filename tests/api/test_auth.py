"""Bearer tokens (read and write scopes, revoked, wrong) and the browser session with CSRF."""

from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.api import tokens
from livingplan.api.models import ApiToken, TokenScope
from livingplan.plans.models import Plan
from tests.api.helpers import Api, url
from tests.personas import World

UNAUTHORIZED = 401


def outcome(plan: Plan) -> dict:
    return {"expected_revision": plan.revision, "text": "Go swimming on Fridays"}


def test_no_credentials_is_401_with_a_bearer_challenge(world: World, plan: Plan) -> None:
    response = Client().get(url(world, "/plan"))
    assert response.status_code == UNAUTHORIZED
    assert response.json()["code"] == "unauthorized"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    [
        "Bearer lp_not-a-real-token",
        "Bearer ",
        "Bearer",
        "Token lp_x",
        "Basic YWxleDpwYXNzd29yZA==",
        "Bearer " + "x" * 5000,
    ],
)
def test_a_wrong_or_malformed_token_is_401(world: World, plan: Plan, header: str) -> None:
    response = Client().get(url(world, "/plan"), headers={"Authorization": header})
    assert response.status_code == UNAUTHORIZED


def test_a_read_token_reads_but_may_not_write(world: World, plan: Plan, api_as: Callable[..., Api]) -> None:
    reader = api_as("alex", TokenScope.READ)
    assert reader.get(url(world, "/plan")).status_code == 200
    response = reader.post(url(world, "/plan/outcomes"), outcome(plan))
    assert response.status_code == 403
    assert response.json()["code"] == "insufficient_scope"
    assert not plan.outcomes.filter(text="Go swimming on Fridays").exists()


def test_a_write_token_reads_and_writes(world: World, plan: Plan, api_as: Callable[..., Api]) -> None:
    writer = api_as("alex", TokenScope.WRITE)
    assert writer.get(url(world, "/plan")).status_code == 200
    assert writer.post(url(world, "/plan/outcomes"), outcome(plan)).status_code == 201


def test_a_revoked_token_is_401(world: World, plan: Plan) -> None:
    token, raw = tokens.issue(world.alex, name="old laptop", scope=TokenScope.WRITE)
    api = Api(Client(), raw)
    assert api.get(url(world, "/plan")).status_code == 200
    tokens.revoke(token)
    assert api.get(url(world, "/plan")).status_code == UNAUTHORIZED
    assert api.post(url(world, "/plan/outcomes"), outcome(plan)).status_code == UNAUTHORIZED


def test_a_deactivated_users_token_is_401(world: World, plan: Plan) -> None:
    _, raw = tokens.issue(world.sam, name="sam", scope=TokenScope.READ)
    world.sam.is_active = False
    world.sam.save(update_fields=["is_active"])
    assert Api(Client(), raw).get(url(world, "/plan")).status_code == UNAUTHORIZED


def test_only_a_hash_of_the_token_is_stored_and_its_use_is_recorded(world: World, plan: Plan) -> None:
    token, raw = tokens.issue(world.priya, name="care record link")
    assert raw.startswith("lp_")
    assert len(raw) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert raw not in {stored.token_hash, stored.name}
    assert stored.token_hash == tokens.hash_token(raw)
    assert stored.last_used_at is None
    assert stored.scope_set == {TokenScope.READ}
    Api(Client(), raw).get(url(world, "/plan"))
    stored.refresh_from_db()
    assert stored.last_used_at is not None


def test_a_token_acts_as_its_user_under_the_same_rules(world: World, plan: Plan, api_as) -> None:
    assert api_as("omar").get(url(world, "/plan")).status_code == 404
    body = (
        api_as("sam")
        .post(
            url(world, "/about-me"),
            {"expected_revision": plan.revision, "section": "ABOUT_WELLNESS", "text": "Likes tea"},
        )
        .json()
    )
    assert body["statement"]["contribution"]["by"] == "Sam Carter"


def test_a_bad_token_is_401_even_alongside_a_signed_in_session(world: World, plan: Plan, client_for) -> None:
    api = Api(client_for("alex"), "lp_wrong")
    assert api.get(url(world, "/plan")).status_code == UNAUTHORIZED


def test_a_session_reads_without_csrf_but_writes_only_with_it(world: World, plan: Plan, client_for) -> None:
    client = client_for("alex")
    client.handler.enforce_csrf_checks = True
    api = Api(client)
    assert api.get(url(world, "/plan")).status_code == 200

    refused = api.post(url(world, "/plan/outcomes"), outcome(plan))
    assert refused.status_code == 403
    assert refused.json()["code"] == "csrf_failed"

    client.get("/api/v1/docs")  # any page that sets the CSRF cookie
    api.headers = {"X-CSRFToken": client.cookies["csrftoken"].value}
    assert api.post(url(world, "/plan/outcomes"), outcome(plan)).status_code == 201


def test_a_token_needs_no_csrf(world: World, plan: Plan, token_for) -> None:
    client = Client(enforce_csrf_checks=True)
    assert Api(client, token_for("alex")).post(url(world, "/plan/outcomes"), outcome(plan)).status_code == 201
