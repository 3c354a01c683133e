"""Who may see a person, decided once by `visible_to`, for every model that holds personal data."""

import datetime as dt
from typing import Any, get_type_hints

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from livingplan.accounts.models import Role
from livingplan.core.models import AuditEvent
from livingplan.core.viewer import Viewer
from livingplan.people import services as people
from livingplan.people.models import CareTeamMember, CircleMember, Person, SharingConsent
from tests.factories import (
    PersonFactory,
    StaffFactory,
    UserFactory,
    give_consent,
    put_on_care_team,
)
from tests.personas import World, build_alex_plan

PERSON_MODELS: list[Any] = [Person, CareTeamMember, CircleMember, SharingConsent]
# Every model that holds personal data, from every app, including ones added after these tests.
ALL_PERSONAL_DATA_MODELS: list[Any] = [m for m in apps.get_models() if getattr(m, "holds_personal_data", False)]
ABOUT_ONE_PERSON = [m for m in ALL_PERSONAL_DATA_MODELS if "person" in {f.name for f in m._meta.get_fields()}]

# Persona -> may they see Alex's record?
SEES_ALEX = {
    "alex": True,  # the person themself
    "sam": True,  # daughter, in the circle with access
    "priya": True,  # coordinator on the care team, council A has consent
    "dr.jones": True,  # GP on the care team, the practice has consent
    "omar": False,  # care provider, not on Alex's care team
    "morgan": True,  # approver: council A leads on Alex, with consent
    "quinn": True,  # quality lead: the same
    "casey": False,  # commissioner: figures only, never a person
    "admin": False,  # organisation admin: runs the organisation, not care
}


def alex_rows(model: Any, world: World) -> QuerySet:
    if model is Person:
        return Person.objects.filter(pk=world.alex_record.pk)
    return model.objects.filter(person=world.alex_record)


def visible_alex_rows(model: Any, user: Viewer, world: World) -> QuerySet:
    if model is Person:
        return Person.objects.visible_to(user).filter(pk=world.alex_record.pk)
    return model.objects.visible_to(user).filter(person=world.alex_record)


@pytest.mark.parametrize("model", PERSON_MODELS, ids=lambda m: m.__name__)
@pytest.mark.parametrize(("username", "sees"), SEES_ALEX.items())
def test_each_persona_sees_alexs_rows_only_when_allowed(world: World, model: Any, username: str, sees: bool) -> None:
    visible = set(visible_alex_rows(model, world.persona(username), world))
    expected = set(alex_rows(model, world)) if sees else set()
    assert expected or not sees, "the world should hold at least one row of each kind about Alex"
    assert visible == expected


# Every manager in the project that offers `visible_to`, found rather than listed, so a new one is covered.
VISIBLE_TO: list[tuple[Any, str]] = [
    (model, manager.name)
    for model in apps.get_models()
    for manager in model._meta.managers
    if callable(getattr(manager, "visible_to", None))
]


@pytest.mark.parametrize(("model", "manager"), VISIBLE_TO, ids=lambda v: getattr(v, "__name__", v))
def test_an_anonymous_visitor_gets_nothing_from_any_visible_to(
    world: World, model: Any, manager: str, django_assert_num_queries
) -> None:
    """Every `visible_to` takes a `Viewer`, so an anonymous visitor is one it must answer: with nothing,
    decided before any SQL (no query at all), so whatever the tables hold."""
    rows = getattr(model, manager)
    assert get_type_hints(rows.visible_to)["viewer"] == Viewer
    with django_assert_num_queries(0):
        assert list(rows.visible_to(AnonymousUser())) == []


@pytest.mark.parametrize("model", PERSON_MODELS, ids=lambda m: m.__name__)
def test_a_switched_off_account_sees_no_rows_even_its_own_record(world: World, model: Any) -> None:
    for user in (world.alex, world.priya, world.sam):
        user.is_active = False
        user.save()
        assert not model.objects.visible_to(user).exists()


def test_withdrawing_consent_for_an_organisation_removes_its_staffs_access_and_only_theirs(world: World) -> None:
    people.set_sharing_consent(world.alex_record, by=world.alex, organisation=world.council_a, give=False)

    for username in ("priya", "morgan", "quinn"):
        assert not Person.objects.visible_to(world.persona(username)).exists(), username
        assert not CareTeamMember.objects.visible_to(world.persona(username)).exists(), username
    for username in ("alex", "sam", "dr.jones"):
        assert list(Person.objects.visible_to(world.persona(username))) == [world.alex_record], username


