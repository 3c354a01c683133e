"""A small directory for tests, made through the same service the admin pages use."""

from django.test import override_settings

from livingplan.community import services
from livingplan.community.models import Resource, ResourceKind, ResourceLink
from tests.personas import AlexPlan, World

WALKERS = "Northbridge Riverside Walkers"


def add_walking_group(world: World, *, postcode: str = "NB1 2AA") -> Resource:
    return services.save_resource(
        None,
        by=world.admin,
        name=WALKERS,
        kind=ResourceKind.GROUP,
        description="A gentle hour's walk by the river, then tea.",
        where="Meet at the library steps, Bridge Street",
        postcode=postcode,
        when="Tuesdays at 10am",
        cost="Free",
        accessibility="Flat paths with benches",
        tags="walking, outdoors",
    )


def community_resource(records: AlexPlan) -> Resource:
    """The matrix's one resource: made on first use in a test, then reused."""
    found = Resource.objects.filter(name=WALKERS).first()
    return found or add_walking_group(records.world)


def community_link(records: AlexPlan) -> ResourceLink:
    """The matrix's one link, from Alex's action to the walking group, asked about already (0 weeks)."""
    found = ResourceLink.objects.filter(action=records.action).first()
    if found is not None:
        return found
    with override_settings(COMMUNITY_ASK_AFTER_WEEKS=0):
        return services.link_resource(records.action, community_resource(records), by=records.world.priya)
