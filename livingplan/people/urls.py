from django.urls import path

from livingplan.people import own_invitation_views, views

app_name = "people"

urlpatterns = [
    path("<id:pk>/", views.detail, name="detail"),
    path("<id:pk>/who-has-looked/", views.who_has_looked, name="who-has-looked"),
    path("<id:pk>/details/", views.edit_details, name="edit-details"),
    path("<id:pk>/communication/", views.edit_communication, name="edit-communication"),
    path("<id:pk>/capacity/add/", views.add_capacity, name="add-capacity"),
    path("<id:pk>/advocacy/", views.edit_advocacy, name="edit-advocacy"),
    path("<id:pk>/attorneys/add/", views.add_legal_authority, name="add-legal-authority"),
    path("<id:pk>/circle/add/", views.add_circle_member, name="add-circle-member"),
    path("<id:pk>/circle/<id:member_pk>/invite/", views.invite_circle_member, name="invite-circle-member"),
    path("<id:pk>/invite-to-sign-in/", own_invitation_views.invite, name="invite-to-sign-in"),
    path("<id:pk>/circle/<id:member_pk>/access/", views.set_circle_access, name="circle-access"),
    path("<id:pk>/invitations/<id:invitation_pk>/cancel/", views.cancel_invitation, name="cancel-invitation"),
    path("<id:pk>/care-team/add/", views.add_care_team_member, name="add-care-team-member"),
    path("<id:pk>/consent/<id:org_pk>/", views.set_sharing_consent, name="consent"),
]
