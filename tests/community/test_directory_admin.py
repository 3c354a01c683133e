"""Organisation admins keep the community directory; everyone else may read it but not change it."""

from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.community.models import Resource, ResourceKind
from livingplan.core.models import AuditEvent
from tests.personas import PERSONAS, World

WALKING_GROUP = {
    "name": "Meanwood Tuesday walkers",
    "kind": ResourceKind.GROUP,
    "description": "A gentle hour's walk round Meanwood Park, then tea in the cafe.",
    "organisation_name": "Meanwood Friends",
    "where": "Meet at the park gates, Green Road",
    "postcode": "ls6 4lb",
    "when": "Tuesdays at 10am",
    "cost": "Free",
    "eligibility": "Anyone who can walk for an hour with rests",
    "contact_name": "Jo Hill",
    "contact_phone": "0113 496 0000",
    "contact_email": "walks@example.org",
    "website": "https://example.org/walks",
    "accessibility": "Flat paths, benches every few hundred metres",
    "tags": "Walking, outdoors, walking",
    "status": "ACTIVE",
}


def test_the_admin_adds_a_walking_group_and_everyone_can_read_it(client_for: Callable[[str], Client]) -> None:
    admin = client_for("admin")
    form = admin.get("/community/manage/add/")
    assert "Add to the directory" in form.content.decode()

    saved = admin.post("/community/manage/add/", WALKING_GROUP, follow=True)

    assert "The resource is in the directory." in saved.content.decode()
    resource = Resource.objects.get()
    assert (resource.district, resource.postcode) == ("LS6", "LS6 4LB")
    assert sorted(t.name for t in resource.tags.all()) == ["outdoors", "walking"]
    page = client_for("alex").get(f"/community/resources/{resource.pk}/").content.decode()
    assert "Meanwood Tuesday walkers" in page
    assert "Tuesdays at 10am" in page
    assert "Flat paths, benches every few hundred metres" in page
    assert AuditEvent.objects.filter(action="community.resource.added", actor__username="admin").exists()


def test_a_change_is_saved_and_shown(client_for: Callable[[str], Client]) -> None:
    admin = client_for("admin")
    admin.post("/community/manage/add/", WALKING_GROUP)
    resource = Resource.objects.get()

    admin.post(f"/community/manage/{resource.pk}/change/", {**WALKING_GROUP, "when": "Thursdays at 2pm"})

    page = admin.get(f"/community/resources/{resource.pk}/").content.decode()
    assert "Thursdays at 2pm" in page
    assert "Tuesdays at 10am" not in page


def test_a_resource_with_no_name_or_a_made_up_postcode_is_refused_with_messages(
    client_for: Callable[[str], Client],
) -> None:
    response = client_for("admin").post("/community/manage/add/", {**WALKING_GROUP, "name": "", "postcode": "QQ QQ"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter name" in page
    assert Resource.objects.count() == 0


def test_a_bad_postcode_alone_is_refused_on_its_field(client_for: Callable[[str], Client]) -> None:
    response = client_for("admin").post("/community/manage/add/", {**WALKING_GROUP, "postcode": "QQ QQ"})

    assert "Enter a real postcode, like LS6 3AB, or leave it empty" in response.content.decode()
    assert Resource.objects.count() == 0


@pytest.mark.parametrize("username", [p for p in PERSONAS if p != "admin"])
def test_nobody_but_an_organisation_admin_may_add_or_change(
    username: str, world: World, client_for: Callable[[str], Client]
) -> None:
    client = client_for(username)
    refused = client.post("/community/manage/add/", WALKING_GROUP)

    assert refused.status_code == 403
    assert Resource.objects.count() == 0
