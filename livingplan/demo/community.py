"""The demo's community directory (issue 12): a handful of things near Alex in Northbridge, imported
as an Open Referral UK file through the same importer an organisation admin uses, and Alex's plan
linked to the walking group some weeks ago, so he is asked "did it help?".

Written for this project: the places are made up (Northbridge is fictional, NB1 is no real district).
"""

import datetime as dt
import json
import uuid
from typing import Any

from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.community import services as community
from livingplan.community.models import Resource, ResourceLink
from livingplan.community.oruk.vocabulary import KIND_TAXONOMY
from livingplan.community.services.links import ask_after
from livingplan.demo.audit import seeding
from livingplan.people.models import Person
from livingplan.plans.models import Action

_NAMESPACE = uuid.UUID("0b7c8f7e-3f0a-4a55-9d7e-6c1d2b3a4f50")  # the demo's own: ids stay the same each run
WALKERS = "Northbridge Riverside Walkers"
# Alex's action the walking group is linked to, and how long ago (past the four weeks, so he is asked).
WALK_ACTION = "Walk to the shop together on Sundays"
LINKED_DAYS_AGO = 33


def _service(name: str, kind: str, description: str, *, where: str, postcode: str, **more: Any) -> dict[str, Any]:
    sid = str(uuid.uuid5(_NAMESPACE, name))
    tags = [*more.get("tags", []), kind]
    service: dict[str, Any] = {
        "id": sid,
        "name": name,
        "description": description,
        "status": "active",
        "organization": {"id": str(uuid.uuid5(_NAMESPACE, more.get("by", name))), "name": more.get("by", name)},
        "schedules": [{"id": str(uuid.uuid5(_NAMESPACE, f"{name}/when")), "description": more.get("when", "")}],
        "cost_options": [{"id": str(uuid.uuid5(_NAMESPACE, f"{name}/cost")), "amount_description": more["cost"]}],
        "contacts": [
            {
                "id": str(uuid.uuid5(_NAMESPACE, f"{name}/contact")),
                "name": more.get("contact", ""),
                "phones": [{"id": str(uuid.uuid5(_NAMESPACE, f"{name}/phone")), "number": more.get("phone", "")}],
            }
        ],
        "service_at_locations": [
            {
                "id": str(uuid.uuid5(_NAMESPACE, f"{name}/at")),
                "location": {
                    "id": str(uuid.uuid5(_NAMESPACE, f"{name}/location")),
                    "location_type": "physical",
                    "name": where,
                    "addresses": [
                        {
                            "id": str(uuid.uuid5(_NAMESPACE, f"{name}/address")),
                            "address_1": more.get("street", ""),
                            "city": "Northbridge",
                            "state_province": "",
                            "postal_code": postcode,
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                    "accessibility": [
                        {"id": str(uuid.uuid5(_NAMESPACE, f"{name}/access")), "description": more.get("access", "")}
                    ],
                },
            }
        ],
        "attributes": [
            {
                "id": str(uuid.uuid5(_NAMESPACE, f"{name}/tag/{tag}")),
                "taxonomy_term": {"id": str(uuid.uuid5(_NAMESPACE, f"tag/{tag}")), "name": tag, "description": tag},
            }
            for tag in tags
        ],
    }
    if "kind_code" in more:
        service["attributes"].append(
            {
                "id": str(uuid.uuid5(_NAMESPACE, f"{name}/kind")),
                "taxonomy_term": {
                    "id": str(uuid.uuid5(_NAMESPACE, f"kind/{more['kind_code']}")),
                    "name": kind,
                    "description": kind,
                    "taxonomy": KIND_TAXONOMY,
                    "term": more["kind_code"],
                },
            }
        )
    return service


DIRECTORY = [
    _service(
        WALKERS,
        "walking",
        "A gentle hour's walk along the river path at an easy pace, with rests on the benches, then tea "
        "at the cafe. Walkers with sticks and frames are welcome; a volunteer walks at the back.",
        where="Meet at the library steps",
        street="Bridge Street",
        postcode="NB1 2AA",
        when="Tuesdays and Fridays at 2pm (afternoons)",
        cost="Free",
        by="Northbridge Walking for Health",
        contact="Jo Hill",
        phone="01632 960444",
        access="Flat tarmac path, benches every 200 metres, accessible toilet at the cafe.",
        tags=["outdoors", "friendship", "stroke recovery"],
        kind_code="group",
    ),
    _service(
        "Northbridge Library",
        "library",
        "Books, large print and audio books, computers with help to use them, and a knit and natter on Thursdays.",
        where="Northbridge Library",
        street="Bridge Street",
        postcode="NB1 2AA",
        when="Monday to Saturday, 9am to 5pm",
        cost="Free",
        by="Northbridge Council",
        access="Step-free entrance, hearing loop at the desk, large print books.",
        tags=["reading", "company", "large print"],
        kind_code="library",
    ),
    _service(
        "Stroke Club Northbridge",
        "peer support",
        "People who have had a stroke, and their families, meet for a chat, a talk now and then, and support.",
        where="St Mary's Church Hall",
        street="Mill Lane",
        postcode="NB1 4QR",
        when="First Wednesday of the month, 2pm to 4pm",
        cost="£1 for tea and biscuits",
        by="Northbridge Stroke Club",
        contact="Pat Green",
        phone="01632 960555",
        access="Ramp at the side door, accessible toilet. Transport can be arranged.",
        tags=["stroke recovery", "company", "carers"],
        kind_code="peer_support",
    ),
    _service(
        "Northbridge Time Bank",
        "time bank",
        "Swap an hour of what you can do (gardening, a lift, a chat) for an hour of help from someone else.",
        where="Northbridge Community Hub",
        street="High Street",
        postcode="NB1 3AB",
        when="Office open Monday to Thursday, 10am to 2pm",
        cost="Free: you give time, not money",
        by="Oakfield Community Hub",
        access="Step-free, with a lift to the first floor.",
        tags=["gardening", "lifts", "volunteering"],
        kind_code="time_bank",
    ),
    _service(
        "Seated exercise at Riverside Leisure Centre",
        "leisure",
        "A gentle class done sitting down, to build strength and balance after illness or a fall.",
        where="Riverside Leisure Centre",
        street="Station Road",
        postcode="NB2 5TT",
        when="Mondays at 11am",
        cost="£3 a session, free with a GP referral",
        by="Riverside Leisure",
        access="Step-free, accessible changing rooms.",
        tags=["exercise", "balance", "walking"],
        kind_code="leisure",
    ),
]


def seed_community(*, admin: User, priya: User, alex: Person) -> list[Resource]:
    """Import the directory as the organisation admin would, then link Alex's walk to the walking group."""
    content = json.dumps({"contents": DIRECTORY}).encode()
    result = community.import_directory(content, by=admin, filename="northbridge-directory.json", audit=seeding(admin))
    if not result.imported:
        raise RuntimeError("The demo directory did not import: " + "; ".join(result.report))
    walkers = Resource.objects.get(name=WALKERS)
    action = Action.objects.filter(person=alex, what=WALK_ACTION).first()
    if action is not None and not ResourceLink.objects.filter(action=action, resource=walkers).exists():
        link = community.link_resource(action, walkers, by=priya, audit=seeding(priya))
        # Demo history only: linked a month ago, so "did it help?" is due now (as in alex_plan.py).
        linked_at = timezone.now() - dt.timedelta(days=LINKED_DAYS_AGO)
        ask_on = timezone.localdate() - dt.timedelta(days=LINKED_DAYS_AGO) + ask_after()
        ResourceLink.objects.filter(pk=link.pk).update(linked_at=linked_at, ask_on=ask_on)
    return list(Resource.objects.all())
