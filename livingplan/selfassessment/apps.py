from django.apps import AppConfig


class SelfAssessmentConfig(AppConfig):
    name = "livingplan.selfassessment"
    label = "selfassessment"
    verbose_name = "Progress self-assessment: organisations score their planning practice and track an action plan"

    def ready(self) -> None:
        # Reminders to the owners of priorities in an action plan, sent by `livingplan db_worker`.
        from livingplan.notifications import periodic
        from livingplan.selfassessment import reminders

        periodic.register(
            "selfassessment.priority_reminders",
            reminders.remind_about_priorities,
            every_seconds=reminders.EVERY_SECONDS,
        )
