"""Who gets what at every URL: one table, every persona, signed out too.

To add a page, add one row to `MATRIX`: its URL, with `{alex}` (Alex's record) or another
placeholder from `PLACEHOLDERS`, and the status each persona gets from a GET. A URL pattern
with no row fails `test_every_url_pattern_has_a_row_in_the_matrix`.

404, not 403, for records someone may not see: a 403 would confirm the record exists. 403 is
for someone who can see the record but not do this to it (an approver opening an edit form).
"""

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone

from livingplan.conversations import services as conversations
from livingplan.conversations.models import Conversation
from livingplan.plans import services
from livingplan.plans.models import Statement, StatementStatus
from livingplan.plans.sections import Section
from tests.appointments.matrix import alexs_appointment, alexs_request
from tests.budgets.matrix import alexs_budget, alexs_budget_line, morgan_approves
from tests.community.directory import community_link, community_resource
from tests.personas import PERSONAS, AlexPlan, World, build_alex_plan
from tests.reviews.matrix import alexs_note, alexs_review, alexs_review_request, alexs_trigger
from tests.selfassessment.matrix import RATES, RUNS_ROUND, SEES_ROUND, northbridge_priority, northbridge_round

ANONYMOUS = "anonymous"
EVERYONE = (ANONYMOUS, *PERSONAS)


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(EVERYONE, status)


def signed_in(status: int, *, anonymous: int = 302, **overrides: int) -> dict[str, int]:
    """`status` for every persona unless overridden (by username), and 302 to sign in when signed out."""
    return {ANONYMOUS: anonymous, **dict.fromkeys(PERSONAS, status), **overrides}


# Who may open Alex's record: Alex, Sam (circle, with access), the care team with consent
# (priya, dr.jones), and council A's oversight roles. Never omar (not on the team), casey or admin.
SEES_ALEX = {"alex": 200, "sam": 200, "priya": 200, "dr.jones": 200, "morgan": 200, "quinn": 200}
# Who may keep Alex's record up to date: Alex and the care team. The circle writes the plan instead.
EDITS_RECORD = {**SEES_ALEX, "sam": 403, "morgan": 403, "quinn": 403}
# Record parts the circle does not see unless Alex shares them (ADR-023): his personal details and
# decisions about his capacity. For Sam their forms do not exist; the care team keeps them up to date.
EDITS_CARE_TEAM_RECORD_PART = {**EDITS_RECORD, "sam": 404}
# Who may write Alex's plan: Alex, the circle and the care team. Oversight roles read only.
WRITES_PLAN = {**SEES_ALEX, "morgan": 403, "quinn": 403}
# Parts the circle does not see unless Alex shares them: needs, risks, crisis plan, budget.
WRITES_CARE_TEAM_PART = {**WRITES_PLAN, "sam": 404}
# Alex's own words in his plan (ADR-025): he changes them; others who see them may not.
CHANGES_ALEXS_WORDS = {**dict.fromkeys(SEES_ALEX, 403), "alex": 200}
# Alex's planning conversation is written down by his care team; those who read it may not.
RECORDS_CONVERSATION = {**dict.fromkeys(SEES_ALEX, 403), "priya": 200, "dr.jones": 200}
# Preparing for the planning conversation (issue 12): Alex's care team only.
PREPARES_ALEX = {**dict.fromkeys(SEES_ALEX, 403), "priya": 200, "dr.jones": 200}
# Alex's reviews are run by his coordinator: she answers requests, decides about changes, runs the review.
RUNS_ALEXS_REVIEWS = {**dict.fromkeys(SEES_ALEX, 403), "priya": 200}
# Alex and his family give their own view of a review and rate it.
ALEX_AND_FAMILY = {**dict.fromkeys(SEES_ALEX, 403), "alex": 200, "sam": 200}
# Drafting Alex's budget (issue 14): his care team at the council leading on him (priya); others
# who see the budget may not; Sam, who does not see it, gets a 404.
DRAFTS_BUDGET = {**dict.fromkeys(SEES_ALEX, 403), "priya": 200, "sam": 404}
# Changes state, so POST only: a GET is refused before anything is looked up.
POST_ONLY = signed_in(405)
# The API answers a caller who has not signed in with 401 (JSON), not a redirect to a form.
API_WRITE_ONLY = everyone(405)


