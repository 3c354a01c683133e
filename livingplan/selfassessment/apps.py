from django.apps import AppConfig


class SelfAssessmentConfig(AppConfig):
    name = "livingplan.selfassessment"
    label = "selfassessment"
    verbose_name = "Progress self-assessment: organisations score their planning practice and track an action plan"
