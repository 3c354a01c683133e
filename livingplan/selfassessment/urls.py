from django.urls import URLPattern, URLResolver

app_name = "selfassessment"
urlpatterns: list[URLPattern | URLResolver] = []
