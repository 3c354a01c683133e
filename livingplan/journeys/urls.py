from django.urls import URLPattern, URLResolver

app_name = "journeys"
urlpatterns: list[URLPattern | URLResolver] = []
