from django.urls import URLPattern, URLResolver, path

from livingplan.conversations.views import conversation, preparation, six_steps

app_name = "conversations"
urlpatterns: list[URLPattern | URLResolver] = [
    path("preparation/", preparation.overview, name="preparation"),
    path("preparation/answers/", preparation.answers, name="preparation-answers"),
    path("preparation/put-in-plan/", preparation.put_in_plan, name="preparation-put-in-plan"),
    path("preparation/finished/", preparation.finish, name="preparation-finish"),
    path("conversations/", conversation.conversations, name="list"),
    path("conversations/start/", conversation.start, name="start"),
    path("conversations/<id:conversation_pk>/", conversation.record, name="record"),
    path("conversations/<id:conversation_pk>/add/<str:part>/", conversation.add, name="add"),
    path("plan/six-steps/", six_steps.six_steps_page, name="six-steps"),
]
