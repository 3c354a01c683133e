"""Everything held about the person is in their download, or left out on purpose and said why.

Every model that holds personal data (`holds_personal_data = True`) is listed below with, for
each of its columns, the key the export gives it, or the reason it is left out. A column added
to one of these models and not to this list fails `test_every_column_is_exported_or_left_out_on_purpose`;
a key listed here that the export does not write fails `test_every_key_listed_is_in_the_download`.
So a new field cannot be quietly missed from the person's subject access download again.
"""

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.test import Client, override_settings
from django.utils import timezone

from livingplan.appointments import services as appointments
from livingplan.community import services as community
from livingplan.community.models import Helped
from livingplan.conversations import services as conversations
from livingplan.interop.models import ExternalIdentifier, ImportedResource
from livingplan.journeys import services as journeys
from livingplan.notifications import outbox
from livingplan.people import messaging
from livingplan.people import services as people
from livingplan.people.models import CircleInvitation, CircleMember, DecisionKind, InformationFormat, OwnInvitation
from livingplan.plans import notes, voice
from livingplan.plans import services as plans
from livingplan.plans.models import Layer, LinkedPlan, Outcome, PlanNote
from livingplan.plans.sections import Section, SharingGroup
from livingplan.reviews import services as reviews
from tests.appointments.conftest import CONVERSATION, at
from tests.budgets.export import budget_with_every_row
from tests.capacity import alex_is_assessed, give_authority
from tests.community.directory import add_walking_group
from tests.documents.conftest import OUTCOME, record_format
from tests.personas import World

Files = dict[str, Any]

# Reasons, said once: a column left out is one of these.
ID = "an internal row id: means nothing outside the service"
WHOSE = "whose row it is: every row in the download is the person's own"
NESTED = "shown by where the row sits in the download (under its plan, outcome or version)"
ORDER = "the order of the list in the download shows it"


@dataclass(frozen=True)
class Exported:
    """Where one model's rows are in the download, and each column's key there (`a.b`: `b` inside `a`)."""

    find: Callable[[Files], dict[str, Any]]
    keys: dict[str, str]
    left_out: dict[str, str] = field(default_factory=dict)


def _contribution(**more: str) -> dict[str, str]:
    keys = {
        "contributed_by": "added_by",
        "contributor_kind": "added_as",
        "contributed_at": "added_at",
        "in_own_words": "in_own_words",
    }
    return keys | more


def _own_voice(**more: str) -> dict[str, str]:
    return _contribution(
        status="status", written_for="written_for_me", decided_by="decided_by", decided_at="decided_at", **more
    )


def _same(*names: str) -> dict[str, str]:
    return {name: name for name in names}


PLAN_ROW = {"id": ID, "person": WHOSE, "plan": NESTED}
CONTRIBUTION = PLAN_ROW | {"position": ORDER}


def _in_reviews(*path: str | int) -> Callable[[Files], dict[str, Any]]:
    def find(files: Files) -> dict[str, Any]:
        found: Any = files["reviews.json"]
        for step in path:
            found = found[step]
        return dict(found)

    return find


REVIEW_ROW = {"id": ID, "person": WHOSE, "review": NESTED}
REVIEWS: dict[str, Exported] = {
    "reviews.ReviewRequest": Exported(
        _in_reviews("requests_for_a_review", 0),
        _same("asked_by", "asked_as", "reason", "asked_at") | {"note": "asked_from_a_note"},
        {"id": ID, "person": WHOSE},
    ),
    "reviews.RequestAnswer": Exported(
        _in_reviews("requests_for_a_review", 0, "answer"),
        _same("accepted", "review_on", "reason", "answered_by", "answered_at"),
        {"id": ID, "person": WHOSE, "request": NESTED},
    ),
    "reviews.Trigger": Exported(
        _in_reviews("changes_that_may_affect_the_plan", 0),
        _same("category", "what_happened", "noticed_by", "noticed_on", "source", "raised_by", "raised_at"),
        {"id": ID, "person": WHOSE},
    ),
    "reviews.TriggerDecision": Exported(
        _in_reviews("changes_that_may_affect_the_plan", 0, "decision"),
        _same("decision", "reason", "decided_by", "decided_at"),
        {"id": ID, "person": WHOSE, "trigger": NESTED},
    ),
    "reviews.HandoverCheck": Exported(
        _in_reviews("handover_answers", 0),
        _same("answered_by", "answered_at") | {"needs_change": "plan_needs_to_change", "trigger": "change"},
        {"id": ID, "person": WHOSE},
    ),
    "reviews.FamilyFeedback": Exported(
        _in_reviews("family_feedback", 0),
        _same("raises_concern", "given_by", "given_at") | {"text": "feedback", "raises_concern": "raises_a_concern"},
        {"id": ID, "person": WHOSE, "trigger": "the change it raised is in changes_that_may_affect_the_plan"},
    ),
    "reviews.ReflectionLog": Exported(
        _in_reviews("reflections", 0),
        _same("what_changed", "written_by", "written_at") | {"feedback": "what_you_said"},
        {"id": ID, "person": WHOSE},
    ),
    "reviews.Review": Exported(
        _in_reviews("reviews", 0),
        _same("kind", "unplanned_reason", "about", "plan", "started_by", "started_at")
        | {"request": "asked_for_because", "trigger": "change_it_follows"},
        {"id": ID, "person": WHOSE},
    ),
    "reviews.Perspective": Exported(
        _in_reviews("reviews", 0, "views", 0),
        _same("kind", "whose", "working", "not_working", "important_for_future", "may_use_anonymously")
        | _same("recorded_by", "recorded_at"),
        REVIEW_ROW,
    ),
    "reviews.ReviewOutcomeCheck": Exported(
        _in_reviews("reviews", 0, "outcomes_looked_at", 0),
        _same("outcome", "still_matters", "progress", "what_changed", "recorded_by", "recorded_at"),
        REVIEW_ROW,
    ),
    "reviews.ReviewCompletion": Exported(
        _in_reviews("reviews", 0, "completion"),
        _same("result", "took_part", "in_a_year", "next_review_on", "completed_by", "completed_at")
        | {"persons_view": "your_view", "no_view_reason": "why_your_view_is_missing"},
        REVIEW_ROW,
    ),
    "reviews.ReviewRating": Exported(
        _in_reviews("reviews", 0, "ratings", 0), _same("statement", "score", "rated_by", "rated_at"), REVIEW_ROW
    ),
    "reviews.ReviewChoice": Exported(
        _in_reviews("how_you_chose_to_be_reviewed", 0),
        _same("how", "every_months", "chosen_by", "chosen_at"),
        {"id": ID, "person": WHOSE},
    ),
}

