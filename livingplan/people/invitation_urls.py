"""The pages someone reaches before they have an account: opening an invitation to the circle, and accepting it."""

from django.urls import path

from livingplan.people import own_invitation_views, views

app_name = "invitations"

urlpatterns = [
    # Before the token pattern: "accept" is never a token (they are 43 characters long).
    path("accept/", views.accept_invitation, name="accept"),
    path("yours/", own_invitation_views.accept, name="accept-own"),
    path("<str:token>/", views.open_invitation, name="open"),
]
