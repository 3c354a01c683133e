"""The "what to expect" message, sent when planning starts (journeys/services/start.py queues it).

The same steps as the person's home shows (journeys/steps.py, which sits above us in the layers, so
the words are written here again): what happens, who does it, by when. An easy read version for
people who asked for easy read. `by_name` is their coordinator, `due_on` the day by which the
planning conversation should happen. By post it is a PDF in their format (`letter_format`: large
print or easy read), made when it is sent (documents/letters.py), as Notify's own letter
templates cannot be either.
"""

from livingplan.notifications.models import Channel
from livingplan.notifications.texts.base import Template, Wording

_STEPS = (
    "1. Preparing, before {due_on}: you think about what matters to you and what you want to change. "
    "Your care team gathers what they know and explains any test results to you.\n\n"
    "2. Talking it through, by {due_on}: a conversation with {by_name} about your life. "
    "You can bring anyone you choose.\n\n"
    "3. Writing the plan: your plan is written with you, in your own words.\n\n"
    "4. Agreeing it: you read your plan and say whether you agree with it.\n\n"
    "5. Making it happen: you, the people close to you and your care team do what the plan says.\n\n"
    "6. Reviewing, at least every 6 months: you look at your plan again and change what needs to change."
)

_EASY_STEPS = (
    "1. Getting ready. Think about what matters to you. Do this before {due_on}.\n\n"
    "2. Talking. You talk with {by_name} about your life. This happens by {due_on}.\n\n"
    "3. Writing your plan. We write it with you, in your words.\n\n"
    "4. Saying yes. You read your plan. You say if it is right.\n\n"
    "5. Doing the plan. Everyone does what the plan says.\n\n"
    "6. Checking your plan. We look at it again every 6 months."
)

WHAT_TO_EXPECT = Template(
    key="what_to_expect",
    wording={
        Channel.EMAIL: Wording(
            subject="Planning your care and support: what will happen and when",
            body=(
                "Hello {first_name},\n\n"
                "{by_name} has started planning your care and support with you. This is what will happen:\n\n"
                + _STEPS
                + "\n\nYou can see where you are at any time when you sign in:\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body=(
                "Hello {first_name}. Planning your care and support has started. "
                "You will talk it through by {due_on}. See what happens next: {link}"
            ),
        ),
        Channel.LETTER: Wording(
            subject="Planning your care and support: what will happen and when",
            body=(
                "Dear {first_name},\n\n"
                "{by_name} has started planning your care and support with you. This is what will happen:\n\n"
                + _STEPS
                + "\n\nIf you have any questions, please contact {by_name}."
            ),
        ),
    },
    letter_fields=frozenset({"letter_format"}),
)

WHAT_TO_EXPECT_EASY_READ = Template(
    key="what_to_expect_easy_read",
    wording={
        Channel.EMAIL: Wording(
            subject="Your plan: what happens next",
            body=(
                "Hello {first_name},\n\n"
                "We are starting your plan with you. {by_name} will help you.\n\n"
                + _EASY_STEPS
                + "\n\nYou can see this when you sign in:\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body="Hello {first_name}. We are starting your plan. See what happens next: {link}",
        ),
        Channel.LETTER: Wording(
            subject="Your plan: what happens next",
            body=(
                "Dear {first_name},\n\n"
                "We are starting your plan with you. {by_name} will help you.\n\n"
                + _EASY_STEPS
                + "\n\nYou can ask {by_name} if you have questions."
            ),
        ),
    },
    letter_fields=frozenset({"letter_format"}),
)

# The person asked to change coordinator (people/services/coordinator.py): they are told it was
# answered, not what the answer was; the reason is theirs to read behind sign-in.
COORDINATOR_REQUEST_ANSWERED = Template(
    key="coordinator_request_answered",
    wording={
        Channel.EMAIL: Wording(
            subject="Your request to change coordinator has been answered",
            body=(
                "Hello {first_name},\n\n"
                "You asked to change your coordinator on Living Plan. Your request has been answered.\n\n"
                "To see the answer, sign in and open this link:\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body="Hello {first_name}. Your request to change coordinator has been answered. See the answer: {link}",
        ),
        Channel.LETTER: Wording(
            subject="Your request to change coordinator has been answered",
            body=(
                "Dear {first_name},\n\n"
                "You asked to change your coordinator. Your request has been answered. "
                "You can see the answer when you sign in to Living Plan, or ask your care team."
            ),
        ),
    },
    letter_fields=frozenset({"letter_format"}),
)
