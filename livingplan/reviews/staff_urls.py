from django.urls import URLPattern, URLResolver, path

from livingplan.reviews import policy_views, views

app_name = "reviews_staff"
# Included under reviews/ (config/urls.py).
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.oversight, name="overview"),
    path("notes/<id:pk>/ask/", views.ask_from_note, name="ask_from_note"),
    path("organisations/<id:organisation_pk>/policy/", policy_views.policy, name="policy"),
]
