from django.urls import URLPattern, URLResolver, path

from livingplan.budgets import signoff_views, views

app_name = "budgets"
# Included under people/<id:person_pk>/ (config/urls.py).
urlpatterns: list[URLPattern | URLResolver] = [
    path("budget/", views.budget, name="budget"),
    path("budget/start/", views.start, name="start"),
    path("budget/lines/add/", views.add_line, name="add_line"),
    path("budget/lines/<id:pk>/change/", views.change_line, name="change_line"),
    path("budget/funding/add/", views.set_funding, name="set_funding"),
    path("budget/spending/add/", views.set_route, name="set_route"),
    path("budget/details/", views.details, name="details"),
    path("budget/submit/", signoff_views.submit, name="submit"),
    path("budget/decide/", signoff_views.decide, name="decide"),
    path("budget/first-payment/", signoff_views.first_payment, name="first_payment"),
    path("budget/panel/", signoff_views.panel, name="panel"),
    path("budget/approver/", signoff_views.assign, name="assign"),
    path("budget/lines/<id:pk>/pause/", signoff_views.pause, name="suspend_line"),
]
