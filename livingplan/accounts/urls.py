from django.urls import path

from livingplan.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("account/security/", views.security, name="security"),
    path("account/verify/", views.verify, name="verify"),
]
