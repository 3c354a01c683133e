"""The self-assessment, under `self-assessment/` (config/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from livingplan.selfassessment.views import results, rounds

app_name = "selfassessment"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", rounds.index, name="index"),
    path("organisations/<id:organisation_pk>/start/", rounds.start, name="start"),
    path("organisations/<id:organisation_pk>/versions/", rounds.versions, name="versions"),
    path("organisations/<id:organisation_pk>/versions/import/", rounds.import_version, name="import"),
    path("rounds/<id:pk>/", rounds.round_detail, name="round"),
    path("rounds/<id:pk>/invite/", rounds.invite, name="invite"),
    path("rounds/<id:pk>/close/", rounds.close, name="close"),
    path("rounds/<id:pk>/rate/", rounds.rate, name="rate"),
    path("rounds/<id:pk>/rate/<str:area_id>/", rounds.rate_area, name="rate-area"),
    path("rounds/<id:pk>/results/", results.results, name="results"),
    path("rounds/<id:pk>/results/heatmap.svg", results.heatmap, name="heatmap"),
    path("rounds/<id:pk>/results/comparison.svg", results.comparison, name="comparison"),
    path("rounds/<id:pk>/results.csv", results.results_csv, name="results-csv"),
    path("rounds/<id:pk>/results.pdf", results.results_pdf, name="results-pdf"),
    path("rounds/<id:pk>/agree/<str:area_id>/", results.agree, name="agree"),
    path("rounds/<id:pk>/actions/", results.actions, name="actions"),
    path("rounds/<id:pk>/actions/add/<str:area_id>/", results.add_priority, name="add-priority"),
    path("rounds/<id:pk>/actions/<id:priority_pk>/", results.priority, name="priority"),
]
