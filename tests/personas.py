"""The test world: the same personas as the demo, built through the same services.

Each persona is a real user who signs in with `PASSWORD`; `world.omar` works for a care
provider and is NOT on Alex's care team, so he must never see Alex.
"""

import datetime as dt
from dataclasses import dataclass

from livingplan.accounts.models import Organisation, OrganisationKind, Role, User
from livingplan.people import services as people
from livingplan.people.models import Person
from livingplan.plans import services as plans
from livingplan.plans.models import Action, Layer, Outcome, Plan, Statement
from livingplan.plans.sections import Section
from tests.factories import PASSWORD, OrganisationFactory, StaffFactory, UserFactory

__all__ = ["PASSWORD", "PERSONAS", "AlexPlan", "World", "build_alex_plan", "build_world", "make_staff", "make_user"]

# Every username the issues name, in the order the demo lists them.
PERSONAS = ("alex", "sam", "priya", "dr.jones", "omar", "morgan", "quinn", "casey", "admin")


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
        return [
            self.alex,
            self.sam,
            self.priya,
            self.dr_jones,
            self.omar,
            self.morgan,
            self.quinn,
            self.casey,
            self.admin,
        ]


def make_user(username: str, first: str, last: str) -> User:
    return UserFactory.create(username=username, first_name=first, last_name=last)


def make_staff(username: str, first: str, last: str, organisation: Organisation, role: str) -> User:
    return StaffFactory.create(
        username=username,
        first_name=first,
        last_name=last,
        membership__organisation=organisation,
        membership__role=role,
    )


def build_world() -> World:
    council_a = OrganisationFactory.create(name="Northbridge Council", kind=OrganisationKind.COUNCIL)
    council_b = OrganisationFactory.create(name="Southmere Council", kind=OrganisationKind.COUNCIL)
    gp_practice = OrganisationFactory.create(name="Riverside Medical Practice", kind=OrganisationKind.NHS_BODY)
    care_provider = OrganisationFactory.create(name="Brightwell Home Care", kind=OrganisationKind.CARE_PROVIDER)
    community = OrganisationFactory.create(name="Oakfield Community Hub", kind=OrganisationKind.COMMUNITY)

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
        by=priya,
        given_name="Alex",
        family_name="Carter",
        date_of_birth=dt.date(1951, 6, 14),
        lead_organisation=council_a,
        user=alex,
    )
    people.set_sharing_consent(record, by=alex, organisation=council_a, give=True)
    people.set_sharing_consent(record, by=alex, organisation=gp_practice, give=True)
    people.add_care_team_member(record, by=priya, user=priya, organisation=council_a, is_coordinator=True)
    people.add_care_team_member(record, by=priya, user=dr_jones, organisation=gp_practice, role_description="GP")
    people.add_circle_member(record, by=alex, name="Sam Carter", relationship="Daughter", user=sam, has_access=True)
    return World(
        council_a=council_a,
        council_b=council_b,
        gp_practice=gp_practice,
        care_provider=care_provider,
        community=community,
        alex=alex,
        sam=sam,
        priya=priya,
        dr_jones=dr_jones,
        omar=omar,
        morgan=morgan,
        quinn=quinn,
        casey=casey,
        admin=admin,
        alex_record=record,
    )


@dataclass
class AlexPlan:
    """Alex's plan, agreed once (version 1) and now under review: a row of each main kind."""

    world: World
    plan: Plan
    statement: Statement
    outcome: Outcome
    action: Action


def build_alex_plan(world: World) -> AlexPlan:
    plan = plans.start_plan(world.alex_record, by=world.priya)
    statement = plans.add_statement(plan, by=world.alex, section=Section.WHAT_MATTERS, text="My garden")
    outcome = plans.add_outcome(plan, by=world.alex, text="Walk to the shops on my own")
    action = plans.add_action(
        outcome, by=world.priya, what="Try the route together", owner_name="Sam", layer=Layer.FAMILY_FRIENDS
    )
    plans.propose_plan(plan, by=world.priya)
    plans.agree_plan(plan, by=world.alex)
    plans.start_review(plan, by=world.priya)
    return AlexPlan(world=world, plan=plan, statement=statement, outcome=outcome, action=action)
