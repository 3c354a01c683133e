from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "livingplan.home"
    label = "home"
    verbose_name = "Home pages"
