import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("people", "__first__"),
        ("plans", "0004_sharing_record_parts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PlanNote",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "contributor_kind",
                    models.CharField(
                        choices=[("PERSON", "The person"), ("CIRCLE", "Circle of support"), ("PRACTITIONER", "Practitioner")],
                        max_length=20,
                    ),
                ),
                ("text", models.TextField(max_length=2000)),
                ("asks_for_review", models.BooleanField(default=False)),
                ("written_at", models.DateTimeField(auto_now_add=True)),
                (
                    "person",
                    models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="people.person"),
                ),
                (
                    "plan",
                    models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="notes", to="plans.plan"),
                ),
                (
                    "written_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "ordering": ["-written_at", "-pk"],
                "indexes": [models.Index(fields=["plan", "-written_at"], name="plannote_plan_written")],
            },
        ),
    ]
