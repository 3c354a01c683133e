"""Factories for the rows tests need beyond the named personas.

Plain rows (organisations, users, memberships) are created directly; a `Person` and the
rows about them go through `livingplan.people.services`, the one write path the service
itself uses, so every test record is audited and validated exactly as a real one is.

    council = OrganisationFactory.create()
    coordinator = StaffFactory.create(membership__organisation=council, membership__role=Role.COORDINATOR)
    person = PersonFactory.create(lead_organisation=council, by=coordinator)
    put_on_care_team(person, coordinator, council)
"""

from typing import TYPE_CHECKING, Any

import factory
from factory.django import DjangoModelFactory

from livingplan.accounts.models import Membership, Organisation, OrganisationKind, Role, User
from livingplan.people import services as people
from livingplan.people.models import CareTeamMember, Person
from livingplan.plans import services as plans
from livingplan.plans.models import Plan
from livingplan.plans.sections import Section

if TYPE_CHECKING:
    from tests.personas import World

PASSWORD = "correct-horse-battery"  # test-only


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test Organisation {n}")
    kind = OrganisationKind.COUNCIL


class UserFactory(DjangoModelFactory[User]):
    """A user who can sign in with `PASSWORD`; no organisation (a person or their circle)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"Given{n}")
    last_name = factory.Sequence(lambda n: f"Family{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username.replace('.', '')}@example.org")
    password = factory.django.Password(PASSWORD)


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.PRACTITIONER


class StaffFactory(UserFactory):
    """A member of staff: a user with one membership (`membership__organisation=`, `membership__role=`)."""

    membership = factory.RelatedFactory(MembershipFactory, factory_related_name="user")


class PersonFactory(factory.Factory[Person]):
    """A person registered through `people.services.register_person`, as a coordinator would.

    `by` defaults to a new coordinator at the lead organisation. No consent and no care team:
    add those with `give_consent` and `put_on_care_team` so each test says what it relies on.
    """

    class Meta:
        model = Person

    given_name = factory.Sequence(lambda n: f"Person{n}")
    family_name = factory.Sequence(lambda n: f"Surname{n:03d}")
    lead_organisation = factory.SubFactory(OrganisationFactory)
    by = factory.LazyAttribute(
        lambda p: StaffFactory.create(membership__organisation=p.lead_organisation, membership__role=Role.COORDINATOR)
    )

    @classmethod
    def _create(cls, model_class: type[Person], *args: Any, **kwargs: Any) -> Person:
        return people.register_person(**kwargs)

    @classmethod
    def _build(cls, model_class: type[Person], *args: Any, **kwargs: Any) -> Person:
        kwargs.pop("by")
        return model_class(**kwargs)


def give_consent(person: Person, organisation: Organisation) -> None:
    """The person agrees to share with `organisation`, through the service's own verb: given by the
    person if they sign in, otherwise recorded for them by staff at their lead council (ADR-026)."""
    by = person.user or _someone_at(person.lead_organisation)
    people.set_sharing_consent(person, by=by, organisation=organisation, give=True)


def put_on_care_team(
    person: Person, user: User, organisation: Organisation, *, consent: bool = True, **kwargs: Any
) -> CareTeamMember:
    """Add `user` (who works for `organisation`) to the person's care team, with consent unless told not to."""
    if consent:
        give_consent(person, organisation)
    return people.add_care_team_member(
        person, by=_someone_at(person.lead_organisation), user=user, organisation=organisation, **kwargs
    )


def _someone_at(organisation: Organisation) -> User:
    membership = Membership.objects.filter(organisation=organisation).select_related("user").first()
    if membership is None:
        return StaffFactory.create(membership__organisation=organisation, membership__role=Role.COORDINATOR)
    return membership.user


def active_plan_for_alex(world: "World") -> Plan:
    """Alex's plan, written by him (what matters, one outcome) and agreed by him: active."""
    plan = plans.start_plan(world.alex_record, by=world.alex)
    plans.add_statement(plan, by=world.alex, section=Section.WHAT_MATTERS, text="My garden")
    plans.add_outcome(plan, by=world.alex, text="Walk to the shop", importance=5)
    plans.propose_plan(plan, by=world.alex)
    plans.agree_plan(plan, by=world.alex)
    plan.refresh_from_db()
    return plan
