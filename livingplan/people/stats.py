"""Counts about people that identify nobody, for commissioners. Pure functions take numbers."""

from livingplan.accounts.models import Organisation
from livingplan.people.models import Person

SMALL_NUMBER = 5


def suppress(count: int) -> str:
    """Counts under five can identify someone in a small area, so they are never shown."""
    return "fewer than 5" if 0 < count < SMALL_NUMBER else str(count)


def people_led_by(organisation: Organisation) -> dict[str, str]:
    # Aggregate only: no row leaves this function, so it is not a read of anyone's record.
    led = Person.objects.filter(lead_organisation=organisation)
    with_coordinator = led.filter(care_team__is_coordinator=True, care_team__ended_on__isnull=True).distinct()
    return {"people": suppress(led.count()), "with_coordinator": suppress(with_coordinator.count())}
