from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "livingplan.core"
    label = "core"
    verbose_name = "Core"
