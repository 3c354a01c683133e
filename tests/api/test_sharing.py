"""Each caller sees only the groups of Alex's plan shared with them: the rest is absent, and 404
when asked for directly. The same holds for frozen versions."""

from livingplan.plans import services
from livingplan.plans.models import Plan
from livingplan.plans.sections import ABOUT_ME_SECTIONS, SharingGroup
from tests.api.helpers import url
from tests.personas import World

PLAN_PARTS = {"outcomes", "risks", "review", "linked_plans"}


def sections_in(body: dict) -> set[str]:
    return {s["group"] for s in body["sections"]}


def texts_in(body: dict) -> set[str]:
    return {st["text"] for s in body["sections"] for st in s["statements"]}


def test_sam_sees_only_the_groups_the_circle_sees_by_default(world: World, plan: Plan, api_as) -> None:
    body = api_as("sam").get(url(world, "/plan")).json()
    assert body["shared_groups"] == ["ABOUT_ME", "WHAT_MATTERS", "OUTCOMES", "REVIEW"]
    assert sections_in(body) == {"ABOUT_ME", "WHAT_MATTERS", "OUTCOMES"}
    assert PLAN_PARTS & body.keys() == {"outcomes", "review"}
    assert "risks" not in body
    assert "linked_plans" not in body
    assert "Help with the stairs" not in texts_in(body)  # needs
    assert "Do not send me to hospital at night" not in texts_in(body)  # crisis
    assert "Staying in my own home" in texts_in(body)


def test_the_care_team_and_alex_see_every_part(world: World, plan: Plan, api_as) -> None:
    for username in ("alex", "dr.jones"):
        body = api_as(username).get(url(world, "/plan")).json()
        assert body["shared_groups"] == list(SharingGroup)
        assert body.keys() >= PLAN_PARTS
        assert {"Help with the stairs", "Do not send me to hospital at night"} <= texts_in(body)
        assert body["risks"][0]["what_could_go_wrong"] == "A fall"
        assert body["review"] == {
            "next_review_on": "2027-03-01",
            "review_lead": "Priya Shah",
            "early_review_triggers": "A fall",
        }


def test_the_plan_carries_outcomes_actions_and_the_latest_progress(world: World, plan: Plan, api_as) -> None:
    body = api_as("sam").get(url(world, "/plan")).json()
    assert (body["status"], body["revision"]) == ("DRAFT", plan.revision)
    [outcome] = body["outcomes"]
    assert outcome["text"] == "Walk to the shop on my own"
    assert outcome["latest_progress"] == {"score": 5, "recorded_on": "2026-02-05", "note": "To the corner and back"}
    assert outcome["contribution"]["kind"] == "PERSON"
    assert outcome["contribution"]["in_own_words"] is True
    [action] = outcome["actions"]
    assert (action["what"], action["layer"], action["status"]) == ("Physio twice a week", "5_SPECIALIST", "NOT_STARTED")


def test_when_alex_hides_outcomes_from_sam_they_vanish_and_their_routes_are_404(
    world: World, plan: Plan, api_as
) -> None:
    sam_row = world.alex_record.circle.get(user=world.sam)
    services.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.OUTCOMES, is_shared=False, circle_member=sam_row
    )
    sam = api_as("sam")
    body = sam.get(url(world, "/plan")).json()
    assert "outcomes" not in body
    assert "OUTCOMES" not in body["shared_groups"]
    outcome, action = plan.outcomes.get(), plan.actions.get()
    assert sam.get(url(world, "/plan/outcomes")).status_code == 404
    assert sam.post(url(world, "/plan/outcomes"), {"expected_revision": plan.revision, "text": "x"}).status_code == 404
    assert (
        sam.patch(
            url(world, f"/plan/actions/{action.pk}"), {"expected_revision": plan.revision, "status": "DONE"}
        ).status_code
        == 404
    )
    progress = sam.post(
        url(world, f"/plan/outcomes/{outcome.pk}/progress"), {"expected_revision": plan.revision, "score": 1}
    )
    assert progress.status_code == 404
    assert api_as("dr.jones").get(url(world, "/plan/outcomes")).status_code == 200


def test_when_alex_hides_risks_from_the_gp_practice_dr_jones_no_longer_gets_them(
    world: World, plan: Plan, api_as
) -> None:
    services.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.RISKS, is_shared=False, organisation=world.gp_practice
    )
    assert "risks" not in api_as("dr.jones").get(url(world, "/plan")).json()
    assert "risks" in api_as("priya").get(url(world, "/plan")).json()  # the council's team still sees them


def test_about_me_is_404_when_the_profile_is_hidden(world: World, plan: Plan, api_as) -> None:
    sam_row = world.alex_record.circle.get(user=world.sam)
    assert api_as("sam").get(url(world, "/about-me")).status_code == 200
    services.set_sharing(
        world.alex_record, by=world.alex, group=SharingGroup.ABOUT_ME, is_shared=False, circle_member=sam_row
    )
    assert api_as("sam").get(url(world, "/about-me")).status_code == 404


def test_versions_are_listed_and_each_is_filtered_to_what_the_caller_may_see(
    world: World, agreed: Plan, api_as
) -> None:
    listed = api_as("sam").get(url(world, "/plan/versions")).json()
    assert [(v["number"], v["agreed_by"], v["summary_of_changes"]) for v in listed] == [
        (1, "Alex Carter", "First plan")
    ]

    sams = api_as("sam").get(url(world, "/plan/versions/1")).json()
    gps = api_as("dr.jones").get(url(world, "/plan/versions/1")).json()
    assert "risks" not in sams
    assert "linked_plans" not in sams
    assert {s["section"] for s in sams["statements"]} == {"WHAT_MATTERS", "ABOUT_PLEASE_DO"}
    assert gps["risks"][0]["risk"] == "A fall"
    assert {"NEEDS", "CRISIS_AVOID"} <= {s["section"] for s in gps["statements"]}
    assert sams["outcomes"][0]["actions"][0]["what"] == "Physio twice a week"


def test_a_version_that_does_not_exist_is_404(world: World, agreed: Plan, api_as) -> None:
    assert api_as("alex").get(url(world, "/plan/versions/2")).status_code == 404


def test_proposed_profile_text_is_shown_as_proposed_and_other_sections_only_show_accepted(
    world: World, plan: Plan, api_as
) -> None:
    body = api_as("alex").get(url(world, "/about-me")).json()
    statuses = {st["text"]: st["status"] for s in body["sections"] for st in s["statements"]}
    assert statuses == {"Ring before you visit": "ACCEPTED", "Dad loves his garden": "PROPOSED"}
    assert [s["key"] for s in body["sections"]] == [s.value for s in ABOUT_ME_SECTIONS]
