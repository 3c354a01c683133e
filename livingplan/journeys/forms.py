"""Forms for the planning journey, with NHS-style messages."""

import datetime as dt

from django import forms
from django.utils import timezone

from livingplan.core import dates
from livingplan.core import forms as ds

WEEKS_TO_PREPARE = 4


class StartPlanningForm(forms.Form):
    conversation_by = ds.DateField(
        label="By when should the planning conversation happen?",
        kind=dates.PLANNED,
        what="The date of the conversation",
        example="14 9 2026",
        required_message="Enter the date by when the planning conversation should happen",
    )

    @staticmethod
    def suggested_date() -> dt.date:
        return timezone.localdate() + dt.timedelta(weeks=WEEKS_TO_PREPARE)
