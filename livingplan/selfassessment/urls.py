"""The self-assessment, under `self-assessment/` (config/urls.py)."""

from django.urls import URLPattern, URLResolver, path

from livingplan.selfassessment.views import results, rounds

app_name = "selfassessment"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", rounds.index, name="index"),
    path("organisations/<int:organisation_pk>/start/", rounds.start, name="start"),
    path("organisations/<int:organisation_pk>/versions/", rounds.versions, name="versions"),
    path("organisations/<int:organisation_pk>/versions/import/", rounds.import_version, name="import"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round"),
    path("rounds/<int:pk>/invite/", rounds.invite, name="invite"),
    path("rounds/<int:pk>/close/", rounds.close, name="close"),
    path("rounds/<int:pk>/rate/", rounds.rate, name="rate"),
    path("rounds/<int:pk>/rate/<str:area_id>/", rounds.rate_area, name="rate-area"),
    path("rounds/<int:pk>/results/", results.results, name="results"),
    path("rounds/<int:pk>/results/heatmap.svg", results.heatmap, name="heatmap"),
    path("rounds/<int:pk>/results/comparison.svg", results.comparison, name="comparison"),
    path("rounds/<int:pk>/results.csv", results.results_csv, name="results-csv"),
    path("rounds/<int:pk>/results.pdf", results.results_pdf, name="results-pdf"),
    path("rounds/<int:pk>/agree/<str:area_id>/", results.agree, name="agree"),
    path("rounds/<int:pk>/actions/", results.actions, name="actions"),
    path("rounds/<int:pk>/actions/add/<str:area_id>/", results.add_priority, name="add-priority"),
    path("rounds/<int:pk>/actions/<int:priority_pk>/", results.priority, name="priority"),
]
