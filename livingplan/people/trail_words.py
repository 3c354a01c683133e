"""What each entry in "Who has looked at your record" says, in plain words, to the person.

Pure: an audit verb (and, for a page, its name) in, a short sentence out. Only the person reads
their own trail, so it speaks to them ("your plan"). A verb missing here still reads sensibly:
"Looked at your record" for reads, "Changed your record" for anything else, and a test keeps
every verb the code writes in this table.
"""

from collections.abc import Mapping
from typing import Any

WORDS = {
    "people.person.viewed": "Looked at your record",
    "people.person.created": "Started your record",
    "people.person.updated": "Changed your personal details",
    "people.communication_needs.updated": "Changed how you like to be contacted and given information",
    "people.advocacy.updated": "Changed what your record says about advocacy",
    "people.capacity.assessed": "Recorded an assessment of a decision you can make",
    "people.legal_authority.added": "Added an attorney or deputy",
    "people.consent.given": "Shared your record with an organisation",
    "people.consent.withdrawn": "Stopped sharing your record with an organisation",
    "people.circle.member_added": "Added someone to your circle of support",
    "people.circle.invited": "Invited someone in your circle of support to sign in",
    "people.circle.invitation_opened": "Opened an invitation to sign in",
    "people.circle.invitation_cancelled": "Cancelled an invitation to sign in",
    "people.circle.invitation_accepted": "Accepted an invitation and signed in",
    "people.own_invitation.sent": "Sent you a link to choose a password and sign in",
    "people.own_invitation.opened": "Opened the link to choose your password",
    "people.own_invitation.accepted": "Chose your password and signed in for the first time",
    "people.circle.access_turned_on": "Let someone in your circle of support see your record",
    "people.circle.access_turned_off": "Stopped someone in your circle of support seeing your record",
    "people.care_team.member_added": "Added someone to your care team",
    "people.coordinator.suggested": "Suggested who your coordinator could be",
    "people.coordinator.chosen": "Recorded your choice of coordinator",
    "people.coordinator.change_asked": "Asked to change your coordinator",
    "people.coordinator.change_accepted": "Changed your coordinator, as you asked",
    "people.coordinator.change_declined": "Answered your request to change coordinator",
    "journeys.planning.started": "Started planning with you",
    "journeys.preparation.answered": "Recorded part of the preparation for your planning",
    "journeys.result.added": "Recorded a test or assessment result",
    "journeys.result.explained": "Recorded that a result was explained to you",
    "journeys.preparation.going_ahead": "Recorded that you chose to go ahead before every result was explained",
    "journeys.preparation.ready": "Marked your planning conversation as ready",
    "people.coordinator_task.done": "Marked as done something to do for you, such as a call",
    "people.record.exported": "Downloaded everything held about you",
    "plans.plan.viewed": "Looked at your plan",
    "plans.notes.viewed": "Read the notes on your plan",
    "plans.plan.created": "Started your plan",
    "plans.plan.proposed": "Asked for your plan to be agreed",
    "plans.plan.withdrawn": "Took your plan back to make changes",
    "plans.plan.agreed": "Agreed your plan",
    "plans.plan.activated": "Started using your plan",
    "plans.plan.review_started": "Started a review of your plan",
    "plans.plan.exported": "Downloaded your plan as a PDF",
    "plans.version.signed": "Signed a version of your plan",
    "plans.statement.added": "Added to your plan",
    "plans.statement.removed": "Took something out of your plan",
    "plans.statement.accepted": "Accepted a suggestion for your plan",
    "plans.statement.declined": "Turned down a suggestion for your plan",
    "plans.statement.edited": "Changed words in your plan",
    "plans.statement.withdrawn": "Took words out of your plan",
    "plans.outcome.added": "Added an outcome",
    "plans.outcome.accepted": "Accepted a suggested outcome for your plan",
    "plans.outcome.declined": "Turned down a suggested outcome for your plan",
    "plans.outcome.edited": "Changed the words of an outcome",
    "plans.outcome.withdrawn": "Took an outcome out of your plan",
    "plans.writer.named": "Chose someone who may write in your plan for you",
    "plans.writer.ended": "Stopped someone writing in your plan for you",
    "plans.outcome.progress_recorded": "Recorded progress towards an outcome",
    "plans.action.added": "Added an action",
    "plans.action.status_changed": "Updated how an action is going",
    "plans.risk.added": "Added a risk and what was agreed about it",
    "plans.review_arrangements.changed": "Changed when your plan will be reviewed",
    "plans.linked_plan.added": "Linked another plan to yours",
    "plans.disagreement.recorded": "Wrote down a different view",
    "plans.note.added": "Added a note to your plan",
    "plans.sharing.changed": "Changed who can see parts of your plan",
    "documents.document.viewed": "Asked for a copy of your plan",
}

# Pages recorded as "<app>.page.viewed" (ADR-020), by the page's name in the URLconf.
PAGES = {
    "people": {
        "detail": "Looked at your record",
        "edit-details": "Opened your personal details to change them",
        "edit-communication": "Opened how you like to be contacted, to change it",
        "edit-advocacy": "Opened what your record says about advocacy, to change it",
        "add-capacity": "Opened the form to record a capacity assessment",
        "add-legal-authority": "Opened the form to add an attorney or deputy",
        "add-circle-member": "Opened the form to add someone to your circle of support",
        "add-care-team-member": "Opened the form to add someone to your care team",
        "cancel-invitation": "Looked at an invitation to sign in",
    },
    "plans": {
        "plan": "Looked at your plan",
        "about-me": "Looked at your one-page profile",
        "versions": "Looked at the earlier versions of your plan",
        "compare": "Compared two versions of your plan",
        "sharing": "Looked at who can see your plan",
        "notes": "Read the notes on your plan",
        "add-note": "Opened the form to add a note to your plan",
    },
    "documents": {
        "easy-read": "Looked at your plan in easy read",
        "large-print": "Looked at your plan in large print",
        "print": "Looked at your plan as a page to print",
    },
}
PAGE_DEFAULTS = {"people": "Looked at your record", "plans": "Looked at your plan", "documents": "Looked at your plan"}
# `rendering` as the documents app records it: the format, or "print:" and the format.
RENDERINGS = {"easy-read": "in easy read", "large-print": "in large print", "standard": ""}


def describe(action: str, detail: Mapping[str, Any] | None = None) -> str:
    detail = detail or {}
    app, _, rest = action.partition(".")
    if rest == "page.viewed":
        page = str(detail.get("page", ""))
        return PAGES.get(app, {}).get(page) or PAGE_DEFAULTS.get(app, "Looked at your record")
    if action == "plans.plan.viewed" and "rendering" in detail:
        printing, _, fmt = str(detail["rendering"]).rpartition(":")
        how = RENDERINGS.get(fmt, "")
        what = "Looked at your plan as a page to print" if printing else "Looked at your plan"
        return f"{what} {how}".strip()
    if action in WORDS:
        return WORDS[action]
    return "Looked at your record" if action.endswith((".viewed", ".exported")) else "Changed your record"