def api(status: int, **overrides: int) -> dict[str, int]:
    return signed_in(status, anonymous=401, **overrides)


MATRIX: dict[str, dict[str, int]] = {
    "/": signed_in(200),
    "/healthz": everyone(200),
    "/accessibility-statement/": everyone(200),
    "/privacy-notice/": everyone(200),
    # Signed-in users are sent on to their home page.
    "/sign-in/": signed_in(302, anonymous=200),
    "/sign-out/": everyone(405),
    "/account/security/": signed_in(200),
    # Nobody in the world has an authenticator yet, so verify sends them to set one up.
    "/account/verify/": signed_in(302),
    "/people/{alex}/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/who-has-looked/": signed_in(404, alex=200),
    "/people/{alex}/details/": signed_in(404, **EDITS_CARE_TEAM_RECORD_PART),
    "/people/{alex}/communication/": signed_in(404, **EDITS_RECORD),
    "/people/{alex}/capacity/add/": signed_in(404, **EDITS_CARE_TEAM_RECORD_PART),
    "/people/{alex}/advocacy/": signed_in(404, **EDITS_CARE_TEAM_RECORD_PART),
    "/people/{alex}/attorneys/add/": signed_in(404, **EDITS_CARE_TEAM_RECORD_PART),
    # The circle and care team: the person and the care team add to the circle; the person and
    # the coordinator (priya) add to the care team; only the person invites, grants or shares.
    "/people/{alex}/circle/add/": signed_in(404, **EDITS_RECORD),
    "/people/{alex}/circle/1/invite/": POST_ONLY,
    # The care team invites the person to sign in (ADR-048): a form's POST, like the circle's.
    "/people/{alex}/invite-to-sign-in/": POST_ONLY,
    "/people/{alex}/circle/1/access/": POST_ONLY,
    "/people/{alex}/care-team/add/": signed_in(404, **{**EDITS_RECORD, "dr.jones": 403}),
    "/people/{alex}/consent/1/": POST_ONLY,
    # Only Alex cancels an invitation he sent; none is waiting here, so he gets a 404 too.
    "/people/{alex}/invitations/1/cancel/": signed_in(404, **{**dict.fromkeys(SEES_ALEX, 403), "alex": 404}),
    # An invitation link that opens nothing says so to everyone, signed in or not; so does the
    # page it leads to, for a browser that has not opened a link.
    "/invitations/not-a-real-token/": everyone(404),
    "/invitations/accept/": everyone(404),
    "/invitations/yours/": everyone(404),
    # Messages: everyone signed in reads their own; staff read those about the people they may see
    # (the page is empty for someone who sees nobody); Notify's callback is POST only, with its token.
    "/messages/": signed_in(200),
    "/messages/sent/": signed_in(200, alex=404, sam=404),
    "/messages/choices/": signed_in(200),
    "/messages/notify-callback/": everyone(405),
    # A coordinator marks one of their things to do as done (ADR-032): a change, so POST only.
    "/tasks/1/done/": POST_ONLY,
    # Resetting your own password by email: open to everyone; a made-up link opens nothing.
    "/password-reset/": everyone(200),
    "/password-reset/sent/": everyone(200),
    "/password-reset/done/": everyone(200),
    "/password-reset/MQ/not-a-token/": everyone(404),
    # A link an organisation admin passed on, and the page it leads to, for a browser that has not opened one.
    "/password-link/not-a-real-token/": everyone(404),
    "/password-link/choose/": everyone(404),
    # Managing colleagues: Northbridge Council's admin only; 404 for everyone else.
    "/organisations/{council_a}/staff/invite/": signed_in(404, admin=200),
    "/organisations/{council_a}/staff/{priya}/": signed_in(404, admin=200),
    "/organisations/{council_a}/staff/{priya}/deactivate/": signed_in(404, admin=200),
    "/organisations/{council_a}/staff/{priya}/reset/": POST_ONLY,
    "/organisations/{council_a}/staff/roles/{priya_role}/": POST_ONLY,
    # The living plan
    "/people/{alex}/plan/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/plan/start/": POST_ONLY,
    "/people/{alex}/plan/status/propose/": POST_ONLY,
    # Starting a review asks first; only Alex and his coordinator (priya) may start one. Alex's
    # plan is already being reviewed here, so they are sent back to it.
    "/people/{alex}/plan/review/start/": signed_in(404, **{**dict.fromkeys(SEES_ALEX, 403), "alex": 302, "priya": 302}),
    # Only an attorney or deputy for health and welfare, once Alex is assessed as lacking capacity
    # to agree the plan. Nobody here is one, so those who may see Alex may not do this: 403.
    "/people/{alex}/plan/agree-on-behalf/": signed_in(404, **dict.fromkeys(SEES_ALEX, 403)),
    "/people/{alex}/plan/versions/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/plan/versions/compare/?from=1&to=current": signed_in(404, **SEES_ALEX),
    "/people/{alex}/plan/add/WHAT_MATTERS/": signed_in(404, **WRITES_PLAN),
    "/people/{alex}/plan/add/NEEDS/": signed_in(404, **WRITES_CARE_TEAM_PART),
    "/people/{alex}/plan/add/NOT_A_SECTION/": signed_in(404),
    "/people/{alex}/plan/outcomes/add/": signed_in(404, **WRITES_PLAN),
    "/people/{alex}/plan/outcomes/{outcome}/actions/add/": signed_in(404, **WRITES_PLAN),
    "/people/{alex}/plan/outcomes/{outcome}/progress/": signed_in(404, **WRITES_PLAN),
    "/people/{alex}/plan/actions/{action}/status/": signed_in(404, **WRITES_PLAN),
    "/people/{alex}/plan/risks/add/": signed_in(404, **WRITES_CARE_TEAM_PART),
    "/people/{alex}/plan/review-arrangements/": signed_in(404, **WRITES_PLAN),
    "/people/{alex}/plan/other-plans/add/": signed_in(404, **WRITES_CARE_TEAM_PART),
    "/people/{alex}/plan/outcome/{outcome}/different-view/": signed_in(404, **WRITES_PLAN),
    "/people/{alex}/plan/statements/{statement}/accept/": POST_ONLY,
    # Notes between reviews follow the REVIEW group (ADR-024), shared with the circle by default.
    "/people/{alex}/plan/notes/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/plan/notes/add/": signed_in(404, **WRITES_PLAN),
    # The person's own voice (ADR-025). Dr Jones's suggestion for "What matters to me" is decided by
    # Alex; Dr Jones (who wrote it) and Priya (coordinator) see it waiting but may not decide it; for
    # everyone else it does not exist.
    "/people/{alex}/plan/suggestions/statement/{suggestion}/": signed_in(404, alex=200, priya=403, **{"dr.jones": 403}),
    # Alex's own words: Alex changes or withdraws them; others who see them may not.
    "/people/{alex}/plan/words/statement/{statement}/change/": signed_in(404, **CHANGES_ALEXS_WORDS),
    "/people/{alex}/plan/words/statement/{statement}/withdraw/": signed_in(404, **CHANGES_ALEXS_WORDS),
    "/people/{alex}/plan/words/statement/{statement}/history/": signed_in(404, **SEES_ALEX),
    # Only Alex (or who decides for him) chooses who may write for him.
    "/people/{alex}/plan/writers/": signed_in(404, alex=200),
    "/people/{alex}/plan/writers/1/end/": POST_ONLY,
    "/people/{alex}/about-me/": signed_in(404, **SEES_ALEX),
    # Only Alex chooses who sees which parts of Alex's plan.
    "/people/{alex}/sharing/": signed_in(404, alex=200),
    # The plan in other formats: whoever may read the plan.
    "/people/{alex}/plan/easy-read/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/plan/large-print/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/plan/print/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/plan.pdf": signed_in(404, **SEES_ALEX),
    "/people/{alex}/about-me.pdf": signed_in(404, **SEES_ALEX),
    # Everything held about Alex: Alex's own download, nobody else's.
    "/people/{alex}/export.zip": signed_in(404, alex=200),
    # The community directory (issue 12): everyone signed in searches and reads it; organisation
    # admins keep it (403 for anyone else: the directory is not a secret to hide with a 404).
    "/community/": signed_in(200),
    "/community/resources/{resource}/": signed_in(200),
    "/community/manage/": signed_in(403, admin=200),
    "/community/manage/add/": signed_in(403, admin=200),
    "/community/manage/{resource}/change/": signed_in(403, admin=200),
    "/community/manage/import/": signed_in(403, admin=200),
    "/community/manage/export.json": signed_in(403, admin=200),
    # Local things linked to Alex's plan: whoever sees Alex's plan; whoever writes it links its
    # actions; only Alex answers "did it help?" (403 for others who see it; 404 for everyone else).
    "/community/people/{alex}/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/what-is-on-near-you.pdf": signed_in(404, **SEES_ALEX),
    "/community/people/{alex}/actions/{action}/link/": signed_in(404, **WRITES_PLAN),
    "/community/people/{alex}/links/{link}/did-it-help/": signed_in(404, **CHANGES_ALEXS_WORDS),
    # The person's own preparation (issue 12, ADR-035): Alex's, and whoever writes for him; his care
    # team reads it once he says he has finished (he has not here). Nobody else ever sees it.
    "/people/{alex}/preparation/": signed_in(404, alex=200),
    "/people/{alex}/preparation/answers/": signed_in(404, alex=200),
    "/people/{alex}/preparation/put-in-plan/": signed_in(404, alex=200),
    "/people/{alex}/preparation/finished/": signed_in(404, alex=200),
    # Planning conversations (ADR-035): read by whoever sees the plan (each part as Alex shares it);
    # recorded by his care team only.
    "/people/{alex}/conversations/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/conversations/start/": signed_in(404, **RECORDS_CONVERSATION),
    "/people/{alex}/conversations/{conversation}/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/conversations/{conversation}/add/OUTCOME/": signed_in(404, **RECORDS_CONVERSATION),
    "/people/{alex}/conversations/{conversation}/add/NOT_A_PART/": signed_in(404),
    # The plan in six steps: a view of the plan, for whoever may read the plan.
    "/people/{alex}/plan/six-steps/": signed_in(404, **SEES_ALEX),
    # The planning journey (issue 12): whoever sees Alex sees where he is; only his coordinator
    # (or someone on his care team at the council leading on him) starts planning.
    "/people/{alex}/planning/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/planning/start/": signed_in(404, **{**dict.fromkeys(SEES_ALEX, 403), "priya": 200}),
    # Preparation parts 1 and 3 are the care team's to record (priya, dr.jones); a result that does
    # not exist is a 404 to everyone; going ahead and marking ready change state, so POST only.
    "/people/{alex}/planning/process/": signed_in(404, **PREPARES_ALEX),
    "/people/{alex}/planning/practitioner/": signed_in(404, **PREPARES_ALEX),
    "/people/{alex}/planning/results/add/": signed_in(404, **PREPARES_ALEX),
    "/people/{alex}/planning/results/1/explained/": signed_in(404),
    "/people/{alex}/planning/go-ahead/": POST_ONLY,
    "/people/{alex}/planning/ready/": POST_ONLY,
    # Choosing a coordinator: whoever sees Alex sees who it is; his coordinator suggests one until he
    # has chosen; Alex has not chosen yet, so he has nothing to ask to change; no request is waiting.
    "/people/{alex}/coordinator/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/coordinator/suggest/": signed_in(404, **{**dict.fromkeys(SEES_ALEX, 403), "priya": 200}),
    "/people/{alex}/coordinator/change/": signed_in(404, **dict.fromkeys(SEES_ALEX, 403)),
    "/people/{alex}/coordinator/requests/1/answer/": signed_in(404),
    # The JSON API: the same people see the same things as on the web pages.
    "/api/v1/": everyone(200),
    "/api/v1/docs": everyone(200),
    "/api/v1/openapi.json": everyone(200),
    "/api/v1/no-such-route": everyone(404),
    # FHIR R4 (issue 15): for other systems with a fhir token, so a browser session is a 401.
    "/fhir/r4/metadata": everyone(200),
    "/fhir/r4/Patient": everyone(401),
    "/fhir/r4/Patient/{alex}": everyone(401),
    "/fhir/r4/Patient/{alex}/$everything": everyone(401),
    "/fhir/r4/no-such-thing/at/all": everyone(404),
    # Bulk $export (ADR-045): for systems too; the progress pages for the staff who asked (none here).
    # Bundle POST for import: a GET is not allowed, whoever asks.
    "/fhir/r4/": everyone(405),
    "/fhir/r4/Questionnaire/about-me": everyone(200),  # a definition, about nobody
    "/fhir/r4/$export": everyone(401),
    "/fhir/r4/Patient/$export": everyone(401),
    "/fhir/r4/$export-status/1": everyone(401),
    "/fhir/r4/$export-file/1/Patient.ndjson": everyone(401),
    "/fhir/exports/": signed_in(200, alex=404, sam=404),
    "/fhir/exports/1/": signed_in(404),
    "/fhir/exports/1/cancel": signed_in(405),
    "/fhir/exports/1/Patient.ndjson": signed_in(404),
    # Everyone signed in may list the people they can see; for some that list is empty.
    "/api/v1/people": api(200),
    "/api/v1/people/{alex}": api(404, **SEES_ALEX),
    "/api/v1/people/{alex}/about-me": api(404, **SEES_ALEX),
    "/api/v1/people/{alex}/plan": api(404, **SEES_ALEX),
    "/api/v1/people/{alex}/plan/outcomes": api(404, **SEES_ALEX),
    "/api/v1/people/{alex}/plan/versions": api(404, **SEES_ALEX),
    "/api/v1/people/{alex}/plan/notes": api(404, **SEES_ALEX),
    "/api/v1/people/{alex}/plan/versions/1": api(404, **SEES_ALEX),
    "/api/v1/people/{alex}/plan/actions/{action}": API_WRITE_ONLY,
    "/api/v1/people/{alex}/contact-details": API_WRITE_ONLY,
    "/api/v1/people/{alex}/plan/status/start_review": API_WRITE_ONLY,
    "/api/v1/people/{alex}/plan/outcomes/{outcome}/actions": API_WRITE_ONLY,
    "/api/v1/people/{alex}/plan/outcomes/{outcome}/progress": API_WRITE_ONLY,
    # Appointments (issue 12, ADR-036): whoever sees Alex sees them; his coordinator books, changes,
    # cancels and answers; Alex asks to change his own.
    "/people/{alex}/appointments/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/appointments/book/": signed_in(404, **{**dict.fromkeys(SEES_ALEX, 403), "priya": 200}),
    "/people/{alex}/appointments/{appointment}/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/appointments/{appointment}/invitation.ics": signed_in(404, **SEES_ALEX),
    "/people/{alex}/appointments/{appointment}/change/": signed_in(
        404, **{**dict.fromkeys(SEES_ALEX, 403), "priya": 200}
    ),
    "/people/{alex}/appointments/{appointment}/cancel/": signed_in(
        404, **{**dict.fromkeys(SEES_ALEX, 403), "priya": 200}
    ),
    "/people/{alex}/appointments/{appointment}/ask/": signed_in(404, **{**dict.fromkeys(SEES_ALEX, 403), "alex": 200}),
    "/people/{alex}/appointments/{appointment}/requests/{change_request}/answer/": signed_in(
        404, **{**dict.fromkeys(SEES_ALEX, 403), "priya": 200}
    ),
    # Reviews (issue 13): omar, casey and admin never see Alex, so every page is a 404 for them.
    "/reviews/": signed_in(403, morgan=200, quinn=200),
    "/people/{alex}/reviews/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/reviews/ask/": signed_in(404, **WRITES_PLAN),
    "/people/{alex}/reviews/requests/{review_request}/answer/": signed_in(404, **RUNS_ALEXS_REVIEWS),
    "/people/{alex}/reviews/changes/new/": signed_in(404, **PREPARES_ALEX),
    "/people/{alex}/reviews/changes/{trigger}/decide/": signed_in(404, **RUNS_ALEXS_REVIEWS),
    "/people/{alex}/reviews/handover/": signed_in(404, **PREPARES_ALEX),
    "/people/{alex}/reviews/family-feedback/": signed_in(404, **{**dict.fromkeys(SEES_ALEX, 403), "sam": 200}),
    "/people/{alex}/reviews/reflections/": signed_in(404, **{**PREPARES_ALEX, "quinn": 200}),
    "/people/{alex}/reviews/start/": signed_in(404, **RUNS_ALEXS_REVIEWS),
    "/people/{alex}/reviews/{review}/": signed_in(404, **SEES_ALEX),
    "/people/{alex}/reviews/{review}/views/new/": signed_in(404, **{**ALEX_AND_FAMILY, "priya": 200}),
    "/people/{alex}/reviews/{review}/outcomes/{outcome}/": signed_in(404, **RUNS_ALEXS_REVIEWS),
    "/people/{alex}/reviews/{review}/complete/": signed_in(404, **RUNS_ALEXS_REVIEWS),
    "/people/{alex}/reviews/{review}/rate/": signed_in(404, **ALEX_AND_FAMILY),
    # How Alex wants his reviews: he and his coordinator choose; others who see him read it elsewhere.
    "/people/{alex}/reviews/how/": signed_in(404, **{**dict.fromkeys(SEES_ALEX, 403), "alex": 200, "priya": 200}),
    "/people/{alex}/reviews/{review}/outcomes/{outcome}/actions/new/": signed_in(404, **RUNS_ALEXS_REVIEWS),
    # A note's "ask for a review" sends whoever sees the note on to the ask page; nobody else learns whose it is.
    "/reviews/notes/{note}/ask/": signed_in(404, **dict.fromkeys(SEES_ALEX, 302)),
    "/reviews/organisations/{council_a}/policy/": signed_in(404, admin=200),
    # API tokens for other systems (ADR-052): the organisation's admin only; no token 1 to revoke.
    "/api-tokens/organisations/{council_a}/": signed_in(404, admin=200),
    "/api-tokens/organisations/{council_a}/new/": signed_in(404, admin=200),
    "/api-tokens/organisations/{council_a}/1/revoke/": signed_in(404),
    "/api/v1/people/{alex}/reviews": api(404, **SEES_ALEX),
    "/api/v1/people/{alex}/reviews/requests": API_WRITE_ONLY,
    "/api/v1/people/{alex}/reviews/triggers": API_WRITE_ONLY,
    "/api/v1/people/{alex}/reviews/triggers/{trigger}/decision": API_WRITE_ONLY,
    # Alex has no budget in these records: nobody finds one (tests/api/test_budgets.py has who sees one).
    "/api/v1/people/{alex}/budget": api(404),
    "/api/v1/people/{alex}/budget/submit": API_WRITE_ONLY,
    # Personal budgets (issue 14, ADR-042): the plan's BUDGET part, so whoever Alex shares it with
    # (not Sam, by default); drafted by his care team at the council leading on him (priya). Alex's
    # budget is being drafted here, so there is nothing to decide (morgan: 404) or pay yet (403).
    # `{budget_alex}` is Alex's id once his budget is started.
    "/people/{alex}/budget/": signed_in(404, **{**SEES_ALEX, "sam": 404}),
    "/people/{alex}/budget/start/": signed_in(404, **DRAFTS_BUDGET),
    "/people/{budget_alex}/budget/lines/add/": signed_in(404, **DRAFTS_BUDGET),
    "/people/{budget_alex}/budget/lines/{budget_line}/change/": signed_in(404, **DRAFTS_BUDGET),
    "/people/{budget_alex}/budget/funding/add/": signed_in(404, **DRAFTS_BUDGET),
    "/people/{budget_alex}/budget/spending/add/": signed_in(404, **DRAFTS_BUDGET),
    "/people/{budget_alex}/budget/details/": signed_in(404, **DRAFTS_BUDGET),
    "/people/{budget_alex}/budget/submit/": signed_in(404, **DRAFTS_BUDGET),
    "/people/{budget_alex}/budget/decide/": signed_in(404, **{**DRAFTS_BUDGET, "priya": 403, "morgan": 404}),
    "/people/{budget_alex}/budget/first-payment/": signed_in(404, **{**DRAFTS_BUDGET, "priya": 403}),
    # The funding panel's decision: only a panel member (nobody here), and only at a panel's second tier.
    "/people/{budget_alex}/budget/panel/": signed_in(404, **{**DRAFTS_BUDGET, "priya": 403}),
    # Asking an approver: only while waiting for sign-off (404 while drafted), by the drafters or approvers.
    "/people/{budget_alex}/budget/approver/": signed_in(404, **{**DRAFTS_BUDGET, "priya": 404, "morgan": 404}),
    # Pausing a line: the drafters, while drafting or once approved.
    "/people/{budget_alex}/budget/lines/{budget_line}/pause/": signed_in(404, **DRAFTS_BUDGET),
    # The approvers' queue and the managers' dashboard: approvers (morgan) only.
    "/budgets/": signed_in(404, morgan=200),
    "/budgets/dashboard/": signed_in(404, morgan=200),
    "/budgets/dashboard/sign-off.svg": signed_in(404, morgan=200),
    "/budgets/dashboard/first-payment.svg": signed_in(404, morgan=200),
    "/budgets/dashboard.csv": signed_in(404, morgan=200),
    "/budgets/organisations/{council_a}/settings/": signed_in(404, admin=200),
    # The progress self-assessment (issue 16, ADR-046): everyone signed in has a list (empty for most);
    # Northbridge Council's admin starts rounds and imports versions (404 for everyone else, as for
    # the staff pages); a round is seen by the council's staff and the raters invited (Alex and Sam
    # too), and by nobody else; staff not invited are told so (403); closing changes state: POST only.
    "/self-assessment/": signed_in(200),
    "/self-assessment/organisations/{council_a}/start/": signed_in(404, admin=200),
    "/self-assessment/organisations/{council_a}/versions/": signed_in(404, admin=200),
    "/self-assessment/organisations/{council_a}/versions/import/": signed_in(404, admin=200),
    "/self-assessment/rounds/{sa_round}/": signed_in(404, **SEES_ROUND),
    "/self-assessment/rounds/{sa_round}/invite/": signed_in(404, **RUNS_ROUND),
    "/self-assessment/rounds/{sa_round}/close/": POST_ONLY,
    "/self-assessment/rounds/{sa_round}/rate/": signed_in(404, **RATES),
    "/self-assessment/rounds/{sa_round}/rate/process.talk.what-matters/": signed_in(404, **RATES),
    "/self-assessment/rounds/{sa_round}/results/": signed_in(404, **SEES_ROUND),
    "/self-assessment/rounds/{sa_round}/results/heatmap.svg": signed_in(404, **SEES_ROUND),
    "/self-assessment/rounds/{sa_round}/results/comparison.svg": signed_in(404, **SEES_ROUND),
    "/self-assessment/rounds/{sa_round}/results.csv": signed_in(404, **SEES_ROUND),
    "/self-assessment/rounds/{sa_round}/results.pdf": signed_in(404, **SEES_ROUND),
    "/self-assessment/rounds/{sa_round}/agree/process.talk.what-matters/": signed_in(404, **RUNS_ROUND),
    "/self-assessment/rounds/{sa_round}/actions/": signed_in(404, **SEES_ROUND),
    "/self-assessment/rounds/{sa_round}/actions/add/process.talk.what-matters/": signed_in(404, **RUNS_ROUND),
    "/self-assessment/rounds/{sa_round}/actions/{sa_priority}/": signed_in(404, **SEES_ROUND),
}


