"""The demo tells issue 12's story: Priya has started planning with Jo, who sees what will happen."""

from django.test import Client

from livingplan.demo.seed import seed_demo
from livingplan.notifications.models import OutboxMessage
from livingplan.people.models import Person

PASSWORD = "demo-password-for-tests"


def test_jo_signs_in_to_the_demo_and_sees_what_will_happen_and_when(db: None) -> None:
    seed_demo(password=PASSWORD)
    jo = Person.objects.get(user__username="jo")
    client = _signed_in("jo")

    home = client.get("/").content.decode()

    assert "You are here: <strong>Preparing</strong>" in home
    assert "You, with Priya Shah" in home
    assert OutboxMessage.objects.filter(person_id=jo.pk, template_key="what_to_expect", channel="EMAIL").exists()
    priya = _signed_in("priya")
    page = priya.get(f"/people/{jo.pk}/planning/practitioner/").content.decode()
    assert "Explained by Eleri Jones on" in page


def _signed_in(username: str) -> Client:
    """Through the real sign-in form, with the demo password."""
    client = Client()
    client.post("/sign-in/", {"username": username, "password": PASSWORD})
    return client
