from django.urls import path

from livingplan.people import views

app_name = "people"

urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/who-has-looked/", views.who_has_looked, name="who-has-looked"),
    path("<int:pk>/details/", views.edit_details, name="edit-details"),
    path("<int:pk>/communication/", views.edit_communication, name="edit-communication"),
    path("<int:pk>/capacity/add/", views.add_capacity, name="add-capacity"),
    path("<int:pk>/advocacy/", views.edit_advocacy, name="edit-advocacy"),
    path("<int:pk>/attorneys/add/", views.add_legal_authority, name="add-legal-authority"),
    path("<int:pk>/circle/add/", views.add_circle_member, name="add-circle-member"),
    path("<int:pk>/circle/<int:member_pk>/invite/", views.invite_circle_member, name="invite-circle-member"),
    path("<int:pk>/circle/<int:member_pk>/access/", views.set_circle_access, name="circle-access"),
    path("<int:pk>/invitations/<int:invitation_pk>/cancel/", views.cancel_invitation, name="cancel-invitation"),
    path("<int:pk>/care-team/add/", views.add_care_team_member, name="add-care-team-member"),
    path("<int:pk>/consent/<int:org_pk>/", views.set_sharing_consent, name="consent"),
]
