"""Messages about reviews, queued in the outbox inside the change's transaction (ADR-030).

Wording: `notifications/texts/reviews.py`. Nobody is told about what they did themselves.
"""

from django.urls import reverse

from livingplan.accounts.models import User
from livingplan.notifications import outbox
from livingplan.people import messaging
from livingplan.people.models import Person
from livingplan.reviews.models import RequestAnswer, ReviewRequest
from livingplan.reviews.people_to_tell import coordinator_of


def reviews_link(person: Person) -> str:
    return messaging.link(reverse("reviews:reviews", kwargs={"person_pk": person.pk}))


def request_received(request: ReviewRequest) -> None:
    """The coordinator hears a review was asked for, with who asked (not why: that is on the page)."""
    person = request.person
    coordinator = coordinator_of(person)
    if coordinator is None or coordinator.pk == request.asked_by_id:
        return
    to = messaging.recipient_for_staff(coordinator)
    outbox.queue(
        template="review_request_received",
        to=to,
        personalisation={
            **messaging.pronoun_fields(person),
            "first_name": to.first_name,
            "by_name": request.asked_by.display_name,
            "link": reviews_link(person),
        },
        key=f"review-request-received-{request.pk}",
        person_id=person.pk,
    )


def request_answered(answer: RequestAnswer, *, by: User) -> None:
    """Whoever asked hears the answer, in their own channel."""
    request = answer.request
    person = request.person
    if request.asked_by_id == by.pk:
        return
    to = messaging.recipient_for_user(person, request.asked_by)
    words = (
        "Yes: the review will be on or before {}.".format(answer.review_on.strftime("%-d %B %Y"))
        if answer.accepted and answer.review_on
        else f"Not now: {answer.reason}"
    )
    outbox.queue(
        template="review_request_answered",
        to=to,
        personalisation={
            "first_name": to.first_name,
            "plan_of": "your" if person.user_id == request.asked_by_id else f"{person.name_to_use}'s",
            "request_answer": words,
            "link": reviews_link(person),
        },
        key=f"review-request-answered-{request.pk}",
        person_id=person.pk,
    )
