from django.urls import path

from livingplan.core import views

app_name = "core"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("accessibility-statement/", views.accessibility, name="accessibility"),
    path("privacy-notice/", views.privacy, name="privacy"),
]
