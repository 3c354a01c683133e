from django.urls import path

from livingplan.accounts import password_reset, staff_views, views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("account/security/", views.security, name="security"),
    path("account/verify/", views.verify, name="verify"),
    # Resetting your own password by email (Django's views, ADR-022).
    path("password-reset/", password_reset.ResetRequestView.as_view(), name="password-reset"),
    path("password-reset/sent/", password_reset.ResetSentView.as_view(), name="password-reset-sent"),
    path("password-reset/done/", password_reset.ResetDoneView.as_view(), name="password-reset-done"),
    path(
        "password-reset/<uidb64>/<token>/",
        password_reset.ResetChooseView.as_view(),
        name="password-reset-choose",
    ),
    # A link an organisation admin passed on. Before the token pattern: "choose" is never a token.
    path("password-link/choose/", staff_views.choose_password, name="password-link-choose"),
    path("password-link/<str:token>/", staff_views.open_link, name="password-link"),
    # An organisation admin managing colleagues: 404 for anyone who is not that organisation's admin.
    path("organisations/<id:org_pk>/staff/invite/", staff_views.invite, name="staff-invite"),
    path("organisations/<id:org_pk>/staff/<id:user_pk>/", staff_views.member, name="staff-member"),
    path(
        "organisations/<id:org_pk>/staff/roles/<id:membership_pk>/",
        staff_views.change_role,
        name="staff-change-role",
    ),
    path("organisations/<id:org_pk>/staff/<id:user_pk>/deactivate/", staff_views.deactivate, name="staff-deactivate"),
    path("organisations/<id:org_pk>/staff/<id:user_pk>/reset/", staff_views.send_reset, name="staff-reset"),
]
