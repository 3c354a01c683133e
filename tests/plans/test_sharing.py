import re
from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.plans import services
from livingplan.plans.models import Plan, SharingChoice
from livingplan.plans.sections import ALL_GROUPS, DEFAULT_FOR_CARE_TEAM, DEFAULT_FOR_CIRCLE, SharingGroup
from livingplan.plans.sharing import groups_visible_to
from tests.personas import World


def test_the_person_sees_every_part_of_their_plan(world: World, plan: Plan) -> None:
    assert groups_visible_to(world.alex, world.alex_record) == ALL_GROUPS


def test_the_circle_by_default_sees_the_person_facing_parts_only(world: World, plan: Plan) -> None:
    groups = groups_visible_to(world.sam, world.alex_record)
    assert SharingGroup.OUTCOMES in groups
    assert SharingGroup.ABOUT_ME in groups
    assert SharingGroup.RISKS not in groups
    assert SharingGroup.CRISIS not in groups
    assert SharingGroup.BUDGET not in groups


def test_the_care_team_sees_the_crisis_plan_by_default(world: World, plan: Plan) -> None:
    assert SharingGroup.CRISIS in groups_visible_to(world.dr_jones, world.alex_record)


def test_the_person_can_share_the_crisis_plan_with_sam_but_not_the_budget(world: World, plan: Plan) -> None:
    sam_row = world.alex_record.circle.get(user=world.sam)
    services.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.CRISIS, is_shared=True, circle_member=sam_row
    )
    services.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.BUDGET, is_shared=False, circle_member=sam_row
    )
    groups = groups_visible_to(world.sam, world.alex_record)
    assert SharingGroup.CRISIS in groups
    assert SharingGroup.BUDGET not in groups


def test_the_person_can_hide_a_part_from_an_organisation(world: World, plan: Plan) -> None:
    services.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.RISKS, is_shared=False, organisation=world.gp_practice
    )
    assert SharingGroup.RISKS not in groups_visible_to(world.dr_jones, world.alex_record)
    assert SharingGroup.RISKS in groups_visible_to(world.priya, world.alex_record)


def test_a_sharing_page_is_saved_whole_or_not_at_all(world: World, plan: Plan) -> None:
    """Sam's choice and Riverside's go together: a failure on the second leaves Sam's unsaved too."""
    sam_row = world.alex_record.circle.get(user=world.sam)
    crisis_for_sam = services.AudienceChoice({SharingGroup.CRISIS: True}, circle_member=sam_row)
    nobody = services.AudienceChoice({SharingGroup.RISKS: False})  # no audience named: refused
    with pytest.raises(ValueError, match="either a circle member or an organisation"):
        services.save_sharing_choices(world.alex_record, by=world.alex, choices=[crisis_for_sam, nobody])
    assert not SharingChoice.objects.filter(person=world.alex_record).exists()
    assert SharingGroup.CRISIS not in groups_visible_to(world.sam, world.alex_record)


def test_the_sharing_page_saves_every_changed_audience_and_leaves_the_others_on_their_defaults(
    world: World, plan: Plan, client_for: Callable[[str], Client]
) -> None:
    sam_row = world.alex_record.circle.get(user=world.sam)
    page = client_for("alex").get(f"/people/{world.alex_record.pk}/sharing/").content.decode()
    keys = set(re.findall(r'name="((?:circle|org)_\d+)"', page))
    sam_key, gp_key = f"circle_{sam_row.pk}", f"org_{world.gp_practice.pk}"
    assert {sam_key, gp_key} <= keys
    form = {key: sorted(DEFAULT_FOR_CIRCLE if key.startswith("circle_") else DEFAULT_FOR_CARE_TEAM) for key in keys}
    form[sam_key] = [*form[sam_key], SharingGroup.CRISIS]
    form[gp_key] = [g for g in form[gp_key] if g != SharingGroup.RISKS]
    response = client_for("alex").post(f"/people/{world.alex_record.pk}/sharing/", form)
    assert response.status_code == 302
    assert SharingGroup.CRISIS in groups_visible_to(world.sam, world.alex_record)
    assert SharingGroup.RISKS not in groups_visible_to(world.dr_jones, world.alex_record)
    saved = SharingChoice.objects.filter(person=world.alex_record)
    saved_for = {(c.circle_member_id, c.organisation_id) for c in saved}
    assert saved_for == {(sam_row.pk, None), (None, world.gp_practice.pk)}, "only the two audiences that changed"