EXPORTED: dict[str, Exported] = {
    "people.Person": Exported(
        lambda f: f["record.json"]["person"],
        _same("given_name", "family_name", "preferred_name", "date_of_birth", "pronouns", "nhs_number", "address")
        | _same("postcode", "phone", "email", "gp_practice", "lead_organisation")
        | {"created_at": "record_created_at"},
        # Their own sign-in: an account id; the download is made for that account.
        {"id": ID, "user": "the person's own account id: the download is made for that account"},
    ),
    "people.CommunicationNeeds": Exported(
        lambda f: f["record.json"]["communication_needs"],
        _same("information_format", "preferred_channel", "language", "needs_interpreter", "times_to_avoid")
        | _same("other_needs", "updated_at"),
        {"id": ID, "person": WHOSE},
    ),
    "people.CapacityAssessment": Exported(
        lambda f: f["record.json"]["capacity_assessments"][0],
        _same("decision_kind", "decision", "outcome", "assessed_by", "assessed_on", "recorded_on", "notes")
        | _same("best_interests_decision"),
        {"id": ID, "person": WHOSE},
    ),
    "people.Advocacy": Exported(
        lambda f: f["record.json"]["advocacy"],
        _same("is_needed", "reason", "advocate_name", "advocate_organisation", "advocate_contact"),
        {"id": ID, "person": WHOSE},
    ),
    "people.LegalAuthority": Exported(
        lambda f: f["record.json"]["legal_authorities"][0],
        _same("kind", "name", "contact", "registered_on") | {"held_by": "signs_in_as"},
        {"id": ID, "person": WHOSE},
    ),
    "people.CareTeamMember": Exported(
        lambda f: f["record.json"]["care_team"][0],
        _same("organisation", "is_coordinator", "started_on", "ended_on")
        | {"user": "name", "role_description": "role"},
        {"id": ID, "person": WHOSE},
    ),
    "people.CircleMember": Exported(
        lambda f: f["record.json"]["circle"][0],
        _same("name", "relationship", "phone", "email", "is_carer")
        | {"user": "has_a_sign_in", "has_access": "can_sign_in_and_see_plan"},
        {"id": ID, "person": WHOSE},
    ),
    "people.CircleInvitation": Exported(
        lambda f: f["record.json"]["circle_invitations"][0],
        _same("expires_at", "accepted_at", "opened_at", "cancelled_at")
        | {"circle_member": "for", "created_by": "sent_by", "created_at": "sent_at"},
        # The hash would let nobody in, but it is a credential's fingerprint: it never leaves the service.
        {"id": ID, "token_hash": "a secret: the fingerprint of the link that was sent"},
    ),
    "people.OwnInvitation": Exported(
        lambda f: f["record.json"]["invitations_to_you_to_sign_in"][0],
        _same("expires_at", "opened_at", "accepted_at", "cancelled_at")
        | {"created_by": "sent_by", "created_at": "sent_at"},
        {"id": ID, "person": WHOSE, "token_hash": "a secret: the fingerprint of the link that was sent"},
    ),
    "people.SharingConsent": Exported(
        lambda f: f["record.json"]["sharing_consents"][0],
        _same("organisation", "given_at", "withdrawn_at"),
        {"id": ID, "person": WHOSE},
    ),
    "plans.Plan": Exported(
        lambda f: f["plan.json"],
        _same("status", "revision")
        | {
            "created_at": "started_at",
            "updated_at": "last_changed_at",
            "next_review_on": "review.next_review_on",
            "review_lead": "review.review_lead",
            "early_review_triggers": "review.review_early_if",
        },
        {"id": ID, "person": WHOSE},
    ),
    "plans.PlanStatusChange": Exported(
        lambda f: f["plan.json"]["status_history"][0],
        _same("changed_by", "changed_at", "note") | {"from_status": "from", "to_status": "to"},
        PLAN_ROW,
    ),
    "plans.Statement": Exported(
        lambda f: f["plan.json"]["statements"][0], _own_voice(section="section", text="text"), CONTRIBUTION
    ),
    "plans.Outcome": Exported(
        lambda f: f["plan.json"]["outcomes"][0],
        _own_voice(text="text", why_it_matters="why_it_matters", importance="importance", is_active="is_current"),
        CONTRIBUTION,
    ),
    "plans.ProgressScore": Exported(
        lambda f: f["plan.json"]["outcomes"][0]["progress"][0],
        _same("score", "recorded_on", "recorded_by", "note"),
        {"id": ID, "person": WHOSE, "outcome": NESTED},
    ),
    "plans.Action": Exported(
        lambda f: f["plan.json"]["outcomes"][0]["actions"][0],
        _contribution(what="what", owner_name="who", owner="who_signs_in_as", due_on="due_on", status="status")
        | {"layer": "support_from"},
        CONTRIBUTION | {"outcome": NESTED},
    ),
    "plans.Risk": Exported(
        lambda f: f["plan.json"]["risks"][0],
        _contribution(
            what_could_go_wrong="what_could_go_wrong",
            what_we_agree="what_we_agreed",
            decided_by="who_decided",
            persons_view="my_view",
        ),
        CONTRIBUTION,
    ),
    "plans.Disagreement": Exported(
        lambda f: f["plan.json"]["different_views"][0],
        _same("about", "view", "raised_by", "raised_at", "how_handled"),
        PLAN_ROW,
    ),
    "plans.LinkedPlan": Exported(
        lambda f: f["plan.json"]["other_plans"][0], _same("kind", "description", "held_by"), PLAN_ROW
    ),
    "plans.PlanVersion": Exported(
        lambda f: f["versions/version-1.json"],
        _same("number", "agreed_at", "agreed_by", "agreed_as", "acting_authority", "best_interests_note")
        | _same("summary_of_changes")
        | {"starts_on": "in_force_from", "snapshot": "plan_as_agreed"},
        PLAN_ROW,
    ),
    "plans.Signature": Exported(
        lambda f: f["versions/version-1.json"]["signatures"][0],
        _same("role", "signed_at") | {"signed_by": "name"},
        {"id": ID, "person": WHOSE, "version": NESTED},
    ),
    "plans.SharingChoice": Exported(
        lambda f: f["plan.json"]["sharing_choices"][0],
        _same("chosen_at")
        | {"group": "part_of_plan", "circle_member": "with", "organisation": "with", "is_shared": "shared"},
        {"id": ID, "person": WHOSE},
    ),
    "plans.PlanNote": Exported(
        lambda f: f["plan.json"]["notes"][0],
        _same("text", "written_by", "written_at", "asks_for_review") | {"contributor_kind": "written_as"},
        PLAN_ROW,
    ),
    "plans.WritesForPerson": Exported(
        lambda f: f["plan.json"]["who_may_write_for_me"][0],
        _same("ended_by", "ended_at") | {"supporter": "who", "granted_by": "chosen_by", "granted_at": "chosen_at"},
        {"id": ID, "person": WHOSE},
    ),
    "plans.ContentEdit": Exported(
        lambda f: f["plan.json"]["changes_to_words"][0],
        _same("about")
        | {
            "kind": "change",
            "old_text": "words_before",
            "new_text": "words_after",
            "edited_by": "changed_by",
            "edited_at": "changed_at",
        },
        PLAN_ROW,
    ),
    "community.ResourceLink": Exported(
        lambda f: f["plan.json"]["local_activities"][0],
        _same("linked_by", "linked_at", "action") | {"resource": "activity", "ask_on": "asked_whether_it_helped_on"},
        {"id": ID, "person": WHOSE},
    ),
    "community.HelpedAnswer": Exported(
        lambda f: f["plan.json"]["local_activities"][0]["did_it_help"],
        _same("answer", "words", "answered_by", "answered_at"),
        {"id": ID, "person": WHOSE, "link": NESTED, "resource": NESTED},
    ),
    # The person's own preparation and planning conversations (ADR-035): conversations.json.
    "conversations.PreparationAnswer": Exported(
        lambda f: f["conversations.json"]["preparation"]["answers"][0],
        _same("written_by", "written_at") | {"prompt": "question", "text": "answer"},
        {"id": ID, "person": WHOSE},
    ),
    "conversations.PreparationStatusChange": Exported(
        lambda f: f["conversations.json"]["preparation"]["status_history"][0],
        _same("changed_by", "changed_at") | {"from_status": "from", "to_status": "to"},
        {"id": ID, "person": WHOSE},
    ),
    "conversations.AnswerInPlan": Exported(
        lambda f: f["conversations.json"]["preparation"]["answers"][0]["put_in_plan"][0],
        _same("added_by", "added_at") | {"statement": "became", "outcome": "became"},
        {"id": ID, "person": WHOSE, "answer": NESTED},
    ),
    "conversations.Conversation": Exported(
        lambda f: f["conversations.json"]["conversations"][0],
        _same("held_on", "where", "recorded_by", "recorded_at"),
        {"id": ID, "person": WHOSE, "plan": "the person has one plan, in plan.json"},
    ),
    "conversations.ConversationItem": Exported(
        lambda f: f["conversations.json"]["conversations"][0]["items"][0],
        _same("part", "text", "said_by", "recorded_by", "recorded_at")
        | {"speaker_kind": "said_as", "statement": "became", "outcome": "became", "action": "became"}
        | {"risk": "became"},
        {"id": ID, "person": WHOSE, "conversation": NESTED},
    ),
    "core.AuditEvent": Exported(
        lambda f: f["audit.json"][0],
        _same("action")
        | {"occurred_at": "when", "actor": "who", "actor_organisation": "organisation"}
        # `object_type` is what was looked at or changed: "about" in the download.
        | {"object_type": "about"},
        {
            "id": ID,
            "person_id": WHOSE,
            "object_id": ID,
            # The address and browser of whoever looked are theirs, not the person's.
            "ip_address": "the looker's own personal data, not the person's",
            "user_agent": "the looker's own personal data, not the person's",
            # Internal ids and codes; what they stand for is in record.json and plan.json in words.
            "detail": "internal ids and codes; record.json and plan.json say the same in words",
        },
    ),
    "people.CoordinatorTask": Exported(
        lambda f: f["record.json"]["things_your_coordinator_was_asked_to_do"][0],
        # What it asks, in words built from what the message was about, who it was for and how it went.
        {"about": "what", "recipient_name": "what", "channel": "what", "kind": "kind"}
        | {"language": "their_language_when_sent_in_english"}
        | {"created_at": "raised_at", "done_at": "done_at", "done_by": "done_by"},
        {
            "id": ID,
            "person": WHOSE,
            "message_id": "the message it is about, which is in messages.json",
            "key": "an internal key that stops the same task being raised twice",
        },
    ),
    "notifications.OutboxMessage": Exported(
        lambda f: f["messages.json"][0],
        {
            "template_key": "about",
            "personalisation": "words",
            "recipient_name": "to",
            "channel": "by",
            "to_address": "address",
            "provider": "carried_by",
            "status": "status",
            "created_at": "queued_at",
            "sent_at": "sent_at",
            "attempts": "tries",
            "held_because": "held_because",
            "last_error": "what_went_wrong",
        },
        {
            "id": ID,
            "person_id": WHOSE,
            "recipient_user": WHOSE,
            "idempotency_key": "an internal key that stops a message being sent twice",
            "provider_id": "the carrier's own reference for the message: means nothing to the person",
            "next_attempt_at": "when the service will next try: the status says where it is",
            "claim_token": "an internal mark of which worker is sending it",
            "claimed_at": "when a worker began sending it: sent_at says when it went",
            "updated_at": "when the row last changed: the status and sent_at say what changed",
        },
    ),
    # The planning journey (issue 12): planning.json.
    "journeys.PlanningStarted": Exported(
        lambda f: f["planning.json"]["planning_started"],
        _same("started_by", "started_at", "conversation_by"),
        {"id": ID, "person": WHOSE},
    ),
    "journeys.ChecklistAnswer": Exported(
        lambda f: f["planning.json"]["preparation_answers"][0],
        _same("item", "answer", "recorded_by", "recorded_at"),
        {"id": ID, "person": WHOSE},
    ),
    "journeys.AssessmentResult": Exported(
        lambda f: f["planning.json"]["results"][0],
        _same("name", "result", "taken_on", "recorded_by", "recorded_at"),
        {"id": ID, "person": WHOSE},
    ),
    "journeys.ResultExplained": Exported(
        lambda f: f["planning.json"]["results"][0]["explained"],
        _same("explained_by", "explained_on", "recorded_at"),
        {"id": ID, "person": WHOSE, "result": NESTED},
    ),
    "journeys.GoAheadChoice": Exported(
        lambda f: f["planning.json"]["chose_to_go_ahead"][0],
        _same("recorded_by", "chosen_at") | {"for_the_person": "recorded_for_you"},
        {"id": ID, "person": WHOSE},
    ),
    "journeys.ReadyForConversation": Exported(
        lambda f: f["planning.json"]["ready_for_conversation"],
        _same("marked_by", "marked_at", "going_ahead_without"),
        {"id": ID, "person": WHOSE},
    ),
    "people.CoordinatorSuggestion": Exported(
        lambda f: f["planning.json"]["coordinator_suggestions"][0],
        _same("suggested_by", "suggested_at") | {"member": "who"},
        {"id": ID, "person": WHOSE},
    ),
    "people.CoordinatorChoice": Exported(
        lambda f: f["planning.json"]["coordinator_choices"][0],
        _same("chosen_by", "accepted_suggestion", "chosen_at")
        | {"member": "who", "for_the_person": "recorded_for_you"},
        {"id": ID, "person": WHOSE},
    ),
    "people.CoordinatorChangeRequest": Exported(
        lambda f: f["planning.json"]["coordinator_change_requests"][0],
        _same("asked_by", "wanted", "reason", "asked_at"),
        {"id": ID, "person": WHOSE},
    ),
    "people.CoordinatorChangeAnswer": Exported(
        lambda f: f["planning.json"]["coordinator_change_requests"][0]["answer"],
        _same("answered_by", "accepted", "reason", "answered_at") | {"new_member": "new_coordinator"},
        {"id": ID, "person": WHOSE, "request": NESTED},
    ),
    # The person's appointments (ADR-036): appointments.json.
    "appointments.Appointment": Exported(
        lambda f: f["appointments.json"][0],
        _same("kind", "place", "starts_at", "ends_at", "access_needs", "status", "booked_by", "booked_at")
        | {"where_details": "where", "access_other": "other_access_needs"}
        | {"uid": "calendar_uid", "sequence": "calendar_sequence"},
        {"id": ID, "person": WHOSE},
    ),
    "appointments.AppointmentParticipant": Exported(
        lambda f: f["appointments.json"][0]["who_was_invited"][0],
        _same("name", "kind") | {"user": "signs_in_as"},
        {
            "id": ID,
            "person": WHOSE,
            "appointment": NESTED,
            # Which row of the circle or care team they were invited from: the kind says which,
            # and record.json lists the circle and care team with their details.
            "circle_member": "an internal row id: the kind and name say who, record.json holds their details",
            "care_team_member": "an internal row id: the kind and name say who, record.json holds their details",
        },
    ),
    "appointments.AppointmentStatusChange": Exported(
        lambda f: f["appointments.json"][0]["status_history"][0],
        _same("starts_at", "ends_at", "place", "changed_by", "changed_at", "note")
        | {"from_status": "from", "to_status": "to", "sequence": "calendar_sequence"},
        {"id": ID, "person": WHOSE, "appointment": NESTED},
    ),
    "appointments.ChangeRequest": Exported(
        lambda f: f["appointments.json"][0]["asked_to_change"][0],
        _same("asked_by", "asked_at", "proposed_starts_at", "proposed_ends_at", "reason", "status")
        | _same("answered_by", "answered_at", "answer"),
        {"id": ID, "person": WHOSE, "appointment": NESTED},
    ),
    # The person's reviews (issue 13, ADR-040): reviews.json.
    **REVIEWS,
    # The person's personal budgets (issue 14, ADR-042): budgets.json.
    "budgets.Budget": Exported(
        lambda f: f["budgets.json"][0],
        _same("indicative_pence", "indicative_basis", "agreed_pence", "previous_yearly_pence", "contribution_pence")
        | _same("advice_given", "person_involvement", "status", "drafted_by", "created_at"),
        {
            "id": ID,
            "person": WHOSE,
            "plan": "which plan: the person has one, in plan.json",
            "revision": "a count of changes, used to refuse a decision made on an out-of-date page",
        },
    ),
    "budgets.FundingSource": Exported(
        lambda f: f["budgets.json"][0]["funding"][0],
        _same("kind", "yearly_pence", "added_by", "added_at"),
        {"id": ID, "person": WHOSE, "budget": NESTED},
    ),
    "budgets.DeploymentRoute": Exported(
        lambda f: f["budgets.json"][0]["spending"][0],
        _same("route", "yearly_pence", "managed_by", "needs_met", "payment_frequency", "added_by", "added_at"),
        {"id": ID, "person": WHOSE, "budget": NESTED},
    ),
    "budgets.SupportLine": Exported(
        lambda f: f["budgets.json"][0]["lines"][1],
        _same("what", "provider", "unit", "unit_cost_pence", "quantity", "starts_on", "ended_on", "replaces")
        | _same("added_by", "added_at"),
        {"id": ID, "person": WHOSE, "budget": NESTED},
    ),
    "budgets.LineOutcome": Exported(
        lambda f: f["budgets.json"][0]["lines"][0]["outcomes"][0],
        _same("outcome"),
        {"id": ID, "person": WHOSE, "line": NESTED},
    ),
    "budgets.LineSuspension": Exported(
        lambda f: f["budgets.json"][0]["lines"][0]["suspensions"][0],
        _same("from_on", "resumed_on", "reason", "by", "at"),
        {"id": ID, "person": WHOSE, "line": NESTED},
    ),
    "budgets.BudgetStatusChange": Exported(
        lambda f: f["budgets.json"][0]["sign_off"][1],
        _same("tier", "yearly_pence", "reason", "line", "changed_by", "changed_at")
        | {"from_status": "from", "to_status": "to"},
        {"id": ID, "person": WHOSE, "budget": NESTED},
    ),
    "budgets.ApproverAssignment": Exported(
        lambda f: f["budgets.json"][0]["approvers_asked"][0],
        _same("tier", "approver", "assigned_by", "assigned_at"),
        {"id": ID, "person": WHOSE, "budget": NESTED},
    ),
    "budgets.FirstPayment": Exported(
        lambda f: f["budgets.json"][0]["first_payment_or_service"],
        _same("kind", "happened_on", "recorded_by", "recorded_at"),
        {"id": ID, "person": WHOSE, "budget": NESTED},
    ),
    # The FHIR import's bookkeeping (ADR-044), added by interop through documents.export_parts.
    "interop.ExternalIdentifier": Exported(
        lambda f: f["other-systems.json"]["identifiers_from_other_systems"][0],
        _same("system", "value"),
        {"id": ID, "person": WHOSE},
    ),
    "interop.ImportedResource": Exported(
        lambda f: f["other-systems.json"]["imported_from_other_systems"][0],
        _same("resource_type", "key", "object_type", "object_id", "imported_at"),
        {"id": ID, "person": WHOSE},
    ),
}

