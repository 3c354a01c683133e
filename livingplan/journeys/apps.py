from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "livingplan.journeys"
    label = "journeys"
    verbose_name = "Journeys: starting to plan, what to expect, preparation, choosing a coordinator"

    def ready(self) -> None:
        # Parts 1 and 3 of the preparation are registered as any app's part would be: part 2, the
        # person's own preparation, comes from the conversations app through the same call.
        from livingplan.journeys.facts import PreparationPart, register_preparation_part
        from livingplan.journeys.presenters.preparation import practitioner_summary, process_summary

        register_preparation_part(PreparationPart(1, "The process", process_summary))
        register_preparation_part(PreparationPart(3, "The practitioner's preparation", practitioner_summary))
