"""What each form page of reviews says: its title, its button, the line under the title and the
message once saved. Kept apart from the views so each view is only what it loads and which verb it calls."""

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class PageWords:
    title: str
    button: str
    done: str
    lead: str = ""

    def led(self, lead: str) -> "PageWords":
        return replace(self, lead=lead)


ASK = PageWords(
    title="Ask for a review of the plan",
    button="Send the request",
    done="Your request has been sent. The coordinator will answer it, and you will see the answer here.",
    lead="You do not have to wait for the next review date. Say why, and the coordinator will answer.",
)
ASK_OWN = replace(ASK, title="Ask for a review of your plan")
ASK_FROM_NOTE = "You are asking about this note: “{note}”"
ANSWER = PageWords(title="Answer the request for a review", button="Send the answer", done="Your answer has been sent.")
TRIGGER = PageWords(
    title="Record a change that may affect the plan",
    button="Record the change",
    done="Recorded. The coordinator will decide whether the plan needs to change.",
)
DECIDE = PageWords(
    title="Decide whether the plan needs to change", button="Record the decision", done="Your decision is recorded."
)
HANDOVER = PageWords(
    title="Handover",
    button="Save",
    done="Thank you. If the plan may need to change, the coordinator has been asked to decide.",
)
FEEDBACK = PageWords(
    title="Tell us how things are going for {name}",
    button="Send feedback",
    done="Thank you for your feedback. If you were worried, the coordinator will decide what to do.",
)
CHOOSE_OWN = PageWords(
    title="How and how often you want your reviews",
    button="Save my choice",
    done="Your choice is saved. Your next review date follows it.",
    lead="Your plan is looked at again at least this often. You can ask for a review at any time as well.",
)
CHOOSE = replace(
    CHOOSE_OWN,
    title="How and how often they want their reviews",
    button="Save their choice",
    done="Their choice is saved. The next review date follows it.",
    lead="Record what the person chose, in their words where you can.",
)
START = PageWords(
    title="Start a review",
    button="Start the review",
    done="The review has started and the plan is open for changes.",
    lead="Starting a review opens the plan for changes. "
    "Invite everyone involved, and the advocate again if one helped with the plan.",
)
PERSPECTIVE = PageWords(title="What is working and what is not", button="Save the view", done="The view is recorded.")
PERSPECTIVE_OWN = replace(PERSPECTIVE, title="Your view for the review")
OUTCOME = PageWords(title="Look at this outcome again", button="Save", done="Saved.")
ACTION = PageWords(
    title="Add an action agreed at the review",
    button="Add the action",
    done="The action is added to the plan.",
)
COMPLETE = PageWords(
    title="Complete the review",
    button="Complete the review",
    done="The review is complete. The plan is ready for agreement.",
    lead="The next review date goes on the plan, and {name} is asked to agree the plan "
    "as it now stands: that makes its new version.",
)
RATE = PageWords(
    title="How was your review?",
    button="Send",
    done="Thank you. What you told us helps us get reviews right.",
    lead="How true is each of these for you? Answer as many as you like.",
)
POLICY = PageWords(
    title="How {name} runs reviews",
    button="Save the changes",
    done="Saved. Every open clock now counts to these targets.",
    lead="These apply to everyone whose care {name} leads. Working days leave out weekends and bank holidays "
    "in England and Wales; 0 means the same working day.",
)
