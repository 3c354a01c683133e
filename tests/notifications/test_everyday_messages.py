"""The everyday messages, sent through the real Notify client to the loopback stub: a practitioner
added to a care team, a suggestion waiting for the person, a note and a review request for the
coordinator. Each in plain words, to the recipient's own channel, never about what they did themselves.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from livingplan.notifications.models import OutboxMessage
from livingplan.people import services as people
from livingplan.plans import notes
from livingplan.plans import services as plans
from livingplan.plans.models import Plan
from livingplan.plans.sections import Section
from tests.capacity import sam_is_alexs_attorney_and_alex_cannot_agree
from tests.notifications.notify_stub import Accepted, NotifyStub
from tests.personas import World

Sending = Callable[[], Any]


@pytest.fixture
def sending(notify_stub: NotifyStub, django_capture_on_commit_callbacks: Any) -> Callable[[], Any]:
    """`with sending():` commits the change, then its messages go to the stub (tasks run inline in tests)."""

    @contextmanager
    def commit() -> Iterator[None]:
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return commit


@pytest.fixture
def he_him(world: World) -> World:
    people.update_person_details(world.alex_record, by=world.alex, pronouns="he/him")
    return world


@pytest.fixture
def plan(he_him: World) -> Plan:
    return plans.start_plan(he_him.alex_record, by=he_him.priya)


def sent(notify: NotifyStub, prefix: str) -> list[Accepted]:
    return [a for a in notify.accepted if a.reference.startswith(prefix)]


def words(accepted: Accepted) -> tuple[str, str]:
    said = accepted.payload["personalisation"]
    return said.get("subject", ""), said["body"]


def test_omar_hears_he_has_been_added_to_alexs_care_team(
    he_him: World, sending: Sending, notify_stub: NotifyStub
) -> None:
    people.set_sharing_consent(he_him.alex_record, by=he_him.alex, organisation=he_him.care_provider, give=True)
    with sending():
        people.add_care_team_member(
            he_him.alex_record, by=he_him.priya, user=he_him.omar, organisation=he_him.care_provider
        )

    [accepted] = sent(notify_stub, "care-team-added-")
    assert accepted.kind == "email"
    assert accepted.payload["email_address"] == "omar@example.org"
    subject, body = words(accepted)
    assert subject == "You have been added to Alex Carter's care team"
    assert body.startswith("Hello Omar,")
    assert "Priya Shah has added you to Alex Carter's care team" in body
    assert "You can now see his record" in body
    assert f"/people/{he_him.alex_record.pk}/" in body


def test_before_alex_shares_his_record_with_omars_organisation_the_message_names_nobody(
    world: World, sending: Sending, notify_stub: NotifyStub
) -> None:
    with sending():
        people.add_care_team_member(world.alex_record, by=world.alex, user=world.omar, organisation=world.care_provider)

    [accepted] = sent(notify_stub, "care-team-added-")
    subject, body = words(accepted)
    assert subject == "You have been added to someone's care team"
    assert "once they agree to share it with Brightwell Home Care" in body
    assert "Alex" not in subject + body
    assert "Carter" not in subject + body


def test_nobody_is_told_they_added_themselves(world: World, sending: Sending, notify_stub: NotifyStub) -> None:
    people.set_sharing_consent(world.alex_record, by=world.alex, organisation=world.care_provider, give=True)
    people.update_person_details(world.alex_record, by=world.alex, pronouns="he/him")
    with sending():
        people.add_care_team_member(world.alex_record, by=world.alex, user=world.omar, organisation=world.care_provider)
    assert len(sent(notify_stub, "care-team-added-")) == 1, "Alex added Omar: Omar is told"
    assert not OutboxMessage.objects.filter(recipient_user=world.alex).exists()


def test_alex_hears_once_a_day_that_sam_has_suggested_words(
    plan: Plan, he_him: World, sending: Sending, notify_stub: NotifyStub
) -> None:
    with sending():
        plans.add_statement(plan, by=he_him.sam, section=Section.WHAT_MATTERS, text="Dad loves his garden")
        plans.add_outcome(plan, by=he_him.sam, text="Get out to the allotment every week")

    [accepted] = sent(notify_stub, "suggestion-waiting-")
    assert accepted.payload["email_address"] == "alex@example.org"
    subject, body = words(accepted)
    assert subject == "Sam Carter has suggested words for your plan"
    assert "They are not in your plan until you say yes." in body
    assert f"/people/{he_him.alex_record.pk}/plan/" in body


def test_a_suggestion_by_text_names_nobody_but_alex(
    plan: Plan, he_him: World, sending: Sending, notify_stub: NotifyStub
) -> None:
    people.update_person_details(he_him.alex_record, by=he_him.priya, phone="07700 900456")
    people.set_communication_needs(he_him.alex_record, by=he_him.priya, preferred_channel="TEXT")
    with sending():
        plans.add_statement(plan, by=he_him.priya, section=Section.WHAT_MATTERS, text="Alex's garden")

    [accepted] = sent(notify_stub, "suggestion-waiting-")
    assert accepted.kind == "sms"
    _, body = words(accepted)
    assert body.startswith("Hello Alex. Someone has suggested words for your plan.")
    assert "Priya" not in body


def test_alex_is_not_told_about_his_own_words(plan: Plan, he_him: World, sending: Sending) -> None:
    with sending():
        plans.add_statement(plan, by=he_him.alex, section=Section.WHAT_MATTERS, text="My garden")
    assert not OutboxMessage.objects.filter(template_key="suggestion_waiting").exists()


def test_priya_hears_of_sams_note_and_of_a_request_for_a_review(
    plan: Plan, he_him: World, sending: Sending, notify_stub: NotifyStub
) -> None:
    with sending():
        notes.add_note(plan, by=he_him.sam, text="Dad had a good week at the allotment")
        notes.add_note(plan, by=he_him.sam, text="I think Dad's plan needs looking at", asks_for_review=True)

    [note] = sent(notify_stub, "note-added-")
    assert note.payload["email_address"] == "priya@example.org"
    assert words(note)[0] == "Sam Carter added a note to Alex Carter's plan"
    assert "Dad had a good week" not in words(note)[1], "what the note says stays on the plan"
    [review] = sent(notify_stub, "review-requested-")
    subject, body = words(review)
    assert subject == "Sam Carter has asked for Alex Carter's plan to be reviewed"
    assert "asking for his plan to be looked at again" in body
    assert "start a review with him if it is needed" in body
    assert f"/people/{he_him.alex_record.pk}/plan/notes/" in body


def test_priya_is_not_told_of_notes_alex_does_not_share_with_her_council(
    plan: Plan, he_him: World, sending: Sending
) -> None:
    from livingplan.plans.sections import SharingGroup

    everything_but_notes = {g.value for g in SharingGroup if g != SharingGroup.REVIEW}
    council = plans.AudienceChoice(plans.exactly(everything_but_notes), organisation=he_him.council_a)
    plans.save_sharing_choices(he_him.alex_record, by=he_him.alex, choices=[council])
    with sending():
        notes.add_note(plan, by=he_him.sam, text="A good week")
    assert not OutboxMessage.objects.filter(template_key="note_added").exists()


def test_priya_is_not_told_about_her_own_note(plan: Plan, he_him: World, sending: Sending) -> None:
    with sending():
        notes.add_note(plan, by=he_him.priya, text="Visited today", asks_for_review=True)
    assert not OutboxMessage.objects.filter(template_key__in=["note_added", "review_requested"]).exists()


def test_a_change_that_is_rolled_back_tells_nobody(plan: Plan, he_him: World, sending: Sending) -> None:
    with pytest.raises(ValueError, match="rolled back"), sending():  # noqa: PT012 - the change, then its failure
        from django.db import transaction

        with transaction.atomic():
            notes.add_note(plan, by=he_him.sam, text="A note")
            raise ValueError("rolled back")
    assert not OutboxMessage.objects.filter(template_key="note_added").exists()


def test_no_text_message_names_anyone_but_the_recipient() -> None:
    from livingplan.notifications import texts
    from livingplan.notifications.models import Channel

    about_someone = {"person_first_name", "person_name", "person_their", "person_them", "by_name", "plan_of"}
    for template in texts.TEMPLATES.values():
        if Channel.SMS in template.wording:
            assert not template.fields(Channel.SMS) & about_someone, template.key


def test_once_alex_lacks_capacity_his_attorney_hears_of_suggestions_not_alex(
    he_him: World, sending: Sending, notify_stub: NotifyStub
) -> None:
    sam_is_alexs_attorney_and_alex_cannot_agree(he_him)
    plan = plans.start_plan(he_him.alex_record, by=he_him.priya)
    with sending():
        plans.add_statement(plan, by=he_him.priya, section=Section.WHAT_MATTERS, text="Alex's garden")

    [accepted] = sent(notify_stub, "suggestion-waiting-")
    assert accepted.payload["email_address"] == he_him.sam.email, "Sam decides for Alex now"
    subject, body = words(accepted)
    assert subject == "Priya Shah has suggested words for Alex's plan"
    assert "They are not in the plan until you say yes for Alex." in body
    assert not OutboxMessage.objects.filter(recipient_user=he_him.alex).exists()
