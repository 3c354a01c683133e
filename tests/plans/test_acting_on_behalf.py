"""Who may agree the plan and change sharing: capacity is assumed and judged decision by decision.

Alex is the person; Sam (Alex's daughter, in the circle) is the usual attorney; Priya, the
coordinator, records capacity assessments.
"""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from livingplan.core.models import AuditEvent
from livingplan.people import services as people
from livingplan.people.models import CapacityOutcome, DecisionKind, LegalAuthority, Person
from livingplan.plans import rules, services
from livingplan.plans.models import AgreedAs, Plan, PlanStatus, PlanVersion
from livingplan.plans.sections import SharingGroup
from tests.capacity import (
    add_to_alexs_circle,
    alex_is_assessed,
    give_authority,
    sam_is_alexs_attorney_and_alex_cannot_agree,
)
from tests.personas import World

WISHES = "Alex said at home that walking to the shop matters most; I kept that outcome as Alex put it."


def _fresh(world: World) -> Person:
    return Person.objects.get(pk=world.alex_record.pk)


# The rule -------------------------------------------------------------------------------------


def test_with_capacity_assumed_only_alex_agrees_even_with_an_attorney_on_record(world: World) -> None:
    give_authority(world)
    alex = _fresh(world)
    assert rules.can_agree(world.alex, alex)
    assert not rules.can_agree(world.sam, alex)
    assert not rules.can_agree(world.priya, alex)
    assert rules.can_change_sharing(world.alex, alex)
    assert not rules.can_change_sharing(world.sam, alex)


def test_assessed_as_having_capacity_alex_still_agrees(world: World) -> None:
    give_authority(world)
    alex_is_assessed(world, lacks=False)
    assert rules.can_agree(world.alex, _fresh(world))
    assert not rules.can_agree(world.sam, _fresh(world))


def test_assessed_as_lacking_capacity_to_agree_the_attorney_agrees_and_alex_does_not(world: World) -> None:
    sam_is_alexs_attorney_and_alex_cannot_agree(world)
    alex = _fresh(world)
    assert rules.can_agree(world.sam, alex)
    assert not rules.can_agree(world.alex, alex)
    assert not rules.can_agree(world.priya, alex)
    assert not rules.can_agree(world.omar, alex)


@pytest.mark.parametrize(
    "kind", [LegalAuthority.Kind.LPA_PROPERTY_FINANCE, LegalAuthority.Kind.DEPUTY_PROPERTY_FINANCE]
)
def test_an_attorney_or_deputy_for_property_and_finance_cannot_agree_the_plan(world: World, kind: str) -> None:
    give_authority(world, kind=kind)
    alex_is_assessed(world)
    assert not rules.can_agree(world.sam, _fresh(world))
    assert not rules.can_change_sharing(world.sam, _fresh(world))


def test_a_circle_member_without_authority_cannot_agree_for_alex(world: World) -> None:
    sam_is_alexs_attorney_and_alex_cannot_agree(world)
    jo = add_to_alexs_circle(world, "jo", "Jo", "Carter", "Son")
    assert not rules.can_agree(jo, _fresh(world))
    assert not rules.can_change_sharing(jo, _fresh(world))


def test_an_attorney_record_not_linked_to_a_sign_in_lets_nobody_agree(world: World) -> None:
    from livingplan.people import services as people

    people.add_legal_authority(
        world.alex_record, by=world.priya, kind=LegalAuthority.Kind.LPA_HEALTH_WELFARE, name="Sam Carter"
    )
    alex_is_assessed(world)
    alex = _fresh(world)
    assert not any(rules.can_agree(user, alex) for user in world.users())


def test_a_lasting_power_of_attorney_counts_only_once_registered_but_a_deputy_needs_no_registration(
    world: World,
) -> None:
    give_authority(world, registered_on=None)
    alex_is_assessed(world)
    assert not rules.can_agree(world.sam, _fresh(world))
    give_authority(world, kind=LegalAuthority.Kind.DEPUTY_WELFARE, registered_on=None)
    assert rules.can_agree(world.sam, _fresh(world))


