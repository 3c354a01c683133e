"""The one page someone reaches before they have an account: accepting an invitation to the circle."""

from django.urls import path

from livingplan.people import views

app_name = "invitations"

urlpatterns = [path("<str:token>/", views.accept_invitation, name="accept")]
