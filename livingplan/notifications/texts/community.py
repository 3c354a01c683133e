"""The community directory's message (issue 12): asking the person whether something local helped.

It names nothing beyond their first name: not the activity, not the action (a text or letter may
be read by someone else). The link opens the question, after signing in.
"""

from livingplan.notifications.models import Channel
from livingplan.notifications.texts.base import Template, Wording

DID_IT_HELP = Template(
    key="community_did_it_help",
    wording={
        Channel.EMAIL: Wording(
            subject="Did it help?",
            body=(
                "Hello {first_name},\n\n"
                "A few weeks ago, something local was added to your care and support plan: "
                "a group, an activity or somewhere to go.\n\n"
                "Did it help? You can answer yes, a bit or no, and say more if you want to. "
                "It takes a minute. Your answer is counted with other people's and never shown with your name.\n\n"
                "Sign in and open this link:\n\n{link}"
            ),
        ),
        Channel.SMS: Wording(
            subject="",
            body=(
                "Hello {first_name}. A few weeks ago something local was added to your plan. "
                "Did it help? Tell us here: {link}"
            ),
        ),
        Channel.LETTER: Wording(
            subject="Did it help?",
            body=(
                "Dear {first_name},\n\n"
                "A few weeks ago, something local was added to your care and support plan: "
                "a group, an activity or somewhere to go.\n\n"
                "Did it help? You can tell your care coordinator, or answer online: {link}\n\n"
                "Your answer is counted with other people's and never shown with your name."
            ),
        ),
    },
)
