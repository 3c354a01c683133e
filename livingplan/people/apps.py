from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "livingplan.people"
    label = "people"
    verbose_name = "People"

    def ready(self) -> None:
        # The audit kernel knows no memberships; the people app tells it who acts for which organisation.
        from livingplan.core.services import auditor
        from livingplan.people.services import organisation_acted_for

        auditor.register_organisation_finder(organisation_acted_for)
