"""The directory's pages: a resource as rows a summary list shows, a list of them, the admin's list."""

from dataclasses import dataclass

from django.db.models import QuerySet

from livingplan.accounts.models import User
from livingplan.community import areas, feedback, search
from livingplan.community.models import Resource, ResourceStatus
from livingplan.community.services.importing import ImportResult
from livingplan.community.services.resources import EDITABLE
from livingplan.people.models import Person


@dataclass(frozen=True)
class ResourceCard:
    """One resource in a list: enough to choose it, with where and when."""

    id: int
    name: str
    kind: str
    summary: str
    where: str
    when: str
    cost: str
    tags: list[str]
    status: str  # "" while running; "Closed for now" otherwise


@dataclass(frozen=True)
class ResourcePage:
    card: ResourceCard
    description: str
    rows: list[tuple[str, str, str]]  # (label, value, "") for `change_rows`; empty values left out
    totals: feedback.Totals
    show_from: int
    may_edit: bool


def _summary(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _where(resource: Resource) -> str:
    place = ", ".join(line.strip() for line in resource.where.splitlines() if line.strip())
    if resource.postcode and resource.postcode not in place:
        place = f"{place}, {resource.postcode}" if place else resource.postcode
    return place


def card(resource: Resource) -> ResourceCard:
    """Reads `resource.tags` through a prefetch where the caller made one (`with_tags`)."""
    return ResourceCard(
        id=resource.pk,
        name=resource.name,
        kind=resource.get_kind_display(),
        summary=_summary(resource.description),
        where=_where(resource),
        when=resource.when,
        cost=resource.cost,
        tags=[tag.name for tag in resource.tags.all()],
        status="" if resource.status == ResourceStatus.ACTIVE else resource.get_status_display(),
    )


def with_tags(resources: "QuerySet[Resource]") -> "QuerySet[Resource]":
    return resources.prefetch_related("tags")


def _ages(resource: Resource) -> str:
    low, high = resource.minimum_age, resource.maximum_age
    if low is not None and high is not None:
        return f"Ages {low} to {high}"
    if low is not None:
        return f"Ages {low} and over"
    return f"Ages up to {high}" if high is not None else ""


def _contact(resource: Resource) -> str:
    return ", ".join(p for p in (resource.contact_name, resource.contact_phone, resource.contact_email) if p)


def resource_page(resource: Resource, *, may_edit: bool) -> ResourcePage:
    eligibility = "; ".join(p for p in (resource.eligibility, _ages(resource)) if p)
    rows = [
        ("What kind", resource.get_kind_display()),
        ("Who runs it", resource.organisation_name),
        ("Where", _where(resource)),
        ("When", resource.when),
        ("Cost", resource.cost),
        ("Who it is for", eligibility),
        ("Accessibility", resource.accessibility),
        ("Contact", _contact(resource)),
        ("Website", resource.website),
        ("Tags", ", ".join(tag.name for tag in resource.tags.all())),
        ("Is it running", resource.get_status_display()),
    ]
    return ResourcePage(
        card=card(resource),
        description=resource.description,
        rows=[(label, value, "") for label, value in rows if value],
        totals=feedback.totals_for(resource),
        show_from=feedback.SHOW_FROM,
        may_edit=may_edit,
    )


def form_initial(resource: Resource) -> dict[str, object]:
    initial: dict[str, object] = {name: getattr(resource, name) for name in EDITABLE}
    initial["tags"] = ", ".join(tag.name for tag in resource.tags.all())
    return initial


@dataclass(frozen=True)
class ImportOutcome:
    imported: bool
    summary: str
    report: list[str]
    added: list[str]
    changed: list[str]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def import_outcome(result: ImportResult) -> ImportOutcome:
    if not result.imported:
        summary = f"Nothing was imported. {_count(len(result.report), 'problem needs', 'problems need')} putting right:"
    elif result.nothing_to_add:
        summary = result.nothing_to_add
    else:
        summary = (
            f"Imported: {_count(len(result.added), 'resource', 'resources')} added, "
            f"{_count(len(result.changed), 'resource', 'resources')} updated."
        )
    return ImportOutcome(
        imported=result.imported, summary=summary, report=result.report, added=result.added, changed=result.changed
    )


SHOWN_AT_MOST = 50  # a page someone can read down; more is a sign to narrow the search


@dataclass(frozen=True)
class SearchPage:
    searched: bool
    summary: str
    cards: list[ResourceCard]
    tags: list[str]
    own_district: str  # the viewer's own area, when they are a person with a postcode
    may_maintain: bool


def _summary_of(query: search.Query, count: int) -> str:
    parts = []
    if query.need:
        parts.append(f"for “{query.need}”")
    if query.tag:
        parts.append(f"tagged “{query.tag}”")
    if query.district:
        parts.append(f"in {query.district}")
    found = "1 result" if count == 1 else f"{count} results"
    return f"{found} {' '.join(parts)}".strip()


def own_district(viewer: User) -> str:
    """The area of the viewer's own record, if they are a person with a postcode."""
    postcode = Person.objects.visible_to(viewer).filter(user_id=viewer.pk).values_list("postcode", flat=True).first()
    return areas.district(postcode or "")


def search_page(query: search.Query | None, *, viewer: User, may_maintain: bool) -> SearchPage:
    """`query` None: the form was not valid, so nothing is searched."""
    searched = query is not None and not query.is_empty
    matches = search.find(query) if query is not None and searched else Resource.objects.none()
    total = matches.count() if searched else 0
    found = [card(r) for r in with_tags(matches[:SHOWN_AT_MOST])]
    summary = _summary_of(query, total) if query else ""
    if total > SHOWN_AT_MOST:
        summary += f" (showing the first {SHOWN_AT_MOST}: add words or an area to narrow it)"
    return SearchPage(
        searched=searched,
        summary=summary,
        cards=found,
        tags=search.popular_tags(),
        own_district=own_district(viewer),
        may_maintain=may_maintain,
    )
