from django.urls import URLPattern, URLResolver, path

from livingplan.reviews import views

app_name = "reviews_staff"
# Included under reviews/ (config/urls.py).
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.oversight, name="overview"),
]
