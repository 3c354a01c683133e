from django.urls import path

from livingplan.home import views

app_name = "home"

urlpatterns = [
    path("", views.home, name="home"),
    path("tasks/<id:pk>/done/", views.task_done, name="task-done"),
]
