"""The reserved `Milestone.kpi_id` column becomes a foreign key to kpis.Kpi (`Milestone.kpi`),
keeping its column: the database only gains the constraint and the index on `kpi_id`, the
state renames the field. Ids that name no KPI (nothing wrote them, but a restored backup
might) are cleared first, so the constraint can be added."""

import django.db.models.deletion
from django.db import migrations, models

SAFE_TO_RUN_WHILE_OLD_VERSION_SERVES = (
    "The column keeps its name and stays a nullable bigint; it gains a foreign key and an "
    "index. The old version never wrote it (the field was not editable and nothing set it)."
)


def clear_unknown_kpis(apps, schema_editor):
    Milestone = apps.get_model("goals", "Milestone")
    Kpi = apps.get_model("kpis", "Kpi")
    known = Kpi.objects.values("pk")
    Milestone.objects.filter(kpi_id__isnull=False).exclude(kpi_id__in=known).update(kpi_id=None)


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0002_initial"),
        ("kpis", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(clear_unknown_kpis, migrations.RunPython.noop),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterField(
                    model_name="milestone",
                    name="kpi_id",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        db_column="kpi_id",
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="kpis.kpi",
                    ),
                ),
            ],
            state_operations=[
                migrations.RemoveField(model_name="milestone", name="kpi_id"),
                migrations.AddField(
                    model_name="milestone",
                    name="kpi",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="milestones",
                        to="kpis.kpi",
                        verbose_name="KPI",
                    ),
                ),
            ],
        ),
    ]
