from django.urls import path

from livingplan.plans.views import agreement, edit, notes, plan, review, sharing, voice

app_name = "plans"

urlpatterns = [
    path("plan/", plan.plan_page, name="plan"),
    path("plan/start/", plan.start, name="start"),
    path("plan/status/<slug:name>/", plan.transition, name="transition"),
    path("plan/review/start/", review.confirm_review, name="confirm-review"),
    path("plan/agree-on-behalf/", agreement.agree_on_behalf, name="agree-on-behalf"),
    path("plan/versions/", plan.versions, name="versions"),
    path("plan/versions/compare/", plan.compare, name="compare"),
    path("plan/add/<slug:section>/", edit.add_statement, name="add-statement"),
    path("plan/outcomes/add/", edit.add_outcome, name="add-outcome"),
    path("plan/outcomes/<id:outcome_pk>/actions/add/", edit.add_action, name="add-action"),
    path("plan/outcomes/<id:outcome_pk>/progress/", edit.record_progress, name="progress"),
    path("plan/actions/<id:action_pk>/status/", edit.action_status, name="action-status"),
    path("plan/risks/add/", edit.add_risk, name="add-risk"),
    path("plan/review-arrangements/", edit.review_arrangements, name="review-arrangements"),
    path("plan/other-plans/add/", edit.add_linked_plan, name="add-linked-plan"),
    path("plan/<slug:kind>/<id:item_pk>/different-view/", edit.record_disagreement, name="disagree"),
    path("plan/statements/<id:statement_pk>/<slug:decision>/", edit.decide_statement, name="decide-statement"),
    path("plan/notes/", notes.notes_page, name="notes"),
    path("plan/notes/add/", notes.add_note, name="add-note"),
    path("plan/suggestions/<slug:item>/<id:item_pk>/", voice.suggestion, name="suggestion"),
    path("plan/words/<slug:item>/<id:item_pk>/change/", voice.change_words, name="change-words"),
    path("plan/words/<slug:item>/<id:item_pk>/withdraw/", voice.withdraw_words, name="withdraw-words"),
    path("plan/words/<slug:item>/<id:item_pk>/history/", voice.word_history, name="word-history"),
    path("plan/writers/", voice.writers, name="writers"),
    path("plan/writers/<id:grant_pk>/end/", voice.end_writer, name="end-writer"),
    path("about-me/", sharing.about_me, name="about-me"),
    path("sharing/", sharing.sharing, name="sharing"),
]
