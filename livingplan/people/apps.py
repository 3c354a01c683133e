from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "livingplan.people"
    label = "people"
    verbose_name = "People"

    def ready(self) -> None:
        # The audit kernel knows no memberships; the people app tells it who acts for which organisation.
        from livingplan.core.services import auditor
        from livingplan.notifications import attention
        from livingplan.notifications.models import register_visible_person_ids
        from livingplan.people.models import visible_person_ids
        from livingplan.people.services import organisation_acted_for, task_for_message

        auditor.register_organisation_finder(organisation_acted_for)
        # Staff see the messages about the people they may see (the notifications app sits below us).
        register_visible_person_ids(visible_person_ids)
        # A message that cannot do its job (a call asked for, no contact, not delivered) is a task
        # for the person's coordinator (ADR-032).
        attention.register_handler(task_for_message)
