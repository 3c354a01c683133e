"""Alex's living plan in the demo: written with Alex, agreed twice, with a review in between.

Built through the same services users call, then backdated so the history reads like a year
of real use. Backdating writes timestamps directly: acceptable for demo data only.

Every date is relative to the day the demo is seeded, so the demo always looks current: the next
review a few weeks ahead, two actions just overdue and the rest coming up.
"""

import datetime as dt

from django.db import models
from django.utils import timezone

from livingplan.accounts.models import Organisation, User
from livingplan.core.models import AuditEvent
from livingplan.demo.audit import seeding
from livingplan.people import services as people
from livingplan.people.models import ContactChannel, InformationFormat, Person
from livingplan.plans import notes
from livingplan.plans import services as plans
from livingplan.plans.models import Layer, Plan, PlanNote, PlanStatusChange, PlanVersion, Statement
from livingplan.plans.sections import Section, SharingGroup

ALEX_NHS_NUMBER = "9990010005"  # 999 numbers are reserved for testing and never issued


def _backdate(model: type[models.Model], field: str, pks: list[int], when: dt.datetime) -> None:
    model._default_manager.filter(pk__in=pks).update(**{field: when})  # demo history only


def seed_alex_plan(
    alex: Person, *, alex_user: User, priya: User, dr_jones: User, sam: User, gp_practice: Organisation
) -> Plan:
    now = timezone.now()
    a_year_ago = now - dt.timedelta(days=330)
    people.update_person_details(
        alex,
        by=priya,
        audit=seeding(priya),
        nhs_number=ALEX_NHS_NUMBER,
        pronouns="he/him",
        address="14 Mill Lane, Northbridge",
        postcode="NB1 4QT",
        phone="01632 960123",
        gp_practice=gp_practice,
    )
    people.set_communication_needs(
        alex,
        by=alex_user,
        audit=seeding(alex_user),
        information_format=InformationFormat.LARGE_PRINT,
        # By post: his agreed plan reaches him as a large-print letter (issue 11).
        preferred_channel=ContactChannel.LETTER,
        times_to_avoid="Before 10am, when the carers are in",
        other_needs="Speak slowly and face me; I lip-read a little.",
    )
    plan = plans.start_plan(alex, by=alex_user, audit=seeding(alex_user))

    def say(section: str, text: str, by: User = alex_user) -> Statement:
        return plans.add_statement(plan, by=by, audit=seeding(by), section=section, text=text)

    first = [
        say(Section.ABOUT_MATTERS_MOST, "My garden, my daughter Sam and her boys, and getting to the allotment."),
        say(Section.ABOUT_IMPORTANT_PEOPLE, "Sam, my neighbour Bev, and my friends at the bowls club."),
        say(Section.ABOUT_COMMUNICATION, "I hear better on my left side. Give me time to answer."),
        say(Section.ABOUT_PLEASE_DO, "Ring before you visit. Tell me plainly what the plan is."),
        say(Section.ABOUT_PLEASE_DONT, "Don't talk to Sam about me as if I am not in the room."),
        say(Section.ABOUT_HOW_TO_SUPPORT, "Mornings are hard since the stroke. Afternoons are my best time."),
        say(Section.WHAT_MATTERS, "Staying in my own home and keeping my garden going."),
        say(Section.WHAT_MATTERS, "Getting back to the bowls club on Thursdays."),
        say(Section.STRENGTHS_MINE, "I know every plant in that garden and I am stubborn in a good way."),
        say(Section.STRENGTHS_FAMILY, "Sam comes on Sundays and can drive me to appointments."),
        say(Section.STRENGTHS_COMMUNITY, "The bowls club has a minibus; Bev next door keeps a key."),
        say(Section.NEEDS, "Help getting washed and dressed in the mornings since my stroke.", priya),
        say(Section.CRISIS_WARNING_SIGNS, "I stop answering the phone or forget to eat."),
        say(Section.CRISIS_WHAT_HELPS, "A call from Sam, and a hot meal."),
        say(Section.CRISIS_AVOID, "Don't send me to hospital unless my GP agrees it is needed."),
        say(Section.CRISIS_CONTACTS, "Sam (daughter) first, then Bev next door, then Dr Jones at the practice."),
        say(Section.CRISIS_MEDICINES, "Blood thinners in the blue box on the kitchen shelf; walking frame upstairs."),
    ]
    walk = plans.add_outcome(
        plan,
        by=alex_user,
        audit=seeding(alex_user),
        text="I want to walk to the corner shop on my own again.",
        why_it_matters="So I am not waiting on anyone for milk and a paper.",
        importance=5,
    )
    bowls = plans.add_outcome(
        plan,
        by=alex_user,
        audit=seeding(alex_user),
        text="I want to be back at bowls on Thursdays by the summer.",
        why_it_matters="That is where my friends are.",
        importance=4,
    )
    plans.add_action(
        walk,
        by=alex_user,
        audit=seeding(alex_user),
        what="Do my leg exercises every afternoon",
        owner=alex_user,
        owner_name="",
        layer=Layer.SELF_CARE,
    )
    plans.add_action(
        walk,
        by=priya,
        audit=seeding(priya),
        what="Walk to the shop together on Sundays",
        owner=sam,
        owner_name="",
        layer=Layer.FAMILY_FRIENDS,
        due_on=(now + dt.timedelta(days=5)).date(),
    )
    plans.add_action(
        walk,
        by=dr_jones,
        audit=seeding(dr_jones),
        what="Refer to community physiotherapy",
        owner=dr_jones,
        owner_name="",
        layer=Layer.SPECIALIST,
        due_on=(now - dt.timedelta(days=6)).date(),
    )
    plans.add_action(
        bowls,
        by=priya,
        audit=seeding(priya),
        what="Ask the club about the minibus pick-up",
        owner=priya,
        owner_name="",
        layer=Layer.COMMUNITY,
        due_on=(now - dt.timedelta(days=2)).date(),
    )
    plans.add_risk(
        plan,
        by=priya,
        audit=seeding(priya),
        what_could_go_wrong="A fall walking to the shop alone.",
        what_we_agree="Alex carries a phone and walks in the afternoon when steadier.",
        decided_by="Alex, with Priya and Dr Jones",
        persons_view="It is my risk to take and I want to take it.",
    )
    plans.set_review_arrangements(
        plan,
        by=priya,
        audit=seeding(priya),
        next_review_on=(now + dt.timedelta(days=24)).date(),
        review_lead=priya,
        early_review_triggers="A fall, a hospital stay, or Sam no longer able to visit on Sundays.",
    )
    plans.record_progress(walk, by=alex_user, audit=seeding(alex_user), score=2, on=a_year_ago.date())
    plans.record_progress(bowls, by=alex_user, audit=seeding(alex_user), score=1, on=a_year_ago.date())
    plans.propose_plan(plan, by=priya, audit=seeding(priya))
    v1 = plans.agree_plan(plan, by=alex_user, audit=seeding(alex_user), summary="Alex's first plan after the stroke")
    plans.sign_version(v1, by=priya, audit=seeding(priya), role="Coordinator")

    # Six months on: a review. Alex walks further; a new outcome about the garden.
    review_at = now - dt.timedelta(days=150)
    plans.start_review(plan, by=priya, audit=seeding(priya), reason="Six-monthly review")
    later = [
        say(Section.GOING_WELL, "I walk to the shop twice a week and I am at bowls most Thursdays."),
        # Words for Alex's own voice from someone else wait for him to accept them (ADR-025).
        say(
            Section.WHAT_MATTERS,
            "Seeing my grandsons grow up, and being well enough to watch them play football.",
            dr_jones,
        ),
    ]
    garden = plans.add_outcome(
        plan,
        by=alex_user,
        audit=seeding(alex_user),
        text="I want to grow my own tomatoes again this year.",
        why_it_matters="The garden is who I am.",
        importance=4,
    )
    plans.add_action(
        garden,
        by=sam,
        audit=seeding(sam),
        what="Put in raised beds so I can garden sitting down",
        owner=sam,
        owner_name="",
        layer=Layer.FAMILY_FRIENDS,
        due_on=(now + dt.timedelta(days=12)).date(),
    )
    plans.add_action(
        garden,
        by=alex_user,
        audit=seeding(alex_user),
        what="Order tomato plants from the garden centre",
        owner=alex_user,
        owner_name="",
        layer=Layer.SELF_CARE,
        due_on=(now + dt.timedelta(days=9)).date(),
    )
    plans.record_progress(walk, by=alex_user, audit=seeding(alex_user), score=6, on=review_at.date())
    plans.record_progress(bowls, by=alex_user, audit=seeding(alex_user), score=8, on=review_at.date())
    plans.propose_plan(plan, by=priya, audit=seeding(priya))
    v2 = plans.agree_plan(
        plan, by=alex_user, audit=seeding(alex_user), summary="Six-monthly review: garden outcome added"
    )
    plans.sign_version(v2, by=priya, audit=seeding(priya), role="Coordinator")

    # Alex shares the crisis plan with Sam, but not the personal budget.
    sam_row = alex.circle.get(user=sam)
    plans.set_sharing(
        alex, by=alex_user, audit=seeding(alex_user), group=SharingGroup.CRISIS, is_shared=True, circle_member=sam_row
    )
    plans.set_sharing(
        alex, by=alex_user, audit=seeding(alex_user), group=SharingGroup.BUDGET, is_shared=False, circle_member=sam_row
    )

    _backdate(Statement, "contributed_at", [s.pk for s in first], a_year_ago)
    _backdate(Statement, "contributed_at", [s.pk for s in later], review_at)
    _backdate(PlanVersion, "agreed_at", [v1.pk], a_year_ago + dt.timedelta(days=7))
    _backdate(PlanVersion, "agreed_at", [v2.pk], review_at + dt.timedelta(days=5))
    _backdate(PlanStatusChange, "changed_at", list(plan.status_changes.values_list("pk", flat=True)), a_year_ago)
    _backdate(
        AuditEvent,
        "occurred_at",
        list(AuditEvent.objects.filter(person_id=alex.pk).values_list("pk", flat=True)),
        a_year_ago,
    )
    _seed_notes(plan, now=now, alex_user=alex_user, sam=sam)
    return plan


def _seed_notes(plan: Plan, *, now: dt.datetime, alex_user: User, sam: User) -> None:
    """Two notes since the plan was agreed (ADR-024), neither asking for a review, dated before today."""
    for by, days_ago, text in (
        (sam, 12, "Dad has been to bowls every Thursday this month and is sleeping better."),
        (alex_user, 4, "The new carer is kind but comes at 9, and I am not ready then. Later would suit me."),
    ):
        note = notes.add_note(plan, by=by, audit=seeding(by), text=text)
        when = now - dt.timedelta(days=days_ago)
        _backdate(PlanNote, "written_at", [note.pk], when)
        events = AuditEvent.objects.filter(action=notes.ADDED, object_id=str(note.pk))
        _backdate(AuditEvent, "occurred_at", list(events.values_list("pk", flat=True)), when)
