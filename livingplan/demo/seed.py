"""The demo world: two councils, a GP practice, a care provider, a community organisation,
the named personas the issues rely on, and 40 synthetic people. Every name is invented.

Idempotent: run it again and it only resets the demo passwords.
"""

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction

from livingplan.accounts.models import Membership, Organisation, OrganisationKind, Role, Team, User
from livingplan.demo.alex_plan import seed_alex_plan
from livingplan.demo.appointments import seed_appointments
from livingplan.demo.audit import seeding
from livingplan.demo.budgets import seed_budgets
from livingplan.demo.budgets_waiting import seed_waiting_budgets
from livingplan.demo.community import seed_community
from livingplan.demo.conversations import seed_alex_preparation
from livingplan.demo.journeys import seed_planning_journey
from livingplan.demo.reviews import seed_reviews
from livingplan.demo.selfassessment import seed_selfassessment
from livingplan.people import services as people
from livingplan.people.models import Person

COUNCIL_A = "Northbridge Council"
COUNCIL_B = "Southmere Council"
GP_PRACTICE = "Riverside Medical Practice"
CARE_PROVIDER = "Brightwell Home Care"
COMMUNITY = "Oakfield Community Hub"

ORGANISATIONS = [
    (COUNCIL_A, OrganisationKind.COUNCIL, "Adult Social Care North"),
    (COUNCIL_B, OrganisationKind.COUNCIL, "Adult Social Care South"),
    (GP_PRACTICE, OrganisationKind.NHS_BODY, "Practice clinical team"),
    (CARE_PROVIDER, OrganisationKind.CARE_PROVIDER, "Home support"),
    (COMMUNITY, OrganisationKind.COMMUNITY, "Community connectors"),
]


@dataclass(frozen=True)
class Staff:
    username: str
    first_name: str
    last_name: str
    organisation: str
    role: str
    job_title: str


STAFF = [
    Staff("priya", "Priya", "Shah", COUNCIL_A, Role.COORDINATOR, "Social worker"),
    Staff("dr.jones", "Eleri", "Jones", GP_PRACTICE, Role.PRACTITIONER, "GP"),
    Staff("omar", "Omar", "Haddad", CARE_PROVIDER, Role.PRACTITIONER, "Support worker"),
    Staff("morgan", "Morgan", "Reilly", COUNCIL_A, Role.APPROVER, "Team manager"),
    Staff("quinn", "Quinn", "Taylor", COUNCIL_A, Role.QUALITY_LEAD, "Principal social worker"),
    Staff("casey", "Casey", "Lowe", COUNCIL_A, Role.COMMISSIONER, "Commissioning manager"),
    Staff("admin", "Ade", "Bello", COUNCIL_A, Role.ORGANISATION_ADMIN, "Systems administrator"),
    # Not named by any issue: coordinators for the synthetic caseloads.
    Staff("jordan", "Jordan", "Ellis", COUNCIL_B, Role.COORDINATOR, "Care coordinator"),
    Staff("robin", "Robin", "Price", COUNCIL_A, Role.COORDINATOR, "Community care officer"),
]

GIVEN_NAMES = [
    "Ada",
    "Bernard",
    "Carys",
    "Dev",
    "Edith",
    "Femi",
    "Gwen",
    "Harold",
    "Imran",
    "Joan",
    "Kofi",
    "Lorna",
    "Malcolm",
    "Nia",
    "Oliver",
    "Pat",
    "Rhys",
    "Shirin",
    "Tomasz",
    "Una",
]
FAMILY_NAMES = [
    "Ashby",
    "Birch",
    "Callow",
    "Dunmore",
    "Elford",
    "Fenwick",
    "Garrow",
    "Hollins",
    "Ives",
    "Kettle",
    "Lister",
    "Marlow",
    "Nettle",
    "Orwin",
    "Penrose",
    "Quarry",
    "Rushton",
    "Stannard",
    "Thorne",
    "Underhill",
]
CARE_ROLES = [
    "District nurse",
    "Occupational therapist",
    "Community mental health nurse",
    "Physiotherapist",
    "Learning disability nurse",
    "Pharmacist",
    "Dementia adviser",
    "Support worker",
]


@dataclass
class SeedResult:
    created_users: int
    created_people: int


def _organisations() -> dict[str, Organisation]:
    orgs = {}
    for name, kind, team_name in ORGANISATIONS:
        org, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
        Team.objects.get_or_create(organisation=org, name=team_name)
        orgs[name] = org
    return orgs


def _user(username: str, first: str, last: str, password: str) -> tuple[User, bool]:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username.replace('.', '')}@example.org"},
    )
    user.set_password(password)
    user.save(update_fields=["password"])
    return user, created


