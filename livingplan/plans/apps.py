from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "livingplan.plans"
    label = "plans"
    verbose_name = "Plans"

    def ready(self) -> None:
        # The record page (people) follows the person's sharing choices, which live here (ADR-023).
        from livingplan.people.record_parts import register_parts_finder
        from livingplan.plans.sharing import groups_visible_to

        register_parts_finder(groups_visible_to)
