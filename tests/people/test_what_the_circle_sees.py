"""What the circle sees of the record (issue 9, ADR-023): name and contact, and the rest only once shared.

Sam (Alex's daughter, in his circle with access) is told on the sharing page that he sees Alex's
profile, what matters, outcomes and the review date. His personal details (date of birth, NHS
number, address, GP) and decisions about his capacity are Alex's to share, like a part of the plan.
"""

import datetime as dt
import json
import re

import pytest
from django.test import Client

from livingplan.documents.presenters import load_subject_access, record_json
from livingplan.people import services as people
from livingplan.people.models import CircleMember
from livingplan.plans import services as plans
from livingplan.plans.models import Plan, PlanStatus
from livingplan.plans.sections import DEFAULT_FOR_CIRCLE, SharingGroup
from tests.api.helpers import Api, url
from tests.capacity import alex_is_assessed
from tests.personas import World

NHS_NUMBER = "9434765919"
SHOWN_ONLY_IF_SHARED = (
    "943 476 5919",
    "14 June 1951",
    "12 Mill Lane",
    "Decisions and capacity",
    "Needs help with forms",
)


@pytest.fixture
def record(world: World) -> World:
    people.update_person_details(
        world.alex_record,
        by=world.priya,
        nhs_number=NHS_NUMBER,
        address="12 Mill Lane, Northbridge",
        postcode="NB1 2AB",
        phone="01632 960001",
    )
    alex_is_assessed(world, lacks=False)
    people.set_advocacy(world.alex_record, by=world.priya, is_needed=True, reason="Needs help with forms")
    return world


def _sam(world: World) -> CircleMember:
    return CircleMember.objects.get(person=world.alex_record, user=world.sam)


def _alex_shares(world: World, *groups: str) -> None:
    shared = plans.exactly(set(DEFAULT_FOR_CIRCLE) | set(groups))
    plans.save_sharing_choices(
        world.alex_record, by=world.alex, choices=[plans.AudienceChoice(shared, circle_member=_sam(world))]
    )


