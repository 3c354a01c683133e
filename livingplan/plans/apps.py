from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "livingplan.plans"
    label = "plans"
    verbose_name = "Plans"
