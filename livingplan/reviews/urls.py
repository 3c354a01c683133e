from django.urls import URLPattern, URLResolver, path

from livingplan.reviews import review_views, views

app_name = "reviews"
# Included under people/<id:person_pk>/ (config/urls.py).
urlpatterns: list[URLPattern | URLResolver] = [
    path("reviews/", views.reviews, name="reviews"),
    path("reviews/ask/", views.ask, name="ask"),
    path("reviews/how/", views.choose, name="choose"),
    path("reviews/requests/<id:pk>/answer/", views.answer, name="answer"),
    path("reviews/changes/new/", views.trigger, name="trigger"),
    path("reviews/changes/<id:pk>/decide/", views.decide, name="decide"),
    path("reviews/handover/", views.handover, name="handover"),
    path("reviews/family-feedback/", views.feedback, name="feedback"),
    path("reviews/reflections/", views.reflections, name="reflections"),
    path("reviews/start/", review_views.start, name="start"),
    path("reviews/<id:pk>/", review_views.review, name="review"),
    path("reviews/<id:pk>/views/new/", review_views.perspective, name="perspective"),
    path("reviews/<id:pk>/outcomes/<id:outcome_pk>/", review_views.outcome, name="outcome"),
    path("reviews/<id:pk>/outcomes/<id:outcome_pk>/actions/new/", review_views.action, name="action"),
    path("reviews/<id:pk>/complete/", review_views.complete, name="complete"),
    path("reviews/<id:pk>/rate/", review_views.rate, name="rate"),
]
