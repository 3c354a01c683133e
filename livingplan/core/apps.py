from django.apps import AppConfig
from django.urls import register_converter


class CoreConfig(AppConfig):
    name = "livingplan.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from livingplan.core.numbers import IdConverter

        # Before any URLconf is imported: every id in a URL pattern is `<id:...>` (core.numbers, ADR-017).
        register_converter(IdConverter, "id")
