"""The planning journey in the demo (issue 12): Priya starts planning with Jo Green, who is new.

Jo signs in as the persona `jo` and sees on her home what will happen and when. She accepted
Priya's suggestion of Priya as her coordinator; Priya has begun part 1 of the preparation; Dr Jones
has recorded a blood test result and that she explained it to Jo. Everything goes through the
service verbs, in each persona's own name, so the demo holds nothing the service would refuse.
"""

import datetime as dt

from django.utils import timezone

from livingplan.accounts.models import Organisation, User
from livingplan.demo.audit import seeding
from livingplan.journeys import services as journeys
from livingplan.people import services as people
from livingplan.people.models import CareTeamMember

WEEKS_TO_THE_CONVERSATION = 4


def seed_planning_journey(
    *, council: Organisation, gp_practice: Organisation, staff: dict[str, User], jo_user: User
) -> int:
    """Jo's journey so far; returns the number of people it registered (1)."""
    priya, dr_jones = staff["priya"], staff["dr.jones"]
    jo = people.register_person(
        by=priya,
        audit=seeding(priya),
        given_name="Jo",
        family_name="Green",
        date_of_birth=dt.date(1968, 2, 9),
        lead_organisation=council,
        user=jo_user,
    )
    for organisation in (council, gp_practice):
        people.set_sharing_consent(jo, by=jo_user, audit=seeding(jo_user), organisation=organisation, give=True)
    people.add_care_team_member(
        jo, by=priya, audit=seeding(priya), user=priya, organisation=council, role_description="Social worker"
    )
    people.add_care_team_member(
        jo, by=priya, audit=seeding(priya), user=dr_jones, organisation=gp_practice, role_description="GP"
    )
    people.set_communication_needs(jo, by=jo_user, audit=seeding(jo_user), preferred_channel="EMAIL")
    people.update_person_details(jo, by=jo_user, audit=seeding(jo_user), email="jo@example.org")
    priya_on_team = CareTeamMember.objects.get(person=jo, user=priya)
    people.suggest_coordinator(jo, by=priya, audit=seeding(priya), member=priya_on_team)
    people.choose_coordinator(jo, by=jo_user, audit=seeding(jo_user), member=priya_on_team)

    today = timezone.localdate()
    journeys.start_planning(
        jo, by=priya, audit=seeding(priya), conversation_by=today + dt.timedelta(weeks=WEEKS_TO_THE_CONVERSATION)
    )
    journeys.answer_checklist(
        jo,
        by=priya,
        audit=seeding(priya),
        answers={"TOLD_WHAT_HAPPENS": "YES", "INFORMATION": "YES", "ADVOCATE": "NO", "INTERPRETER": "NO"},
    )
    blood_test = journeys.add_result(
        jo,
        by=dr_jones,
        audit=seeding(dr_jones),
        name="Blood test",
        result="HbA1c 52 mmol/mol: a little above the target agreed with Jo",
        taken_on=today - dt.timedelta(days=7),
    )
    journeys.mark_result_explained(blood_test, by=dr_jones, audit=seeding(dr_jones), explained_on=today)
    return 1
