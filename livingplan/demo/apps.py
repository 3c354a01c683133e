from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "livingplan.demo"
    label = "demo"
    verbose_name = "Demo data"
