from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "livingplan.reviews"
    label = "reviews"
    verbose_name = "Reviews: planned, unplanned and requested; triggers with working-day clocks; between reviews"

    def ready(self) -> None:
        # Review due and overdue, and decisions overdue, sent by `livingplan db_worker` (it sits below us).
        from livingplan.notifications import periodic
        from livingplan.reviews import reminders

        periodic.register("reviews.reminders", reminders.remind_about_reviews, every_seconds=reminders.EVERY_SECONDS)
