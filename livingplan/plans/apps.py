from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "livingplan.plans"
    label = "plans"
    verbose_name = "Plans"

    def ready(self) -> None:
        # The record page (people) follows the person's sharing choices, which live here (ADR-023).
        from livingplan.notifications import periodic
        from livingplan.people.record_parts import register_parts_finder
        from livingplan.plans import reminders
        from livingplan.plans.sharing import groups_visible_to

        register_parts_finder(groups_visible_to)
        # Reminders of actions due and overdue, sent by `livingplan db_worker` (it sits below us).
        periodic.register(
            "plans.action_reminders", reminders.remind_about_actions, every_seconds=reminders.EVERY_SECONDS
        )
