from django.urls import URLPattern, URLResolver, path

from livingplan.conversations.views import preparation

app_name = "conversations"
urlpatterns: list[URLPattern | URLResolver] = [
    path("preparation/", preparation.overview, name="preparation"),
    path("preparation/answers/", preparation.answers, name="preparation-answers"),
    path("preparation/put-in-plan/", preparation.put_in_plan, name="preparation-put-in-plan"),
    path("preparation/finished/", preparation.finish, name="preparation-finish"),
]
