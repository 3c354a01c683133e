"""Reviews (issue 13): a review asked for and its answer, a review coming up, and the clocks that ran out.

Texts and letters carry no more than a first name and a date: a phone or a doormat may be shared.
Staff are reached by email.
"""

from livingplan.notifications.models import Channel
from livingplan.notifications.texts.base import Template, Wording

REVIEW_REQUEST_RECEIVED = Template(
    key="review_request_received",
    wording={
        Channel.EMAIL: Wording(
            subject="{by_name} has asked for a review of {person_name}'s plan",
            body=(
                "Hello {first_name},\n\n"
                "{by_name} has asked for a review of {person_name}'s care and support plan, and said why. "
                "Please answer: yes with a date, or no with a reason {person_first_name} will read.\n\n"
                "To read the request and answer it, sign in and open this link:\n\n{link}"
            ),
        ),
    },
)

REVIEW_REQUEST_ANSWERED = Template(
    key="review_request_answered",
    wording={
        Channel.EMAIL: Wording(
            subject="Your request for a review has been answered",
            body=(
                "Hello {first_name},\n\n"
                "You asked for a review of {plan_of} plan. {request_answer}\n\n"
                "To read the answer, sign in and open this link:\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body="Hello {first_name}. Your request for a review has been answered. Read the answer here: {link}",
        ),
        Channel.LETTER: Wording(
            subject="Your request for a review",
            body=(
                "Dear {first_name},\n\n"
                "You asked for a review of {plan_of} plan. {request_answer}\n\n"
                "If you have questions, talk to your care coordinator."
            ),
        ),
    },
)

_THINK_ABOUT = (
    "Before then, you might think about:\n"
    "- what is working well in your life and your support\n"
    "- what is not working, or has changed\n"
    "- what you would like to be different a year from now\n"
    "- who you would like to be there"
)

REVIEW_DUE = Template(
    key="review_due",
    wording={
        Channel.EMAIL: Wording(
            subject="Your plan's review is coming up",
            body=(
                "Hello {first_name},\n\n"
                "It is nearly time to look at your care and support plan again together: "
                "your review is due by {due_on}.\n\n" + _THINK_ABOUT + "\n\n"
                "Your care coordinator will get in touch to arrange it. "
                "You can also ask for it now, and see your reviews, here:\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body=(
                "Hello {first_name}. Your plan's review is due by {due_on}. Think about what is working "
                "and what is not. More here: {link}"
            ),
        ),
        Channel.LETTER: Wording(
            subject="Your plan's review is coming up",
            body=(
                "Dear {first_name},\n\n"
                "Your care and support plan's review is due by {due_on}.\n\n" + _THINK_ABOUT + "\n\n"
                "Your care coordinator will get in touch to arrange it."
            ),
        ),
    },
)

REVIEW_OVERDUE = Template(
    key="review_overdue",
    wording={
        Channel.EMAIL: Wording(
            subject="{person_name}'s review is overdue",
            body=(
                "Hello {first_name},\n\n"
                "{person_name}'s plan was due for review by {due_on} and has not been reviewed. "
                "The law says a plan must be looked at again at least every twelve months, "
                "and sooner when things change.\n\n"
                "To see the reviews, sign in and open this link:\n\n{link}"
            ),
        ),
    },
)

DECISION_OVERDUE = Template(
    key="review_decision_overdue",
    wording={
        Channel.EMAIL: Wording(
            subject="A decision about {person_name}'s plan is overdue",
            body=(
                "Hello {first_name},\n\n"
                "Something has changed for {person_name}, and the decision about whether "
                "{person_their} plan needs to change was due by {due_on}. "
                "It has not been made yet.\n\n"
                "To see what happened and decide, sign in and open this link:\n\n{link}"
            ),
        ),
    },
)
