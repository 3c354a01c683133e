"""A `Viewer` may be an anonymous visitor: every rule that takes one answers them, and with no."""

import inspect
from collections.abc import Callable
from typing import Any, get_type_hints

import pytest
from django.contrib.auth.models import AnonymousUser

from livingplan.core.viewer import Viewer
from livingplan.people import capacity
from livingplan.people import rules as people_rules
from livingplan.people.models import DecisionKind
from livingplan.plans import rules as plans_rules
from livingplan.plans.sharing import groups_visible_to
from tests.personas import World


def yes_or_no_rules() -> list[Callable[..., Any]]:
    """Every predicate in a rules module that takes a Viewer, found rather than listed (each once,
    though plans.rules re-exports some of people.rules)."""
    found = {
        function
        for module in (people_rules, plans_rules)
        for _, function in inspect.getmembers(module, inspect.isfunction)
        if get_type_hints(function).get("user") == Viewer and get_type_hints(function).get("return") is bool
    }
    return sorted(found, key=lambda function: f"{function.__module__}.{function.__name__}")


RULES = yes_or_no_rules()


def test_the_rules_are_found() -> None:
    assert len(RULES) >= 10
    assert people_rules.is_the_person in RULES
    assert plans_rules.can_agree in RULES


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.__module__.split('.')[1]}.{rule.__name__}")
def test_an_anonymous_visitor_is_refused_by_every_rule(world: World, rule: Callable[..., bool]) -> None:
    assert rule(AnonymousUser(), world.alex_record) is False


def test_an_anonymous_visitor_has_no_standing_no_part_of_the_plan_and_no_step_to_take(world: World) -> None:
    anonymous, alex = AnonymousUser(), world.alex_record

    assert not capacity.standing(anonymous, alex, DecisionKind.AGREE_PLAN).may_decide
    assert groups_visible_to(anonymous, alex) == frozenset()
    assert plans_rules.lifecycle_actors(anonymous, alex) == frozenset()
    assert plans_rules.writes_in_own_voice(anonymous, alex) == (False, False)
