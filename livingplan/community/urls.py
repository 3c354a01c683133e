from django.urls import URLPattern, URLResolver, path

from livingplan.community.views import directory, links, manage

app_name = "community"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", directory.search, name="search"),
    path("resources/<id:pk>/", directory.resource, name="resource"),
    path("manage/", manage.manage, name="manage"),
    path("manage/add/", manage.add, name="add"),
    path("manage/<id:pk>/change/", manage.edit, name="edit"),
    path("manage/import/", manage.import_file, name="import"),
    path("manage/export.json", manage.export, name="export"),
    path("people/<id:person_pk>/", links.person_links, name="person"),
    path("people/<id:person_pk>/actions/<id:action_pk>/link/", links.link, name="link"),
    path("people/<id:person_pk>/links/<id:pk>/did-it-help/", links.did_it_help, name="did-it-help"),
]