def test_capacity_is_decision_specific_lacking_it_to_agree_leaves_sharing_with_alex(world: World) -> None:
    sam_is_alexs_attorney_and_alex_cannot_agree(world)
    alex = _fresh(world)
    assert rules.can_change_sharing(world.alex, alex)
    assert not rules.can_change_sharing(world.sam, alex)

    alex_is_assessed(world, DecisionKind.SHARING)
    alex = _fresh(world)
    assert rules.can_change_sharing(world.sam, alex)
    assert not rules.can_change_sharing(world.alex, alex)


def test_an_assessment_about_another_decision_changes_nothing_here(world: World) -> None:
    give_authority(world)
    alex_is_assessed(world, DecisionKind.OTHER)
    assert rules.can_agree(world.alex, _fresh(world))
    assert not rules.can_agree(world.sam, _fresh(world))


def test_the_latest_assessment_for_the_decision_decides(world: World) -> None:
    sam_is_alexs_attorney_and_alex_cannot_agree(world)  # lacking, on 12 January 2026
    alex_is_assessed(world, lacks=False, on=dt.date(2026, 3, 2))  # regained it
    assert rules.can_agree(world.alex, _fresh(world))
    assert not rules.can_agree(world.sam, _fresh(world))
    alex_is_assessed(world, lacks=True, on=dt.date(2025, 6, 1))  # an older one, recorded late
    assert rules.can_agree(world.alex, _fresh(world))


def test_the_standing_costs_one_query_per_person_and_user_and_a_service_asks_afresh(
    world: World, django_assert_num_queries
) -> None:
    sam_is_alexs_attorney_and_alex_cannot_agree(world)
    alex = _fresh(world)
    with django_assert_num_queries(1):
        assert rules.can_agree(world.sam, alex)
        assert not rules.can_change_sharing(world.sam, alex)
    # Asked about someone else, the facts are read again for them.
    with django_assert_num_queries(1):
        assert not rules.can_agree(world.alex, alex)
    # A write decides on what is true now, not on what the page read earlier in the request.
    people.record_capacity_assessment(
        world.alex_record,
        by=world.priya,
        decision_kind=DecisionKind.AGREE_PLAN,
        decision="Whether to agree the care and support plan",
        outcome=CapacityOutcome.HAS_CAPACITY,
        assessed_on=dt.date(2026, 3, 1),
    )
    assert rules.can_agree(world.sam, alex), "read earlier in this request"
    assert not rules.agreement_standing(world.sam, alex, fresh=True).may_decide


# Agreeing -------------------------------------------------------------------------------------


def test_sam_agrees_on_alexs_behalf_and_the_version_and_audit_say_so(world: World, plan: Plan) -> None:
    authority = sam_is_alexs_attorney_and_alex_cannot_agree(world)
    services.propose_plan(plan, by=world.priya)

    version = services.agree_plan(plan, by=world.sam, best_interests_note=f"  {WISHES}  ")

    assert version.agreed_by == world.sam
    assert version.agreed_as == AgreedAs.ATTORNEY
    assert version.is_agreed_on_behalf
    assert version.acting_authority == authority
    assert version.best_interests_note == WISHES
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE  # in force at once: no second step
    event = AuditEvent.objects.get(action="plans.plan.agreed", actor=world.sam)
    assert event.detail == {
        "version": 1,
        "on_behalf": True,
        "agreed_as": "attorney for health and welfare",
        "authority": authority.pk,
    }


def test_a_deputy_agrees_as_a_deputy(world: World, plan: Plan) -> None:
    give_authority(world, kind=LegalAuthority.Kind.DEPUTY_WELFARE)
    alex_is_assessed(world)
    services.propose_plan(plan, by=world.priya)
    version = services.agree_plan(plan, by=world.sam, best_interests_note=WISHES)
    assert version.agreed_as == AgreedAs.DEPUTY


