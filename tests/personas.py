"""The test world: the same personas as the demo, built through the same services.

Each persona is a real user who signs in; `world.omar` works for a care provider and is
NOT on Alex's care team, so he must never see Alex.
"""

import datetime as dt
from dataclasses import dataclass

from livingplan.accounts.models import Membership, Organisation, OrganisationKind, Role, User
from livingplan.people import services as people
from livingplan.people.models import Person

PASSWORD = "correct-horse-battery"  # noqa: S105 - test-only


@dataclass
class World:
    council_a: Organisation
    council_b: Organisation
    gp_practice: Organisation
    care_provider: Organisation
    community: Organisation
    alex: User
    sam: User
    priya: User
    dr_jones: User
    omar: User
    morgan: User
    quinn: User
    casey: User
    admin: User
    alex_record: Person

    def persona(self, username: str) -> User:
        return {u.username: u for u in self.users()}[username]

    def users(self) -> list[User]:
        return [self.alex, self.sam, self.priya, self.dr_jones, self.omar, self.morgan, self.quinn, self.casey, self.admin]


def make_user(username: str, first: str, last: str) -> User:
    return User.objects.create_user(
        username=username, password=PASSWORD, first_name=first, last_name=last,
        email=f"{username.replace('.', '')}@example.org",
    )


def make_staff(username: str, first: str, last: str, organisation: Organisation, role: str) -> User:
    user = make_user(username, first, last)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def build_world() -> World:
    org = Organisation.objects.create
    council_a = org(name="Northbridge Council", kind=OrganisationKind.COUNCIL)
    council_b = org(name="Southmere Council", kind=OrganisationKind.COUNCIL)
    gp_practice = org(name="Riverside Medical Practice", kind=OrganisationKind.NHS_BODY)
    care_provider = org(name="Brightwell Home Care", kind=OrganisationKind.CARE_PROVIDER)
    community = org(name="Oakfield Community Hub", kind=OrganisationKind.COMMUNITY)

    priya = make_staff("priya", "Priya", "Shah", council_a, Role.COORDINATOR)
    dr_jones = make_staff("dr.jones", "Eleri", "Jones", gp_practice, Role.PRACTITIONER)
    omar = make_staff("omar", "Omar", "Haddad", care_provider, Role.PRACTITIONER)
    morgan = make_staff("morgan", "Morgan", "Reilly", council_a, Role.APPROVER)
    quinn = make_staff("quinn", "Quinn", "Taylor", council_a, Role.QUALITY_LEAD)
    casey = make_staff("casey", "Casey", "Lowe", council_a, Role.COMMISSIONER)
    admin = make_staff("admin", "Ade", "Bello", council_a, Role.ORGANISATION_ADMIN)
    alex = make_user("alex", "Alex", "Carter")
    sam = make_user("sam", "Sam", "Carter")

    record = people.register_person(
        by=priya, given_name="Alex", family_name="Carter", date_of_birth=dt.date(1951, 6, 14),
        lead_organisation=council_a, user=alex,
    )
    people.give_sharing_consent(record, by=alex, organisation=council_a)
    people.give_sharing_consent(record, by=alex, organisation=gp_practice)
    people.add_care_team_member(record, by=priya, user=priya, organisation=council_a, is_coordinator=True)
    people.add_care_team_member(record, by=priya, user=dr_jones, organisation=gp_practice, role_description="GP")
    people.add_circle_member(record, by=alex, name="Sam Carter", relationship="Daughter", user=sam, has_access=True)
    return World(
        council_a=council_a, council_b=council_b, gp_practice=gp_practice, care_provider=care_provider,
        community=community, alex=alex, sam=sam, priya=priya, dr_jones=dr_jones, omar=omar, morgan=morgan,
        quinn=quinn, casey=casey, admin=admin, alex_record=record,
    )
