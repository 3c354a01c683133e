from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "livingplan.people"
    label = "people"
    verbose_name = "People"
