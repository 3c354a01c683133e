from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "livingplan.budgets"
    label = "budgets"
    verbose_name = "Personal budgets: costed support linked to outcomes, funding, sign-off with a working-day clock"
