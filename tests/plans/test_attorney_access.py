"""An attorney or welfare deputy sees the record when the person cannot decide who sees it.

Jo is Alex's son, in the circle of support with a sign-in but without access: Alex never let
him in. When Alex is assessed as lacking capacity to decide who sees his record, Jo, as Alex's
health and welfare attorney, makes that decision for him, so he must be able to see the record
and every part of the plan. Nobody else gains anything, and it ends when Alex can decide again.
"""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.accounts.models import User
from livingplan.people import services as people
from livingplan.people.models import DecisionKind, LegalAuthority, Person
from livingplan.plans import rules
from livingplan.plans.models import Plan
from livingplan.plans.sections import ALL_GROUPS
from livingplan.plans.sharing import groups_visible_to
from tests.capacity import alex_is_assessed, give_authority
from tests.personas import World, make_user


@pytest.fixture
def jo(world: World) -> User:
    user = make_user("jo", "Jo", "Carter")
    people.add_circle_member(
        world.alex_record, by=world.alex, name="Jo Carter", relationship="Son", user=user, has_access=False
    )
    return user


def sees_alex(user: User, world: World) -> bool:
    return Person.objects.visible_to(user).filter(pk=world.alex_record.pk).exists()


def may_decide_sharing(user: User, world: World) -> bool:
    return rules.sharing_standing(user, Person.objects.get(pk=world.alex_record.pk)).may_decide


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def plan_page(client: Client, world: World) -> int:
    return client.get(f"/people/{world.alex_record.pk}/plan/").status_code


SCENARIOS: dict[str, tuple[Callable[[World, User], object], bool]] = {
    "nothing recorded": (lambda w, jo: None, False),
    "attorney, but Alex decides sharing himself": (lambda w, jo: give_authority(w, jo), False),
    "attorney, Alex assessed as able to decide sharing": (
        lambda w, jo: (give_authority(w, jo), alex_is_assessed(w, DecisionKind.SHARING, lacks=False)),
        False,
    ),
    "attorney, Alex lacks capacity only to agree the plan": (
        lambda w, jo: (give_authority(w, jo), alex_is_assessed(w, DecisionKind.AGREE_PLAN)),
        False,
    ),
    "registered health and welfare attorney, Alex lacks capacity for sharing": (
        lambda w, jo: (give_authority(w, jo), alex_is_assessed(w, DecisionKind.SHARING)),
        True,
    ),
    "welfare deputy, Alex lacks capacity for sharing": (
        lambda w, jo: (
            give_authority(w, jo, LegalAuthority.Kind.DEPUTY_WELFARE, registered_on=None),
            alex_is_assessed(w, DecisionKind.SHARING),
        ),
        True,
    ),
    "lasting power of attorney not yet registered": (
        lambda w, jo: (give_authority(w, jo, registered_on=None), alex_is_assessed(w, DecisionKind.SHARING)),
        False,
    ),
    "property and financial affairs attorney": (
        lambda w, jo: (
            give_authority(w, jo, LegalAuthority.Kind.LPA_PROPERTY_FINANCE),
            alex_is_assessed(w, DecisionKind.SHARING),
        ),
        False,
    ),
    "property and financial affairs deputy": (
        lambda w, jo: (
            give_authority(w, jo, LegalAuthority.Kind.DEPUTY_PROPERTY_FINANCE),
            alex_is_assessed(w, DecisionKind.SHARING),
        ),
        False,
    ),
    "Alex regained capacity for sharing at a later assessment": (
        lambda w, jo: (
            give_authority(w, jo),
            alex_is_assessed(w, DecisionKind.SHARING, on=dt.date(2026, 1, 12)),
            alex_is_assessed(w, DecisionKind.SHARING, lacks=False, on=dt.date(2026, 6, 1)),
        ),
        False,
    ),
}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=list(SCENARIOS))
def test_jo_sees_alex_exactly_when_he_decides_sharing_for_him(
    world: World, jo: User, plan: Plan, scenario: str
) -> None:
    record, expected = SCENARIOS[scenario]
    record(world, jo)
    assert sees_alex(jo, world) is expected
    # The visibility rule (SQL) and the decision rule (people.capacity) must never disagree.
    assert may_decide_sharing(jo, world) is expected
    assert plan_page(signed_in(jo), world) == (200 if expected else 404)
    assert sees_alex(world.omar, world) is False


def test_acting_for_alex_jo_sees_every_part_and_chooses_who_else_sees_it(world: World, jo: User, plan: Plan) -> None:
    give_authority(world, jo)
    alex_is_assessed(world, DecisionKind.SHARING)
    alex = Person.objects.get(pk=world.alex_record.pk)
    assert groups_visible_to(jo, alex) == ALL_GROUPS
    sharing = signed_in(jo).get(f"/people/{alex.pk}/sharing/")
    assert sharing.status_code == 200
    assert "Who can see Alex" in sharing.content.decode()
