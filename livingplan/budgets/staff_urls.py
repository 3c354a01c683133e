from django.urls import URLPattern, URLResolver

app_name = "budgets_staff"
urlpatterns: list[URLPattern | URLResolver] = []