def test_giving_consent_again_after_withdrawing_restores_access(world: World) -> None:
    people.set_sharing_consent(world.alex_record, by=world.alex, organisation=world.gp_practice, give=False)
    assert not Person.objects.visible_to(world.dr_jones).exists()

    people.set_sharing_consent(world.alex_record, by=world.alex, organisation=world.gp_practice, give=True)
    assert list(Person.objects.visible_to(world.dr_jones)) == [world.alex_record]


def test_a_care_team_member_whose_membership_has_ended_loses_access(world: World) -> None:
    CareTeamMember.objects.filter(person=world.alex_record, user=world.dr_jones).update(ended_on=dt.date(2026, 1, 31))

    assert not Person.objects.visible_to(world.dr_jones).exists()
    assert not CareTeamMember.objects.visible_to(world.dr_jones).exists()
    assert not SharingConsent.objects.visible_to(world.dr_jones).exists()


def test_being_on_the_care_team_without_consent_for_ones_organisation_gives_no_access(world: World) -> None:
    people.add_care_team_member(world.alex_record, by=world.priya, user=world.omar, organisation=world.care_provider)

    assert not Person.objects.visible_to(world.omar).exists()


def test_consent_for_an_organisation_lets_in_only_its_staff_on_the_care_team(world: World) -> None:
    people.set_sharing_consent(world.alex_record, by=world.alex, organisation=world.care_provider, give=True)
    colleague = StaffFactory.create(membership__organisation=world.care_provider)
    assert not Person.objects.visible_to(world.omar).exists()

    people.add_care_team_member(world.alex_record, by=world.priya, user=world.omar, organisation=world.care_provider)

    assert list(Person.objects.visible_to(world.omar)) == [world.alex_record]
    assert not Person.objects.visible_to(colleague).exists()


def test_a_circle_member_without_access_sees_nothing(world: World) -> None:
    neighbour = UserFactory.create()
    people.add_circle_member(
        world.alex_record, by=world.alex, name="Bev Okoro", relationship="Neighbour", user=neighbour
    )

    for model in PERSON_MODELS:
        assert not model.objects.visible_to(neighbour).exists(), model.__name__


def test_oversight_roles_see_only_people_their_organisation_leads_on_with_its_consent(world: World) -> None:
    led_without_consent = PersonFactory.create(lead_organisation=world.council_a)
    led_elsewhere = PersonFactory.create(lead_organisation=world.council_b)
    give_consent(led_elsewhere, world.council_b)
    give_consent(led_elsewhere, world.council_a)

    for user in (world.morgan, world.quinn):
        visible = list(Person.objects.visible_to(user))
        assert visible == [world.alex_record]
        assert led_without_consent not in visible
        assert led_elsewhere not in visible, "consent to council A alone does not make council A lead"


def test_a_practitioner_sees_only_the_people_whose_care_team_they_are_on(world: World) -> None:
    mine = PersonFactory.create(lead_organisation=world.council_b)
    put_on_care_team(mine, world.omar, world.care_provider)
    PersonFactory.create(lead_organisation=world.council_b)

    assert list(Person.objects.visible_to(world.omar)) == [mine]


def test_commissioner_and_organisation_admin_see_no_person_however_many_their_council_leads_on(world: World) -> None:
    for _ in range(3):
        person = PersonFactory.create(lead_organisation=world.council_a)
        give_consent(person, world.council_a)

    for user in (world.casey, world.admin):
        for model in PERSON_MODELS:
            assert not model.objects.visible_to(user).exists(), (user.username, model.__name__)


def test_a_coordinator_on_a_second_council_also_sees_only_their_own_people(world: World) -> None:
    council_b_coordinator = StaffFactory.create(
        membership__organisation=world.council_b, membership__role=Role.COORDINATOR
    )
    theirs = PersonFactory.create(lead_organisation=world.council_b)
    put_on_care_team(theirs, council_b_coordinator, world.council_b, is_coordinator=True)

    assert list(Person.objects.visible_to(council_b_coordinator)) == [theirs]
    assert theirs not in Person.objects.visible_to(world.priya)


