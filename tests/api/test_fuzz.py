"""The OpenAPI schema is valid and the API keeps to it on generated input (ADR-052).

Schemathesis reads our schema from the Django app in process (WSGI, no network) and generates
requests for every operation, as three callers with their own tokens: Alex's coordinator, Alex
himself and an outsider. Valid input (with Alex's id in the path, so the routes do real work)
and invalid input both. Whatever comes back must not be a 5xx and must be what the schema says:
a documented status, the documented content type, a body of the documented shape. Bounded and
derandomised, so CI runs the same examples every time in well under a minute.
"""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err, Ok
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from livingplan.config.wsgi import application
from livingplan.plans.models import Plan
from tests.personas import World

EXAMPLES = 4  # per operation, per kind of input, per caller
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
PERSONAS = ["priya", "alex", "omar"]  # the coordinator, the person, an outsider
BOUNDED = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _run(operation: Any, mode: GenerationMode, headers: dict[str, str], fixed: dict[str, Any]) -> None:
    @BOUNDED
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=fixed or None))
    def check(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()


@pytest.fixture
def in_the_tests_transaction() -> Iterator[None]:
    """Requests through WSGI keep the test's database connection, as Django's test client does:
    Django closes it after every request otherwise, and the test's transaction with it (PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@override_settings(LIVINGPLAN_API_RATE_LIMIT=100_000)
@pytest.mark.parametrize("username", PERSONAS)
def test_no_operation_fails_or_breaks_its_schema(
    world: World, plan: Plan, token_for: Callable[..., str], username: str, in_the_tests_transaction: None
) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    headers = {"Authorization": f"Bearer {token_for(username)}"}
    results = list(schema.get_all_operations())
    assert [r.err() for r in results if isinstance(r, Err)] == []  # every operation's schema is valid
    operations = [r.ok() for r in results if isinstance(r, Ok)]
    assert len(operations) >= 20
    for operation in operations:
        has_id = any(p.name == "id" for p in operation.path_parameters)
        _run(operation, GenerationMode.POSITIVE, headers, {"id": world.alex_record.pk} if has_id else {})
        _run(operation, GenerationMode.NEGATIVE, headers, {})
