from django.urls import path

from livingplan.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.messages_to_you, name="to-you"),
    path("sent/", views.messages_sent, name="sent"),
    path("choices/", views.message_choices, name="choices"),
    path("notify-callback/", views.notify_callback, name="notify-callback"),
]