@pytest.mark.parametrize("model", PERSON_MODELS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("username", ["alex", "sam", "priya", "morgan", "omar"])
def test_visible_to_asks_the_database_once(world: World, model: Any, username: str, django_assert_num_queries) -> None:
    user = world.persona(username)
    with django_assert_num_queries(1):
        list(model.objects.visible_to(user))


def test_visible_to_stays_one_query_with_many_people(world: World, django_assert_num_queries) -> None:
    for _ in range(10):
        person = PersonFactory.create(lead_organisation=world.council_a)
        put_on_care_team(person, world.priya, world.council_a)
    with django_assert_num_queries(1):
        assert len(Person.objects.visible_to(world.priya)) == 11


@pytest.mark.parametrize("model", ALL_PERSONAL_DATA_MODELS, ids=lambda m: m._meta.label)
def test_every_model_holding_personal_data_offers_visible_to_and_shows_strangers_nothing(
    world: World, model: Any
) -> None:
    build_alex_plan(world)
    manager = model._default_manager
    assert callable(getattr(manager, "visible_to", None)), f"{model._meta.label}'s default manager needs visible_to"

    assert not manager.visible_to(AnonymousUser()).exists()
    assert not manager.visible_to(world.omar).exists()
    world.alex.is_active = False
    world.alex.save()
    assert not manager.visible_to(world.alex).exists()


def test_rows_about_a_person_are_visible_exactly_to_those_who_see_the_person(world: World) -> None:
    """The person-level rule, for every model about one person. Which parts of a plan each
    viewer sees is a second layer (sharing by section), tested with the plans."""
    build_alex_plan(world)
    with_rows = [m for m in ABOUT_ONE_PERSON if m._default_manager.filter(person=world.alex_record).exists()]
    assert len(with_rows) >= 8, "the fixture should give Alex rows in most models"

    wrong = []
    for model in with_rows:
        about_alex = set(model._default_manager.filter(person=world.alex_record))
        for username, sees in SEES_ALEX.items():
            visible = set(model._default_manager.visible_to(world.persona(username)).filter(person=world.alex_record))
            if visible != (about_alex if sees else set()):
                wrong.append(f"{model._meta.label} for {username}")
    assert wrong == []


class TestAuditTrailVisibility:
    def test_a_person_reads_the_trail_about_their_own_record(self, world: World) -> None:
        mine = AuditEvent.objects.visible_to(world.alex)
        assert mine.exists()
        assert set(mine.values_list("person_id", flat=True)) == {world.alex_record.pk}

    def test_the_trail_about_someone_else_is_not_theirs_to_read(self, world: World) -> None:
        other = PersonFactory.create(lead_organisation=world.council_a, user=UserFactory.create())
        assert other.user is not None
        assert AuditEvent.objects.filter(person_id=other.pk).exists()

        assert not AuditEvent.objects.visible_to(world.alex).filter(person_id=other.pk).exists()
        assert AuditEvent.objects.visible_to(other.user).exists()

    @pytest.mark.parametrize("username", ["sam", "priya", "dr.jones", "omar", "morgan", "quinn", "casey", "admin"])
    def test_nobody_but_the_person_reads_the_trail(self, world: World, username: str) -> None:
        assert not AuditEvent.objects.visible_to(world.persona(username)).exists()

    def test_anonymous_and_switched_off_accounts_read_no_trail(self, world: World) -> None:
        assert not AuditEvent.objects.visible_to(AnonymousUser()).exists()
        world.alex.is_active = False
        world.alex.save()
        assert not AuditEvent.objects.visible_to(world.alex).exists()


@pytest.mark.parametrize(("username", "sees"), SEES_ALEX.items())
def test_the_rule_holds_inside_a_query_that_joins_people_itself(world: World, username: str, sees: bool) -> None:
    """The rule is one self-contained subquery (ADR-014): an outer join on people must not change its answer."""
    user = world.persona(username)
    circle = CircleMember.objects.visible_to(user).filter(person__family_name=world.alex_record.family_name)
    people_with_circles = Person.objects.visible_to(user).filter(circle__name__isnull=False).distinct()
    assert circle.exists() == sees
    assert (world.alex_record in people_with_circles) == sees
