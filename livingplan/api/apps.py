from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "livingplan.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        # The token pages, linked from the organisation admin's home (home may not import us).
        from livingplan.api import ratelimit
        from livingplan.core.org_settings import register_settings_page
        from livingplan.notifications import periodic

        register_settings_page("api_tokens:index", "Tokens for other systems to use the API")
        # Counts of finished windows, left by callers who stopped calling (ADR-052).
        periodic.register("api.prune_request_counts", ratelimit.prune, every_seconds=3600)
