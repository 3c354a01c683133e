from livingplan.plans import services
from livingplan.plans.models import Plan
from livingplan.plans.sections import ALL_GROUPS, SharingGroup
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