def test_alex_agreeing_is_recorded_as_the_person_with_no_note(world: World, plan: Plan) -> None:
    give_authority(world)
    services.propose_plan(plan, by=world.priya)
    version = services.agree_plan(plan, by=world.alex, best_interests_note="ignored: Alex decides for themself")
    assert (version.agreed_as, version.acting_authority, version.best_interests_note) == (AgreedAs.PERSON, None, "")
    assert not version.is_agreed_on_behalf
    assert "on_behalf" not in AuditEvent.objects.get(action="plans.plan.agreed").detail


def test_without_a_best_interests_note_nothing_is_agreed_or_saved(world: World, plan: Plan) -> None:
    sam_is_alexs_attorney_and_alex_cannot_agree(world)
    services.propose_plan(plan, by=world.priya)
    plan.refresh_from_db()
    revision = plan.revision

    with pytest.raises(ValidationError) as error:
        services.agree_plan(plan, by=world.sam, expected_revision=revision, best_interests_note="   ")

    assert error.value.message_dict == {"best_interests_note": [services.BEST_INTERESTS_REQUIRED]}
    plan.refresh_from_db()
    assert (plan.status, plan.revision) == (PlanStatus.PROPOSED, revision)
    assert not plan.versions.exists()
    assert not AuditEvent.objects.filter(action="plans.plan.agreed").exists()


def test_alex_cannot_agree_once_assessed_as_lacking_capacity_to(world: World, plan: Plan) -> None:
    sam_is_alexs_attorney_and_alex_cannot_agree(world)
    services.propose_plan(plan, by=world.priya)
    with pytest.raises(PermissionDenied):
        services.agree_plan(plan, by=world.alex)
    with pytest.raises(PermissionDenied):
        services.agree_plan(plan, by=world.priya, best_interests_note=WISHES)
    assert not plan.versions.exists()


def test_the_database_refuses_a_version_on_behalf_without_authority_or_note(world: World, plan: Plan) -> None:
    authority = sam_is_alexs_attorney_and_alex_cannot_agree(world)
    common: dict[str, Any] = {"person_id": plan.person_id, "plan": plan, "agreed_by": world.sam, "snapshot": {}}
    wrongs: list[dict[str, Any]] = [
        {"agreed_as": AgreedAs.ATTORNEY, "acting_authority": authority, "best_interests_note": ""},
        {"agreed_as": AgreedAs.ATTORNEY, "acting_authority": None, "best_interests_note": WISHES},
        {"agreed_as": AgreedAs.PERSON, "acting_authority": authority, "best_interests_note": ""},
    ]
    for number, wrong in enumerate(wrongs, start=1):
        with pytest.raises(IntegrityError), transaction.atomic():
            PlanVersion.objects.create(number=number, **common, **wrong)


# Sharing --------------------------------------------------------------------------------------


def test_sharing_choices_made_by_the_attorney_are_audited_as_made_on_alexs_behalf(world: World) -> None:
    give_authority(world)
    alex_is_assessed(world, DecisionKind.SHARING)
    with pytest.raises(PermissionDenied):
        services.set_sharing(
            world.alex_record, by=world.alex, group=SharingGroup.RISKS, is_shared=True, organisation=world.council_a
        )
    services.set_sharing(
        world.alex_record, by=world.sam, group=SharingGroup.BUDGET, is_shared=False, organisation=world.gp_practice
    )
    event = AuditEvent.objects.get(action="plans.sharing.changed")
    assert event.actor == world.sam
    assert event.detail["on_behalf"] is True
    assert event.detail["acting_as"] == "attorney for health and welfare"


def test_sharing_choices_made_by_alex_are_not_marked_as_on_behalf(world: World) -> None:
    services.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.BUDGET, is_shared=False, organisation=world.gp_practice
    )
    assert "on_behalf" not in AuditEvent.objects.get(action="plans.sharing.changed").detail
