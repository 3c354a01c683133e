"""Finding resources by need (words), tag and area (postcode district).

Words are matched loosely, as people type them ("somewhere to walk"): a resource is found when any
word of three letters or more (other than the common ones) is in its name, description, who it is
for or a tag, and "walking" also finds "walk" (a plain ending is dropped). Only resources that are
running are found.
"""

import re
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from livingplan.community import areas
from livingplan.community.models import Resource, ResourceStatus, Tag

MAX_WORDS = 8
# Words that say nothing about what someone is looking for.
_STOP = """the and for with from that this have want would like some more things thing about into need help
my me our your get going being able"""
STOP_WORDS = frozenset(_STOP.split())
_ENDINGS = ("ing", "ers", "er", "es", "s")


@dataclass(frozen=True)
class Query:
    need: str = ""
    tag: str = ""
    district: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.need or self.tag or self.district)


def stem(word: str) -> str:
    """ "walking" -> "walk", "groups" -> "group": enough to match what people type to what we wrote."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def words(text: str) -> list[str]:
    found = [stem(w) for w in re.findall(r"[a-z0-9']+", text.lower()) if len(w) >= 3 and w not in STOP_WORDS]
    return list(dict.fromkeys(found))[:MAX_WORDS]


def _word(word: str) -> Q:
    return (
        Q(name__icontains=word)
        | Q(description__icontains=word)
        | Q(eligibility__icontains=word)
        | Q(tags__name__icontains=word)
    )


def running() -> "QuerySet[Resource]":
    return Resource.objects.filter(status=ResourceStatus.ACTIVE)


def _any_word(text: str) -> Q | None:
    condition = None
    for word in words(text):
        condition = _word(word) if condition is None else condition | _word(word)
    return condition


def find(query: Query) -> "QuerySet[Resource]":
    found = running()
    condition = _any_word(query.need)
    if condition is not None:
        # A subquery: the join through tags would otherwise repeat a resource once per tag.
        found = found.filter(pk__in=Resource.objects.filter(condition).values("pk"))
    if query.tag:
        found = found.filter(tags__name=query.tag.strip().lower())
    if query.district:
        found = found.filter(district=query.district)
    return found.distinct().order_by("name", "pk")


def matching_any(text: str, *, district: str) -> "QuerySet[Resource]":
    """Running resources that any word of `text` finds, in `district` if one is given: for a pack."""
    condition = _any_word(text)
    if condition is None:
        return running().none()
    found = running().filter(pk__in=Resource.objects.filter(condition).values("pk"))
    return (found.filter(district=district) if district else found).order_by("name", "pk")


def popular_tags(limit: int = 12) -> list[str]:
    """The tags most used by running resources, for browsing without typing."""
    tags = (
        Tag.objects.filter(resources__status=ResourceStatus.ACTIVE)
        .annotate(n=Count("resources"))
        .order_by("-n", "name")
        .values_list("name", flat=True)[:limit]
    )
    return list(tags)


def district_of(text: str) -> str:
    return areas.district(text)