PLACEHOLDERS: dict[str, Callable[[AlexPlan], object]] = {
    "alex": lambda r: r.world.alex_record.pk,
    "council_a": lambda r: r.world.council_a.pk,
    "priya": lambda r: r.world.priya.pk,
    "priya_role": lambda r: r.world.priya.memberships.get().pk,
    "statement": lambda r: r.statement.pk,
    # The matrix's own `records` add one; elsewhere there may be none, and the page is a 404.
    "suggestion": lambda r: (
        Statement.objects.filter(plan=r.plan, status=StatementStatus.PROPOSED).values_list("pk", flat=True).first() or 0
    ),
    "outcome": lambda r: r.outcome.pk,
    "action": lambda r: r.action.pk,
    "resource": lambda r: community_resource(r).pk,
    "link": lambda r: community_link(r).pk,
    # The matrix's own `records` start one; elsewhere there may be none, and its pages are a 404.
    "conversation": lambda r: (
        Conversation.objects.filter(person=r.world.alex_record).values_list("pk", flat=True).first() or 0
    ),
    "appointment": alexs_appointment,
    "change_request": alexs_request,
    "review_request": alexs_review_request,
    "trigger": alexs_trigger,
    "review": alexs_review,
    "note": alexs_note,
    "budget_alex": alexs_budget,
    "budget_line": alexs_budget_line,
    "sa_round": northbridge_round,
    "sa_priority": northbridge_priority,
}


