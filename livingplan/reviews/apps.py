from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "livingplan.reviews"
    label = "reviews"
    verbose_name = "Reviews: planned, unplanned and requested; triggers with working-day clocks; between reviews"

    def ready(self) -> None:
        # Review due and overdue, and decisions overdue, sent by `livingplan db_worker` (it sits below us).
        from livingplan.core.org_settings import register_settings_page
        from livingplan.notifications import periodic
        from livingplan.reviews import reminders

        periodic.register("reviews.reminders", reminders.remind_about_reviews, every_seconds=reminders.EVERY_SECONDS)
        # The organisation admin's page for the review policy (ADR-049), linked from their staff home.
        register_settings_page("reviews_staff:policy", "Reviews: how often, and the targets for answering and deciding")