def _record_page(client: Client, world: World) -> str:
    response = client.get(f"/people/{world.alex_record.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_sam_sees_name_and_contact_but_not_nhs_number_address_or_capacity(record: World, client_for) -> None:
    page = _record_page(client_for("sam"), record)

    assert "Alex Carter" in page
    assert "01632 960001" in page
    assert "Sam Carter, Daughter" in page
    for hidden in SHOWN_ONLY_IF_SHARED:
        assert hidden not in page, hidden
    assert "has not shared the rest of their personal details with you" in page


def test_sam_sees_them_once_alex_shares_them(record: World, client_for) -> None:
    _alex_shares(record, SharingGroup.PERSONAL_DETAILS, SharingGroup.CAPACITY)

    page = _record_page(client_for("sam"), record)

    for shown in SHOWN_ONLY_IF_SHARED:
        assert shown in page, shown


def test_sharing_one_part_does_not_share_the_other(record: World, client_for) -> None:
    _alex_shares(record, SharingGroup.PERSONAL_DETAILS)

    page = _record_page(client_for("sam"), record)

    assert "943 476 5919" in page
    assert "Decisions and capacity" not in page
    assert "Needs help with forms" not in page


@pytest.mark.parametrize("persona", ["priya", "dr.jones", "alex"])
def test_alex_and_his_care_team_see_the_whole_record_as_before(record: World, client_for, persona: str) -> None:
    page = _record_page(client_for(persona), record)

    for shown in SHOWN_ONLY_IF_SHARED:
        assert shown in page, shown


def test_alex_can_hide_his_personal_details_from_an_organisation(record: World, client_for) -> None:
    plans.set_sharing(
        record.alex_record,
        by=record.alex,
        group=SharingGroup.PERSONAL_DETAILS,
        is_shared=False,
        organisation=record.gp_practice,
    )

    assert "943 476 5919" not in _record_page(client_for("dr.jones"), record)
    assert "943 476 5919" in _record_page(client_for("priya"), record)


SUB_PAGES = ("details/", "capacity/add/", "advocacy/", "attorneys/add/")


@pytest.mark.parametrize("sub_page", SUB_PAGES)
def test_record_forms_for_what_is_not_shared_do_not_exist_for_sam(record: World, client_for, sub_page: str) -> None:
    sam = client_for("sam")
    path = f"/people/{record.alex_record.pk}/{sub_page}"

    assert sam.get(path).status_code == 404
    assert sam.post(path, {"nhs_number": "", "reason": "x"}).status_code == 404
    # Once shared he may read it, but keeping the record up to date is still the care team's.
    _alex_shares(record, SharingGroup.PERSONAL_DETAILS, SharingGroup.CAPACITY)
    assert sam.get(path).status_code == 403


def test_the_api_gives_sam_no_nhs_number_or_date_of_birth_until_shared(record: World, client_for) -> None:
    sam = Api(client_for("sam"))

    body = sam.get(url(record)).json()
    assert (body["nhs_number"], body["date_of_birth"], body["personal_details_shared"]) == (None, None, False)
    assert body["full_name"] == "Alex Carter"

    _alex_shares(record, SharingGroup.PERSONAL_DETAILS)
    body = sam.get(url(record)).json()
    assert (body["nhs_number"], body["date_of_birth"]) == (NHS_NUMBER, "1951-06-14")


def test_the_api_gives_priya_the_nhs_number_as_before(record: World, client_for) -> None:
    body = Api(client_for("priya")).get(url(record)).json()

    assert (body["nhs_number"], body["date_of_birth"], body["personal_details_shared"]) == (
        NHS_NUMBER,
        "1951-06-14",
        True,
    )


def test_the_sharing_page_offers_alex_both_parts_unticked_for_sam(record: World, client_for) -> None:
    alex = client_for("alex")
    page = alex.get(f"/people/{record.alex_record.pk}/sharing/").content.decode()
    assert "My personal details (date of birth, NHS number, address, GP)" in page
    assert "Decisions about my capacity, advocacy and who can act for me" in page
    key = f"circle_{_sam(record).pk}"
    assert f'name="{key}" type="checkbox" value="PERSONAL_DETAILS" checked' not in page

    chosen = sorted(str(g) for g in DEFAULT_FOR_CIRCLE | {SharingGroup.CAPACITY})
    data: dict[str, list[str]] = {key: chosen}
    for name in _other_audiences(page, key):
        data[name] = sorted(str(g) for g in SharingGroup)
    assert alex.post(f"/people/{record.alex_record.pk}/sharing/", data).status_code == 302

    sam_page = _record_page(client_for("sam"), record)
    assert "Needs help with forms" in sam_page
    assert "943 476 5919" not in sam_page


def _other_audiences(page: str, key: str) -> set[str]:
    return {name for name in re.findall(r'name="((?:circle|org)_\d+)"', page) if name != key}


def test_the_record_export_holds_only_the_parts_it_is_given(record: World) -> None:
    person = record.alex_record
    whole = record_json(load_subject_access(person, viewer=record.alex, groups=frozenset(SharingGroup)))
    circle = record_json(load_subject_access(person, viewer=record.alex, groups=DEFAULT_FOR_CIRCLE))

    assert whole["person"]["nhs_number"] == NHS_NUMBER
    assert whole["capacity_assessments"]
    assert "nhs_number" not in circle["person"]
    assert "address" not in circle["person"]
    assert circle["capacity_assessments"] == []
    assert circle["advocacy"] is None
    assert NHS_NUMBER not in json.dumps(circle)
    assert circle["person"]["phone"] == "01632 960001"


def test_the_plan_page_tells_sam_of_no_capacity_assessment_but_still_tells_priya(world: World, client_for) -> None:
    plan = plans.start_plan(world.alex_record, by=world.priya)
    # Straight to waiting for agreement: what the plan holds does not matter here.
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.PROPOSED)
    alex_is_assessed(world, on=dt.date(2026, 1, 12))
    path = f"/people/{world.alex_record.pk}/plan/"

    assert "Alex has been assessed as not able" in client_for("priya").get(path).content.decode()
    sam_page = client_for("sam").get(path).content.decode()
    assert "assessed as not able" not in sam_page
    assert "Waiting for Alex to agree the plan" in sam_page
