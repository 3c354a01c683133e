from django.urls import URLPattern, URLResolver

app_name = "interop"
urlpatterns: list[URLPattern | URLResolver] = []
