"""The demo has Alex's next review booked, every participant's invitation queued, and his request open."""

from io import StringIO

from django.core.management import call_command

from livingplan.appointments.models import Appointment, ChangeRequest, RequestStatus
from livingplan.notifications.models import OutboxMessage


def test_the_demo_books_alexs_review_and_queues_everyones_invitation(db: None) -> None:
    call_command("seed_demo", password="living-plan-demo", stdout=StringIO())
    review = Appointment.objects.get(person__user__username="alex")
    invited = OutboxMessage.objects.filter(template_key="appointment_booked", person_id=review.person_id)
    assert sorted(invited.values_list("recipient_name", flat=True)) == [
        "Alex Carter",
        "Eleri Jones",
        "Priya Shah",
        "Sam Carter",
    ]
    assert ChangeRequest.objects.get(appointment=review).status == RequestStatus.OPEN