# Whole models left out, and why.
NOT_EXPORTED = {
    # A funding panel's decision on a budget (issue 14): the decision itself is in the budget's
    # sign-off steps; who was present is not yet in the download.
    "budgets.PanelDecision": "the day a funding panel met to decide your budget (not yet in here)",
    "budgets.PanelMember": "who was present when the funding panel decided your budget (not yet in here)",
    # The files this download, and the plan's PDFs, were made into: copies, kept a short while.
    "documents.MadeDocument": "a made copy of this download or a PDF of the plan, kept a short while",
}


def personal_data_models() -> dict[str, type[models.Model]]:
    return {model._meta.label: model for model in apps.get_models() if getattr(model, "holds_personal_data", False)}


def test_every_model_holding_personal_data_is_exported_or_left_out_on_purpose() -> None:
    assert set(personal_data_models()) == set(EXPORTED) | set(NOT_EXPORTED)
    assert not set(EXPORTED) & set(NOT_EXPORTED)


@pytest.mark.parametrize("label", sorted(EXPORTED))
def test_every_column_is_exported_or_left_out_on_purpose(label: str) -> None:
    model = personal_data_models()[label]
    columns = {f.name for f in model._meta.concrete_fields}
    listed = EXPORTED[label]
    assert not set(listed.keys) & set(listed.left_out), "a column is either exported or left out, not both"
    assert set(listed.keys) | set(listed.left_out) == columns, (
        f"{label}: add each new column to the export (documents/presenters/) and to EXPORTED here, "
        "or to its left_out with the reason"
    )


