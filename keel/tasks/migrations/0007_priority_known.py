"""Priorities outside 0–4 refused by the database too (the services refuse them first).

A recurrence stored with priority 9 (the API accepted it before) made every task list that
showed its occurrences fail. Rows already holding an unknown priority are set to "No
priority" first, so the constraint can be added on any installation.
"""

from django.db import migrations, models

KNOWN = [0, 1, 2, 3, 4]


def forget_unknown_priorities(apps, schema_editor):
    for name in ("Recurrence", "Task"):
        model = apps.get_model("tasks", name)
        model.objects.exclude(priority__in=KNOWN).update(priority=0)


class Migration(migrations.Migration):
    dependencies = [("tasks", "0006_occurrence_due_date_in_series_zone")]

    operations = [
        migrations.RunPython(forget_unknown_priorities, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="recurrence",
            constraint=models.CheckConstraint(
                condition=models.Q(("priority__in", KNOWN)), name="recurrence_priority_known"
            ),
        ),
        migrations.AddConstraint(
            model_name="task",
            constraint=models.CheckConstraint(
                condition=models.Q(("priority__in", KNOWN)), name="task_priority_known"
            ),
        ),
    ]