def fill(template: str, records: AlexPlan | None = None) -> str:
    """A real URL from a MATRIX key; without records, any id will do (for resolving only)."""
    # Only the placeholders this URL names: some (an appointment) are made when first asked for.
    values = {name: (get(records) if records else 1) for name, get in PLACEHOLDERS.items() if f"{{{name}}}" in template}
    return template.format(**values)


@pytest.fixture
def records(world: World) -> AlexPlan:
    records = build_alex_plan(world)
    # Waiting for Alex: Dr Jones's words for a section in Alex's own voice (ADR-025).
    services.add_statement(records.plan, by=world.dr_jones, section=Section.WHAT_MATTERS, text="Seeing his grandson")
    # Alex's action linked to a walking group (issue 12), made here so a page's URL makes nothing new.
    community_link(records)
    # Morgan signs off budgets as a team manager at Alex's council (issue 14).
    morgan_approves(records)
    # Alex's planning conversation, as Priya recorded it (ADR-035).
    conversations.start_conversation(
        world.alex_record, by=world.priya, plan=records.plan, held_on=timezone.localdate(), where="At home"
    )
    return records


def test_every_row_of_the_matrix_covers_every_persona_and_anonymous() -> None:
    for template, row in MATRIX.items():
        assert set(row) == set(EVERYONE), template


