"""Alex getting ready for his next review in the demo (issue 12): a few answers in his own words,
saved and not yet put into his plan, so his agreed plan stays exactly as `alex_plan` left it."""

from livingplan.accounts.models import User
from livingplan.conversations import services as conversations
from livingplan.conversations.models import Prompt
from livingplan.demo.audit import seeding
from livingplan.people.models import Person


def seed_alex_preparation(alex: Person, *, alex_user: User) -> None:
    conversations.save_answers(
        alex,
        by=alex_user,
        answers={
            Prompt.MATTERS_NOW: "Getting out to the allotment, and seeing my grandson on Saturdays.",
            Prompt.WORKING: "Sam's lifts on a Tuesday. The walking group when the weather is dry.",
            Prompt.NOT_WORKING: "Evenings are long since the day centre changed its hours.",
            Prompt.WHO_WHEN_WHERE: "Sam with me. A morning, at home, not Mondays.",
        },
        audit=seeding(alex_user),
    )