@transaction.atomic
def seed_demo(*, password: str) -> SeedResult:
    orgs = _organisations()
    created_users = 0
    staff: dict[str, User] = {}
    for member in STAFF:
        user, created = _user(member.username, member.first_name, member.last_name, password)
        created_users += created
        org = orgs[member.organisation]
        Membership.objects.get_or_create(
            user=user,
            organisation=org,
            role=member.role,
            defaults={"team": org.teams.first(), "job_title": member.job_title},
        )
        staff[member.username] = user
    alex_user, created = _user("alex", "Alex", "Carter", password)
    created_users += created
    sam_user, created = _user("sam", "Sam", "Carter", password)
    created_users += created
    jo_user, created = _user("jo", "Jo", "Green", password)  # new to planning (issue 12)
    created_users += created

    if Person.objects.filter(user=alex_user).exists():
        return SeedResult(created_users=created_users, created_people=0)

    priya = staff["priya"]
    alex = people.register_person(
        by=priya,
        audit=seeding(priya),
        given_name="Alex",
        family_name="Carter",
        preferred_name="Alex",
        date_of_birth=dt.date(1951, 6, 14),
        lead_organisation=orgs[COUNCIL_A],
        user=alex_user,
    )
    for org in (orgs[COUNCIL_A], orgs[GP_PRACTICE]):
        people.set_sharing_consent(alex, by=alex_user, audit=seeding(alex_user), organisation=org, give=True)
    people.add_care_team_member(
        alex,
        by=priya,
        audit=seeding(priya),
        user=priya,
        organisation=orgs[COUNCIL_A],
        role_description="Social worker",
        is_coordinator=True,
    )
    people.add_care_team_member(
        alex,
        by=priya,
        audit=seeding(priya),
        user=staff["dr.jones"],
        organisation=orgs[GP_PRACTICE],
        role_description="GP",
    )
    _invite_sam(alex, alex_user=alex_user, sam_user=sam_user, password=password)
    people.add_circle_member(
        alex, by=alex_user, audit=seeding(alex_user), name="Bev Okoro", relationship="Neighbour", phone="07700 900123"
    )
    seed_alex_plan(
        alex, alex_user=alex_user, priya=priya, dr_jones=staff["dr.jones"], sam=sam_user, gp_practice=orgs[GP_PRACTICE]
    )
    seed_community(admin=staff["admin"], priya=priya, alex=alex)
    seed_alex_preparation(alex, alex_user=alex_user)
    seed_appointments(alex, alex_user=alex_user, priya=priya)
    seed_reviews(alex, priya=priya, dr_jones=staff["dr.jones"], sam=sam_user)
    seed_budgets(alex, priya=priya, morgan=staff["morgan"], council=orgs[COUNCIL_A])
    seed_waiting_budgets(council=orgs[COUNCIL_A], priya=priya, morgan=staff["morgan"])
    seed_selfassessment(council=orgs[COUNCIL_A], admin=staff["admin"], priya=priya, alex=alex_user, sam=sam_user)

    created_people = (
        1
        + _synthetic_people(orgs, staff)
        + seed_planning_journey(council=orgs[COUNCIL_A], gp_practice=orgs[GP_PRACTICE], staff=staff, jo_user=jo_user)
    )
    return SeedResult(created_users=created_users, created_people=created_people)


def _invite_sam(alex: Person, *, alex_user: User, sam_user: User, password: str) -> None:
    """Alex invites Sam through the real verb, so the invitation is a queued message (issue 11), and
    Sam accepts it with the demo password: his sign-in is the persona `sam`."""
    sam_row = people.add_circle_member(
        alex,
        by=alex_user,
        audit=seeding(alex_user),
        name="Sam Carter",
        relationship="Daughter",
        user=sam_user,
        is_carer=True,
        email="sam@example.org",
    )
    sam_user.set_unusable_password()  # an invitation is for someone who cannot sign in yet
    sam_user.save(update_fields=["password"])
    token = people.invite_circle_member(sam_row, by=alex_user, audit=seeding(alex_user))
    invitation = people.open_invitation(token, audit=seeding(sam_user))
    assert invitation is not None  # just made, so it opens
    people.accept_invitation(invitation.pk, password=password, audit=seeding(sam_user))


def _synthetic_people(orgs: dict[str, Organisation], staff: dict[str, User]) -> int:
    """40 invented people over both councils, with varied care teams and consent choices."""
    rng = random.Random(2026)  # noqa: S311 - fixed seed: the same demo on every machine, not security
    for index in range(40):
        in_council_a = index < 25
        council = orgs[COUNCIL_A] if in_council_a else orgs[COUNCIL_B]
        coordinator = staff["priya" if index % 3 == 0 else "robin"] if in_council_a else staff["jordan"]
        person = people.register_person(
            by=coordinator,
            audit=seeding(coordinator),
            given_name=GIVEN_NAMES[index % 20],
            # The second twenty shift by one family name, so no two demo people share a name.
            family_name=FAMILY_NAMES[(index * 7 + index // 20) % 20],
            date_of_birth=dt.date(1930 + rng.randrange(0, 75), rng.randrange(1, 13), rng.randrange(1, 29)),
            lead_organisation=council,
        )
        people.set_sharing_consent(person, by=coordinator, audit=seeding(coordinator), organisation=council, give=True)
        people.add_care_team_member(
            person,
            by=coordinator,
            audit=seeding(coordinator),
            user=coordinator,
            organisation=council,
            role_description="Coordinator",
            is_coordinator=True,
        )
        if index % 2 == 0:
            # Most agree to share with their GP; a few have not, so the GP sees fewer people.
            if index % 10 != 0:
                people.set_sharing_consent(
                    person, by=coordinator, audit=seeding(coordinator), organisation=orgs[GP_PRACTICE], give=True
                )
            people.add_care_team_member(
                person,
                by=coordinator,
                audit=seeding(coordinator),
                user=staff["dr.jones"],
                organisation=orgs[GP_PRACTICE],
                role_description="GP",
            )
        if index % 3 == 1:
            people.set_sharing_consent(
                person, by=coordinator, audit=seeding(coordinator), organisation=orgs[CARE_PROVIDER], give=True
            )
            people.add_care_team_member(
                person,
                by=coordinator,
                audit=seeding(coordinator),
                user=staff["omar"],
                organisation=orgs[CARE_PROVIDER],
                role_description=CARE_ROLES[index % len(CARE_ROLES)],
            )
    return 40