@pytest.mark.parametrize("template", MATRIX)
def test_each_persona_gets_the_expected_status_at(
    records: AlexPlan, client_for: Callable[[str], Client], template: str
) -> None:
    url = fill(template, records)
    responses = {persona: (Client() if persona == ANONYMOUS else client_for(persona)).get(url) for persona in EVERYONE}

    assert {persona: response.status_code for persona, response in responses.items()} == MATRIX[template]
    if responses[ANONYMOUS].status_code == 302:
        assert responses[ANONYMOUS]["Location"].startswith("/sign-in/?next="), (
            "signed-out visitors are asked to sign in"
        )
    if responses[ANONYMOUS].status_code == 401 and not url.startswith("/fhir/"):
        assert responses[ANONYMOUS].json()["code"] == "unauthorized"


def _routes(patterns: list, prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def test_every_url_pattern_has_a_row_in_the_matrix() -> None:
    routes = set(_routes(get_resolver().url_patterns))
    covered = {resolve(urlsplit(fill(template)).path).route for template in MATRIX}

    assert routes - covered == set(), "add a MATRIX row for each of these URL patterns"


def test_the_route_walk_sees_patterns_inside_includes() -> None:
    """Guards the completeness check itself: a walk that stopped at includes would pass vacuously."""
    routes = set(_routes(get_resolver().url_patterns))

    assert {"people/<id:pk>/", "people/<id:pk>/who-has-looked/", "account/security/", "healthz"} <= routes
    assert "people/<id:person_pk>/plan/" in routes
    assert "api/v1/people/<id>/plan" in routes, "routes inside the API's own resolver"
