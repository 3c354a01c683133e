"""`livingplan create_token USERNAME [--scope read|write|fhir ...] [--days N]` prints the token and nothing else."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from livingplan.api import tokens
from livingplan.api.models import ApiToken, TokenScope
from livingplan.plans.models import Plan
from tests.api.helpers import Api, url
from tests.personas import World


def create_token(*args: str) -> str:
    out = StringIO()
    call_command("create_token", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_it_prints_only_the_token_which_works_and_is_stored_hashed(world: World, plan: Plan) -> None:
    output = create_token("dr.jones")
    raw = output.strip()
    assert output == raw + "\n"
    assert raw.startswith("lp_")
    assert " " not in raw
    token = ApiToken.objects.get(user=world.dr_jones)
    assert token.scope_set == {TokenScope.READ}  # least privilege unless asked
    assert token.token_hash == tokens.hash_token(raw)
    assert Api(Client(), raw).get(url(world, "/plan")).status_code == 200


def test_write_scope(world: World, plan: Plan) -> None:
    raw = create_token("priya", "--scope", "write", "--name", "Council case system").strip()
    token = ApiToken.objects.get(user=world.priya)
    assert (set(token.scope_set), token.name) == ({TokenScope.WRITE.value}, "Council case system")
    body = {"expected_revision": plan.revision, "text": "From the case system"}
    assert Api(Client(), raw).post(url(world, "/plan/outcomes"), body).status_code == 201


def test_each_token_is_different(world: World) -> None:
    assert create_token("alex") != create_token("alex")


def test_an_unknown_or_inactive_user_is_an_error_and_no_token(world: World) -> None:
    with pytest.raises(CommandError):
        create_token("nobody")
    world.omar.is_active = False
    world.omar.save(update_fields=["is_active"])
    with pytest.raises(CommandError):
        create_token("omar")
    assert not ApiToken.objects.exists()


def test_an_unknown_scope_is_refused(world: World) -> None:
    with pytest.raises(CommandError):
        create_token("alex", "--scope", "admin")


def test_the_scope_can_be_given_more_than_once(world: World, plan: Plan) -> None:
    raw = create_token("dr.jones", "--scope", "read", "--scope", "fhir").strip()
    token = ApiToken.objects.get(user=world.dr_jones)
    assert token.scope_set == {TokenScope.READ, TokenScope.FHIR}
    assert Api(Client(), raw).get(url(world, "/plan")).status_code == 200


def test_the_token_expires_after_the_days_asked_and_at_most_a_year(world: World) -> None:
    create_token("alex", "--days", "30")
    token = ApiToken.objects.get(user=world.alex)
    assert (token.expires_at - token.created_at).days in {29, 30}
    with pytest.raises(CommandError):
        create_token("alex", "--days", "400")
