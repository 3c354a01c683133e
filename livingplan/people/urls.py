from django.urls import path

from livingplan.people import views

app_name = "people"

urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/who-has-looked/", views.who_has_looked, name="who-has-looked"),
]
