from django.urls import include, path

urlpatterns = [
    path("", include("livingplan.core.urls")),
    path("", include("livingplan.home.urls")),
    path("", include("livingplan.accounts.urls")),
    path("people/", include("livingplan.people.urls")),
    path("invitations/", include("livingplan.people.invitation_urls")),
    path("people/<id:person_pk>/", include("livingplan.plans.urls")),
    path("people/<id:person_pk>/", include("livingplan.documents.urls")),
    path("people/<id:person_pk>/", include("livingplan.journeys.urls")),
    path("people/<id:person_pk>/", include("livingplan.conversations.urls")),
    path("people/<id:person_pk>/", include("livingplan.appointments.urls")),
    path("people/<id:person_pk>/", include("livingplan.reviews.urls")),
    path("people/<id:person_pk>/", include("livingplan.budgets.urls")),
    path("community/", include("livingplan.community.urls")),
    path("reviews/", include("livingplan.reviews.staff_urls")),
    path("budgets/", include("livingplan.budgets.staff_urls")),
    path("self-assessment/", include("livingplan.selfassessment.urls")),
    path("fhir/r4/", include("livingplan.interop.urls")),
    path("fhir/exports/", include("livingplan.interop.page_urls")),
    path("messages/", include("livingplan.notifications.urls")),
    path("api/v1/", include("livingplan.api.urls")),
    path("api-tokens/", include("livingplan.api.page_urls")),
]

handler404 = "livingplan.core.views.not_found"
handler500 = "livingplan.core.views.server_error"
handler403 = "livingplan.core.views.forbidden"
