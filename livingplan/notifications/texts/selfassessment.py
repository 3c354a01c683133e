"""The progress self-assessment's messages (issue 16): telling a priority's owner it is nearly due, or overdue.

Sent to staff only, by email, naming the organisation and the date, not the priority itself: the
link opens it after signing in.
"""

from livingplan.notifications.models import Channel
from livingplan.notifications.texts.base import Template, Wording

PRIORITY_DUE_SOON = Template(
    key="selfassessment_priority_due",
    wording={
        Channel.EMAIL: Wording(
            subject="A priority you own in the action plan is due soon",
            body=(
                "Hello {first_name},\n\n"
                "A priority you own in {organisation}'s self-assessment action plan is due by {due_on}.\n\n"
                "Say where it is (in progress, done, or stopped), so the next round can see what moved. "
                "Sign in and open this link:\n\n{link}"
            ),
        ),
    },
)

PRIORITY_OVERDUE = Template(
    key="selfassessment_priority_overdue",
    wording={
        Channel.EMAIL: Wording(
            subject="A priority you own in the action plan is overdue",
            body=(
                "Hello {first_name},\n\n"
                "A priority you own in {organisation}'s self-assessment action plan was due by {due_on} "
                "and is not marked as done.\n\n"
                "If it is done, or needs a new date, say so. Sign in and open this link:\n\n{link}"
            ),
        ),
    },
)

RATER_INVITED = Template(
    key="selfassessment_invited",
    wording={
        Channel.EMAIL: Wording(
            subject="Will you help us check how well we plan care and support?",
            body=(
                "Hello {first_name},\n\n"
                "{organisation} is checking how well it plans care and support with people, and would like "
                "to hear from you. You will be asked to choose, for each area, the description that fits "
                "best, and to say why if you want to. You can stop and come back to it.\n\n"
                "Sign in and open this link:\n\n{link}"
            ),
        ),
    },
)
