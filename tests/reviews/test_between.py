"""Between reviews: Sam's feedback that raises a concern becomes a change for Priya to decide, and
Priya's reflection on what Alex's feedback changed is read by the quality lead."""

from collections.abc import Callable

from django.test import Client

from livingplan.reviews.models import FamilyFeedback, Trigger, TriggerCategory
from tests.reviews.conftest import Agreed


def test_sams_worried_feedback_becomes_a_change_waiting_for_priyas_decision(
    agreed: Agreed, client_for: Callable[[str], Client]
) -> None:
    url = f"/people/{agreed.world.alex_record.pk}/reviews/family-feedback/"
    client_for("sam").post(url, {"text": "Dad has stopped going to the group.", "raises_concern": "on"})
    trigger = Trigger.objects.get()
    assert (trigger.category, trigger.noticed_by) == (TriggerCategory.FAMILY_FEEDBACK, "Sam Carter")
    priya = client_for("priya")
    assert "Family feedback" in priya.get("/?show=decisions").content.decode()
    hub = priya.get(f"/people/{agreed.world.alex_record.pk}/reviews/").content.decode()
    assert "Dad has stopped going to the group." in hub


def test_feedback_without_a_concern_is_kept_and_raises_nothing(
    agreed: Agreed, client_for: Callable[[str], Client]
) -> None:
    url = f"/people/{agreed.world.alex_record.pk}/reviews/family-feedback/"
    client_for("sam").post(url, {"text": "The walks are going well."})
    assert (FamilyFeedback.objects.count(), Trigger.objects.count()) == (1, 0)


def test_the_quality_lead_reads_priyas_reflection_and_cannot_write_one(
    agreed: Agreed, client_for: Callable[[str], Client]
) -> None:
    url = f"/people/{agreed.world.alex_record.pk}/reviews/reflections/"
    client_for("priya").post(url, {"feedback": "Mornings rush me.", "what_changed": "Care moved to the afternoon."})
    quinn = client_for("quinn")
    assert "Care moved to the afternoon." in quinn.get(url).content.decode()
    assert quinn.post(url, {"feedback": "x", "what_changed": "y"}).status_code == 403
