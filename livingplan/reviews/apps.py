from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "livingplan.reviews"
    label = "reviews"
    verbose_name = "Reviews: planned, unplanned and requested; triggers with working-day clocks; between reviews"
