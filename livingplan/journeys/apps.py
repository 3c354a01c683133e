from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "livingplan.journeys"
    label = "journeys"
    verbose_name = "Journeys: starting to plan, what to expect, preparation, choosing a coordinator"
