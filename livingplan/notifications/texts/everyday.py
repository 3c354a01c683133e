"""The everyday messages: care team, suggestions, notes, reviews asked for, actions due, password resets."""

from livingplan.notifications.models import Channel
from livingplan.notifications.texts.base import Template, Wording

# The everyday messages (issue 11). Staff are reached by email; a person, or someone in their circle,
# by the channel they asked for. Texts name nobody but the recipient.
CARE_TEAM_ADDED = Template(
    key="care_team_added",
    wording={
        Channel.EMAIL: Wording(
            subject="You have been added to {person_name}'s care team",
            body=(
                "Hello {first_name},\n\n"
                "{by_name} has added you to {person_name}'s care team on Living Plan. "
                "You can now see {person_their} record and the parts of {person_their} plan "
                "{person_first_name} shares with the care team.\n\n"
                "To see {person_their} record, sign in and open this link:\n\n{link}"
            ),
        ),
    },
)

# Added before the person agreed to share their record with the practitioner's organisation: the
# practitioner cannot see it yet, so the message names nobody (not even who added them: it may be
# the person).
CARE_TEAM_ADDED_AWAITING_CONSENT = Template(
    key="care_team_added_awaiting_consent",
    wording={
        Channel.EMAIL: Wording(
            subject="You have been added to someone's care team",
            body=(
                "Hello {first_name},\n\n"
                "You have been added to the care team of someone on Living Plan. "
                "You will be able to see their record once they agree to share it with {organisation}.\n\n"
                "When they do, they will be on your home page. Sign in here:\n\n{link}"
            ),
        ),
    },
)

SUGGESTION_WAITING = Template(
    key="suggestion_waiting",
    wording={
        Channel.EMAIL: Wording(
            subject="{by_name} has suggested words for your plan",
            body=(
                "Hello {first_name},\n\n"
                "{by_name} has suggested some words for your care and support plan. "
                "They are not in your plan until you say yes.\n\n"
                "To read them and decide, sign in and open this link:\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body="Hello {first_name}. Someone has suggested words for your plan. Read them and decide here: {link}",
        ),
        Channel.LETTER: Wording(
            subject="Someone has suggested words for your plan",
            body=(
                "Dear {first_name},\n\n"
                "{by_name} has suggested some words for your care and support plan. "
                "They are not in your plan until you say yes. "
                "Your care coordinator can read them to you, or you can read them online: {link}"
            ),
        ),
    },
)

# To an attorney or deputy, once the person lacks capacity to decide: they decide for the person.
SUGGESTION_WAITING_ON_BEHALF = Template(
    key="suggestion_waiting_on_behalf",
    wording={
        Channel.EMAIL: Wording(
            subject="{by_name} has suggested words for {person_first_name}'s plan",
            body=(
                "Hello {first_name},\n\n"
                "{by_name} has suggested some words for {person_first_name}'s care and support plan. "
                "They are not in the plan until you say yes for {person_first_name}. "
                "Please think about their wishes and feelings when you decide.\n\n"
                "To read them and decide, sign in and open this link:\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body=(
                "Hello {first_name}. Someone has suggested words for a plan you decide on for someone. "
                "Read them and decide here: {link}"
            ),
        ),
        Channel.LETTER: Wording(
            subject="Someone has suggested words for {person_first_name}'s plan",
            body=(
                "Dear {first_name},\n\n"
                "{by_name} has suggested some words for {person_first_name}'s care and support plan. "
                "They are not in the plan until you say yes for {person_first_name}. "
                "Please think about their wishes and feelings when you decide. "
                "You can read them online: {link}"
            ),
        ),
    },
)

NOTE_ADDED = Template(
    key="note_added",
    wording={
        Channel.EMAIL: Wording(
            subject="{by_name} added a note to {person_name}'s plan",
            body=(
                "Hello {first_name},\n\n"
                "{by_name} has added a note to {person_name}'s care and support plan, "
                "saying how things are going.\n\n"
                "To read it, sign in and open this link:\n\n{link}"
            ),
        ),
    },
)

REVIEW_REQUESTED = Template(
    key="review_requested",
    wording={
        Channel.EMAIL: Wording(
            subject="{by_name} has asked for {person_name}'s plan to be reviewed",
            body=(
                "Hello {first_name},\n\n"
                "{by_name} has added a note to {person_name}'s care and support plan "
                "asking for {person_their} plan to be looked at again.\n\n"
                "Read the note, and start a review with {person_them} if it is needed. "
                "Sign in and open this link:\n\n{link}"
            ),
        ),
    },
)

ACTION_DUE = Template(
    key="action_due",
    wording={
        Channel.EMAIL: Wording(
            subject="Something you agreed to do is due tomorrow",
            body=(
                "Hello {first_name},\n\n"
                "Something you agreed to do in {plan_of} care and support plan "
                "is due tomorrow, {due_on}.\n\n"
                "When it is done, or if it needs more time, say so on the plan. "
                "Sign in and open this link:\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body="Hello {first_name}. Something you agreed to do is due tomorrow. See it here: {link}",
        ),
    },
)

ACTION_OVERDUE = Template(
    key="action_overdue",
    wording={
        Channel.EMAIL: Wording(
            subject="Something you agreed to do is overdue",
            body=(
                "Hello {first_name},\n\n"
                "Something you agreed to do in {plan_of} care and support plan "
                "was due on {due_on} and is not marked as done.\n\n"
                "If it is done, or needs more time, say so on the plan. "
                "Sign in and open this link:\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body="Hello {first_name}. Something you agreed to do is overdue. See it here: {link}",
        ),
        Channel.LETTER: Wording(
            subject="Something you agreed to do is overdue",
            body=(
                "Dear {first_name},\n\n"
                "Something you agreed to do in {plan_of} care and support plan "
                "was due on {due_on} and is not marked as done. "
                "If it is done, or needs more time, tell your care coordinator.\n\n"
                "You can also see it online: {link}"
            ),
        ),
    },
)

PASSWORD_RESET = Template(
    key="password_reset",
    secret_fields=frozenset({"link"}),
    wording={
        # No name, username or address: only the link (issue 11).
        Channel.EMAIL: Wording(
            subject="Reset your Living Plan password",
            body=(
                "Hello,\n\n"
                "Someone asked to reset the password for your Living Plan account.\n\n"
                "To choose a new password, open this link. It works once, for the next hour:\n\n"
                "{link}\n\n"
                "If you did not ask for this, you can ignore this email: your password has not changed."
            ),
        ),
    },
)
