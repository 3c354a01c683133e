from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "livingplan.api"
    label = "api"
    verbose_name = "API"
