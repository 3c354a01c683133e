"""Pages where an organisation's admin sets how their organisation works, linked from the staff home.

Apps above `home` (reviews' targets, budgets' approval limits, the API's tokens) each own their
settings page; `home` may not import them, so each registers its page here from `AppConfig.ready`,
as `journeys.facts` does for facts. Keyed by URL name, so registering again replaces.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SettingsPage:
    url_name: str  # reversed with the organisation's id as its one argument
    label: str  # what the admin is choosing, in plain words: "Review targets and how often reviews happen"


_pages: dict[str, SettingsPage] = {}


def register_settings_page(url_name: str, label: str) -> None:
    _pages[url_name] = SettingsPage(url_name=url_name, label=label)


def settings_pages() -> list[SettingsPage]:
    return sorted(_pages.values(), key=lambda page: page.label)
