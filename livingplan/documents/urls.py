from django.urls import path

from livingplan.documents import views

app_name = "documents"

urlpatterns = [
    path("plan/easy-read/", views.easy_read, name="easy-read"),
    path("plan/large-print/", views.large_print, name="large-print"),
    path("plan/print/", views.print_page, name="print"),
    path("plan.pdf", views.plan_pdf, name="plan-pdf"),
    path("about-me.pdf", views.about_me_pdf, name="about-me-pdf"),
    path("export.zip", views.export, name="export"),
    path("what-is-on-near-you.pdf", views.community_pack, name="community-pack"),
]
