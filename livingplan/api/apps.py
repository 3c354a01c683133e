from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "livingplan.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        # The token pages, linked from the organisation admin's home (home may not import us).
        from livingplan.core.org_settings import register_settings_page

        register_settings_page("api_tokens:index", "Tokens for other systems to use the API")
