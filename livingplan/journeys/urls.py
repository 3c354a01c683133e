from django.urls import URLPattern, URLResolver, path

from livingplan.journeys.views import coordinator, planning, preparation

app_name = "journeys"
# Included under people/<id:person_pk>/ (config/urls.py).
urlpatterns: list[URLPattern | URLResolver] = [
    path("planning/", planning.planning, name="planning"),
    path("planning/start/", planning.start, name="start"),
    path("planning/process/", preparation.process, name="process"),
    path("planning/practitioner/", preparation.practitioner, name="practitioner"),
    path("planning/results/add/", preparation.add_result, name="add-result"),
    path("planning/results/<id:result_pk>/explained/", preparation.explained, name="explained"),
    path("planning/go-ahead/", preparation.go_ahead, name="go-ahead"),
    path("planning/ready/", preparation.ready, name="ready"),
    path("coordinator/", coordinator.coordinator, name="coordinator"),
    path("coordinator/suggest/", coordinator.suggest, name="suggest-coordinator"),
    path("coordinator/change/", coordinator.ask_to_change, name="ask-to-change-coordinator"),
    path("coordinator/requests/<id:request_pk>/answer/", coordinator.answer, name="answer-coordinator-request"),
]