@pytest.fixture
def everything(world: World, client_for: Callable[[str], Client]) -> Files:
    """Alex's record with a row of every kind, then his download, file by file."""
    alex, record = world.alex, world.alex_record
    record_format(world, InformationFormat.LARGE_PRINT)
    alex_is_assessed(world, DecisionKind.OTHER, lacks=False)
    people.set_advocacy(record, by=world.priya, is_needed=True, reason="To speak up at reviews", advocate_name="Bo")
    give_authority(world)
    jo = people.add_circle_member(record, by=alex, name="Jo Carter", relationship="Son", email="jo@example.org")
    # The link Alex used to choose his password, long ago (he signs in; none can be sent now).
    OwnInvitation.objects.create(
        person=record,
        token_hash="0" * 64,
        created_by=world.priya,
        expires_at=timezone.now(),
        accepted_at=timezone.now(),
    )
    people.invite_circle_member(jo, by=alex)
    # What a FHIR import from his GP's system kept about him (ADR-044).
    ExternalIdentifier.objects.create(person=record, system="https://gp.example/Id/patient", value="A-17")
    ImportedResource.objects.create(
        person=record, resource_type="Patient", key="urn:uuid:a17", object_type="people.person", object_id=record.pk
    )
    kit = people.add_circle_member(record, by=alex, name="Kit Carter", relationship="Grandson")
    people.invite_circle_member(kit, by=alex)
    sam = CircleMember.objects.get(person=record, user=world.sam)
    plans.set_sharing(record, by=alex, group=SharingGroup.RISKS, is_shared=False, circle_member=sam)
    voice.name_writer(record, by=alex, supporter=world.sam)

    plan = plans.start_plan(record, by=alex)
    conversations.save_answers(record, by=alex, answers={"HOPES": "To see the sea again"})
    conversations.put_answers_in_plan(record, by=alex, plan=plan, prompts=["HOPES"])
    talk = conversations.start_conversation(
        record, by=world.priya, plan=plan, held_on=dt.date(2026, 1, 5), where="Home"
    )
    conversations.record_what_matters(talk, by=world.priya, said_by=world.sam, text="Dad loves the coast")
    statement = plans.add_statement(plan, by=alex, section=Section.WHAT_MATTERS, text="My garden")
    outcome = plans.add_outcome(plan, by=alex, text=OUTCOME, why_it_matters="Milk and a paper", importance=5)
    budget_with_every_row(world, plan, outcome)  # issue 14: budgets.json
    voice.edit_words(statement, by=alex, text="My garden and my shed")
    walk = plans.add_action(
        outcome, by=world.priya, what="Walk together", owner_name="Sam", owner=world.sam, layer=Layer.FAMILY_FRIENDS
    )
    with override_settings(COMMUNITY_ASK_AFTER_WEEKS=0):  # asked at once, so Alex can answer here
        link = community.link_resource(walk, add_walking_group(world), by=world.priya)
    community.answer_did_it_help(link, by=alex, answer=Helped.YES, words="Made a friend")
    plans.record_progress(outcome, by=alex, score=4, on=dt.date(2026, 1, 5), note="Halfway")
    plans.add_risk(plan, by=world.priya, what_could_go_wrong="A fall", what_we_agree="A phone", decided_by="Alex")
    plans.record_disagreement(plan, by=world.sam, about=f"outcome:{outcome.pk}", view="Too far for now")
    plans.add_linked_plan(plan, by=world.priya, kind=LinkedPlan.Kind.ADVANCE_CARE, description="Advance care plan")
    plans.propose_plan(plan, by=world.priya)
    version = plans.agree_plan(plan, by=alex, summary="First plan")
    plans.sign_version(version, by=world.priya, role="Coordinator")
    notes.add_note(plan, by=alex, text="The walks are going well.", asks_for_review=False)
    outbox.queue(
        template="circle_invitation",
        to=messaging.recipient_for_person(record),
        personalisation={"first_name": "Alex", **messaging.pronoun_fields(record), "link": "https://example.org/"},
        key="a-message-to-alex",
        person_id=record.pk,
    )
    _reviews(world, outcome)
    _appointments(world)
    _planning_journey(world)
    response = client_for("alex").get(f"/people/{world.alex_record.pk}/export.zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: json.loads(archive.read(name)) for name in archive.namelist() if name.endswith(".json")}


def _planning_journey(world: World) -> None:
    """A row of every kind the planning journey keeps (issue 12), made through its verbs."""
    record, today = world.alex_record, timezone.localdate()
    team = {m.user.username: m for m in record.care_team.filter(ended_on__isnull=True).select_related("user")}
    journeys.start_planning(record, by=world.priya, conversation_by=today + dt.timedelta(days=28))
    journeys.answer_checklist(record, by=world.priya, answers={"WHO_HELPS": "Sam"})
    # Explained before the planning conversation the fixture records on 5 January 2026, as it must be.
    taken, explained = dt.date(2026, 1, 2), dt.date(2026, 1, 3)
    blood = journeys.add_result(record, by=world.dr_jones, name="Blood test", result="Normal", taken_on=taken)
    journeys.mark_result_explained(blood, by=world.dr_jones, explained_on=explained)
    journeys.add_result(record, by=world.dr_jones, name="Memory test", result="Normal", taken_on=taken)
    journeys.choose_to_go_ahead(record, by=world.alex)
    journeys.mark_ready_for_conversation(record, by=world.priya)
    people.suggest_coordinator(record, by=world.priya, member=team["priya"])
    people.choose_coordinator(record, by=world.alex, member=team["priya"])
    asked = people.ask_to_change_coordinator(record, by=world.alex, wanted=team["dr.jones"], reason="I know her")
    people.answer_coordinator_request(asked, by=world.priya, accept=True, new_member=team["dr.jones"])


def _reviews(world: World, outcome: Outcome) -> None:
    """A row of every kind reviews keep (issue 13), made through their verbs, while Priya coordinates."""
    record, today = world.alex_record, timezone.localdate()
    note = PlanNote.objects.filter(plan=outcome.plan).first()  # "The walks are going well."
    asked = reviews.request_review(record, by=world.alex, reason="My tablets changed", note=note)
    reviews.choose_how(record, by=world.alex, how="PHONE", every_months=3)
    reviews.answer_request(asked, by=world.priya, accept=True, review_on=today + dt.timedelta(days=7))
    handover = reviews.answer_handover(
        record, by=world.dr_jones, needs_change=True, category="MEDICATION", what_happened="New tablets make him sleepy"
    )
    assert handover.trigger is not None
    reviews.decide_trigger(handover.trigger, by=world.priya, decision="UPDATE_PLAN", reason="Visit times change")
    reviews.give_family_feedback(record, by=world.sam, text="Dad is tired after lunch", raises_concern=True)
    reviews.write_reflection(record, by=world.priya, feedback_heard="Mealtimes are noisy", what_changed="Quieter room")
    review = reviews.start_review(record, by=world.priya, kind="REQUESTED", request=asked, trigger=handover.trigger)
    reviews.record_perspective(review, by=world.sam, working="He goes out more", may_use_anonymously=True)
    reviews.check_outcome(review, outcome, by=world.priya, still_matters=True, progress=6, what_changed="Corner shop")
    plan = outcome.plan
    plan.refresh_from_db()
    reviews.complete_review(
        review,
        by=world.priya,
        result="NO_CHANGE",
        persons_view="I want my afternoons back",
        took_part="Alex, Sam, Priya",
        in_a_year="Walking to town",
        expected_revision=plan.revision,
    )
    reviews.rate_review(review, by=world.alex, scores={"trusted": 5})


def _appointments(world: World) -> None:
    """A booked appointment Alex asked to move, and Priya (his coordinator here) moved; its history.

    Booked well ahead of today so the booking's "must be in the future" check holds whatever the date.
    """
    day = timezone.localdate() + dt.timedelta(days=60)
    record = world.alex_record
    # Sam and Priya come; Kit (no way to reach him) is left out so his one coordinator task stays one.
    booked = appointments.book_appointment(
        record,
        by=world.priya,
        details=CONVERSATION,
        starts_at=at(day, 10),
        ends_at=at(day, 11),
        circle=list(CircleMember.objects.filter(person=record, user=world.sam)),
        care_team=list(record.care_team.filter(user=world.priya)),
    )
    asked = appointments.ask_to_change(
        booked, by=world.alex, reason="Sam works mornings", starts_at=at(day, 14), ends_at=at(day, 15)
    )
    appointments.answer_request(asked, by=world.priya, accept=True, answer="Yes, 2pm suits")


def _has(row: dict[str, Any], key: str) -> bool:
    outer, _, inner = key.partition(".")
    if inner:
        return isinstance(row.get(outer), dict) and inner in row[outer]
    return key in row


def test_every_key_listed_is_in_the_download(everything: Files) -> None:
    missing = {
        label: sorted(key for key in listed.keys.values() if not _has(listed.find(everything), key))
        for label, listed in EXPORTED.items()
    }
    assert {label: keys for label, keys in missing.items() if keys} == {}


def test_the_new_fields_say_what_a_person_would_want_to_know(everything: Files, world: World) -> None:
    record, plan = everything["record.json"], everything["plan.json"]
    [authority] = record["legal_authorities"]
    assert authority["signs_in_as"] == "Sam Carter"
    assert record["capacity_assessments"][0]["decision_kind"] == "Another decision"
    [invitation] = [i for i in record["circle_invitations"] if i["for"] == "Jo Carter"]
    assert invitation["for"] == "Jo Carter"
    assert invitation["sent_by"] == "Alex Carter"
    assert "token" not in json.dumps(invitation)
    [action] = plan["outcomes"][0]["actions"]
    assert action["who_signs_in_as"] == "Sam Carter"
    assert plan["outcomes"][0]["progress"][0]["recorded_by"] == "Alex Carter"
    assert plan["notes"][0]["text"] == "The walks are going well."
    assert plan["who_may_write_for_me"][0]["who"] == "Sam Carter"
    [message] = [m for m in everything["messages.json"] if m["about"] == "circle_invitation"]
    assert message["to"] == "Alex Carter"
    # Alex is reached at the email he signs in with; the download says where it went and where it is.
    assert message["by"] == "EMAIL"
    assert message["address"] == world.alex.email
    assert message["status"] in {"CREATED", "SENT"}
    # Kit has no email or phone: his coordinator was asked to find a way to reach him (ADR-032).
    [task] = [t for t in record["things_your_coordinator_was_asked_to_do"] if "Kit Carter" in t["what"]]
    assert task["what"].startswith("We have no way to send Kit Carter")
    assert task["done_at"] is None
    [edit] = plan["changes_to_words"]
    assert (edit["words_before"], edit["words_after"]) == ("My garden", "My garden and my shed")


def test_no_invitation_secret_is_in_the_download(everything: Files) -> None:
    invitations = list(CircleInvitation.objects.all())
    assert len(invitations) == 2, "Jo's and Kit's"
    download = json.dumps(everything)
    for invitation in invitations:
        assert invitation.token_hash not in download


def test_appointments_say_when_where_who_and_what_changed(everything: Files) -> None:
    [appointment] = everything["appointments.json"]
    assert (appointment["kind"], appointment["place"]) == ("Planning conversation", "At home")
    assert appointment["access_needs"] == ["Step-free access"]
    # Moved to the 2pm Alex asked for: the same calendar event, reissued once.
    assert "T14:00:00" in appointment["starts_at"]
    assert (appointment["status"], appointment["calendar_sequence"]) == ("Changed", 1)
    assert appointment["calendar_uid"].endswith("@livingplan")
    invited = {(p["name"], p["kind"]) for p in appointment["who_was_invited"]}
    assert invited == {("Alex Carter", "The person"), ("Sam Carter", "Circle of support"), ("Priya Shah", "Care team")}
    history = [(h["from"], h["to"], h["calendar_sequence"]) for h in appointment["status_history"]]
    assert history == [(None, "Booked", 0), ("Booked", "Changed", 1)]
    [asked] = appointment["asked_to_change"]
    assert (asked["reason"], asked["status"], asked["answered_by"]) == ("Sam works mornings", "Accepted", "Priya Shah")
    assert asked["answer"] == "Yes, 2pm suits"
