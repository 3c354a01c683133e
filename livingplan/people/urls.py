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
]
