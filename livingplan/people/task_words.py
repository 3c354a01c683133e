"""What a coordinator's task says, in the person's own pronouns. Pure: no ORM.

A task keeps what the message was about as a short clause with `{they}`, `{them}` and `{their}`
for the person ("{their} care and support plan has been agreed"), so the words follow the
person's pronouns as they are now, not as they were when the message failed.
"""

from livingplan.people.pronouns import Pronouns

# What each of our messages says, in a few words, told about the person (not to them).
ABOUT: dict[str, str] = {
    "plan_agreed": "{their} care and support plan has been agreed",
    "circle_invitation": "{name} invited them to join {their} circle of support",
}
SOMETHING = "there is a message for {them} from Living Plan"

# How the message went, as "did not get ___ saying ...".
A_MESSAGE = {"EMAIL": "an email", "SMS": "a text", "LETTER": "a letter"}


def about_message(template_key: str, subject: str) -> str:
    """The clause for a message: ours if we have one, else its own subject in quotes."""
    if template_key in ABOUT:
        return ABOUT[template_key]
    return f"\u201c{subject}\u201d" if subject else SOMETHING


def fill(clause: str, name: str, pronouns: Pronouns) -> str:
    # Replaced one by one, not str.format: a quoted subject may hold braces of its own.
    for token, value in (("{name}", name), ("{they}", pronouns.they), ("{them}", pronouns.them)):
        clause = clause.replace(token, value)
    return clause.replace("{their}", pronouns.their)


def task_words(
    *,
    kind: str,
    about: str,
    name: str,
    pronouns: Pronouns,
    recipient_name: str = "",
    channel: str = "",
    language: str = "",
) -> str:
    """'Call Alex: his care and support plan has been agreed', and the like, for each kind of task.

    `recipient_name` is "" when the message was for the person; otherwise someone in their circle.
    """
    said = fill(about, name, pronouns)
    if kind == "COORDINATOR_CHANGE":
        wanted = f" (to {about})" if about else ""
        return f"{name} has asked to change {pronouns.their} coordinator{wanted}: answer {pronouns.them}"
    if kind == "CALL":
        return f"Call {name}: {said}"
    who = recipient_name or name
    if kind == "NO_CONTACT":
        if recipient_name:
            return f"We have no way to send {who} a message saying {said}: ask {name} for their email or mobile"
        them = pronouns.them
        return f"We have no way to send {name} a message saying {said}: call {them} and add how to reach {them}"
    message = A_MESSAGE.get(channel, "a message")
    if kind == "LANGUAGE":
        needs = pronouns.verb("needs", "need")
        return (
            f"{name}'s language is {language}, and we sent {pronouns.them} {message} in English saying {said}: "
            f"go through it with {pronouns.them}, with an interpreter if {pronouns.they} {needs} one"
        )
    if recipient_name:
        return f"{who} did not get {message} saying {said}: check their contact details with {name}"
    return f"{name} did not get {message} saying {said}: call {pronouns.them}"
