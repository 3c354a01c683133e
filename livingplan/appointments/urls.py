from django.urls import URLPattern, URLResolver, path

from livingplan.appointments import views

app_name = "appointments"
# Included under people/<id:person_pk>/ (config/urls.py).
urlpatterns: list[URLPattern | URLResolver] = [
    path("appointments/", views.appointment_list, name="list"),
    path("appointments/book/", views.book, name="book"),
    path("appointments/<id:pk>/", views.appointment, name="appointment"),
    path("appointments/<id:pk>/invitation.ics", views.download, name="download"),
    path("appointments/<id:pk>/change/", views.change, name="change"),
    path("appointments/<id:pk>/cancel/", views.cancel, name="cancel"),
    path("appointments/<id:pk>/ask/", views.ask, name="ask"),
    path("appointments/<id:pk>/requests/<id:request_pk>/answer/", views.answer, name="answer"),
]
