from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "livingplan.budgets"
    label = "budgets"
    verbose_name = "Personal budgets: costed support linked to outcomes, funding, sign-off with a working-day clock"

    def ready(self) -> None:
        from livingplan.budgets import telling
        from livingplan.core.org_settings import register_settings_page
        from livingplan.notifications import periodic

        register_settings_page(
            "budgets_staff:settings", "Budget sign-off: approval limits, the target and the second tier"
        )

        # Late sign-offs escalated to the next manager, by `livingplan db_worker` (it sits below us).
        periodic.register(
            "budgets.late_sign_offs", telling.escalate_late_sign_offs, every_seconds=telling.EVERY_SECONDS
        )
