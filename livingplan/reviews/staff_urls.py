from django.urls import URLPattern, URLResolver

app_name = "reviews_staff"
urlpatterns: list[URLPattern | URLResolver] = []
