from django.urls import URLPattern, URLResolver, path

from livingplan.budgets import settings_views, staff_views

app_name = "budgets_staff"
# Included under budgets/ (config/urls.py).
urlpatterns: list[URLPattern | URLResolver] = [
    path("", staff_views.queue, name="queue"),
    path("dashboard/", staff_views.board, name="dashboard"),
    path("dashboard/sign-off.svg", staff_views.sign_off_chart, name="sign_off_chart"),
    path("dashboard/first-payment.svg", staff_views.first_payment_chart, name="first_payment_chart"),
    path("dashboard.csv", staff_views.board_csv, name="dashboard_csv"),
    # How the organisation signs off budgets: its admin only (linked from their staff home).
    path("organisations/<id:organisation_pk>/settings/", settings_views.sign_off_settings, name="settings"),
]
