"""A "what is on near you" pack for one person: chosen from what they want to achieve and where they live.

The documents app renders it (as a PDF, in the person's format); this decides what is in it. The
outcomes come through `visible_to(viewer)` and the person's sharing choices: someone who may not
see the outcomes gets a pack of what is near the person, without the outcomes' words.
"""

from dataclasses import dataclass

from django.utils import timezone

from livingplan.accounts.models import User
from livingplan.community import areas, search
from livingplan.community.models import Resource, ResourceLink
from livingplan.community.presenters.links import shared_actions_of
from livingplan.core.presenters import date_long
from livingplan.people.models import Person
from livingplan.people.rules import is_the_person
from livingplan.plans.models import Outcome
from livingplan.plans.sections import SharingGroup
from livingplan.plans.sharing import groups_visible_to

MAX_OUTCOMES = 10  # a pack someone can carry: the outcomes that matter most, a few things for each
PER_OUTCOME = 5
MORE_NEARBY = 8


@dataclass(frozen=True)
class PackItem:
    name: str
    kind: str
    description: str
    where: str
    when: str
    cost: str
    who_for: str
    contact: str
    accessibility: str


@dataclass(frozen=True)
class PackSection:
    because: str  # the outcome in the person's words, or "" for the sections that are not about one
    heading: str
    items: list[PackItem]


@dataclass(frozen=True)
class Pack:
    person: Person
    is_self: bool
    district: str
    title: str
    intro: str
    sections: list[PackSection]
    made_on: str

    @property
    def is_empty(self) -> bool:
        return not any(section.items for section in self.sections)


def _item(resource: Resource) -> PackItem:
    place = ", ".join(line.strip() for line in resource.where.splitlines() if line.strip())
    if resource.postcode and resource.postcode not in place:
        place = f"{place}, {resource.postcode}" if place else resource.postcode
    return PackItem(
        name=resource.name,
        kind=resource.get_kind_display(),
        description=resource.description,
        where=place,
        when=resource.when,
        cost=resource.cost,
        who_for=resource.eligibility,
        contact=", ".join(p for p in (resource.contact_name, resource.contact_phone, resource.contact_email) if p),
        accessibility=resource.accessibility,
    )


def _outcomes(person: Person, viewer: User) -> list[Outcome]:
    if SharingGroup.OUTCOMES not in groups_visible_to(viewer, person):
        return []
    outcomes = Outcome.objects.visible_to(viewer).filter(person=person, is_active=True)
    return list(outcomes.order_by("-importance", "position", "pk")[:MAX_OUTCOMES])


def _linked(person: Person, viewer: User) -> list[Resource]:
    actions = shared_actions_of(person, viewer)
    links = ResourceLink.objects.visible_to(viewer).filter(person=person, action__in=actions, resource__status="ACTIVE")
    return list(dict.fromkeys(link.resource for link in links.select_related("resource")))


def build_pack(person: Person, *, viewer: User) -> Pack:
    district = areas.district(person.postcode)
    is_self = is_the_person(viewer, person)
    shown: set[int] = set()
    sections: list[PackSection] = []

    def take(resources: list[Resource], limit: int) -> list[PackItem]:
        fresh = [r for r in resources if r.pk not in shown][:limit]
        shown.update(r.pk for r in fresh)
        return [_item(r) for r in fresh]

    linked = take(_linked(person, viewer), 50)
    if linked:
        sections.append(PackSection(because="", heading="Already in the plan", items=linked))
    # Only the actions shared with the viewer choose what is offered: a budget action they may not see stays out.
    actions = list(shared_actions_of(person, viewer))
    for outcome in _outcomes(person, viewer):
        words = " ".join([outcome.text, *(a.what for a in actions if a.outcome_id == outcome.pk)])
        items = take(list(search.matching_any(words, district=district)[: PER_OUTCOME * 2]), PER_OUTCOME)
        if items:
            sections.append(PackSection(because=outcome.text, heading=f"For “{outcome.text}”", items=items))
    nearby = search.running().filter(district=district) if district else search.running().none()
    more = take(list(nearby[: MORE_NEARBY * 4]), MORE_NEARBY)
    if more:
        sections.append(PackSection(because="", heading=f"More in {district}", items=more))
    whose = "you" if is_self else person.name_to_use
    area = f" in {district}" if district else ""
    return Pack(
        person=person,
        is_self=is_self,
        district=district,
        title=f"What is on near {whose}",
        intro=f"Groups, activities and places{area} chosen for what {whose} want{'' if is_self else 's'} to achieve.",
        sections=sections,
        made_on=date_long(timezone.localdate()),
    )
