"""The Done column: at most one section per project whose cards are done tasks.

Existing sections named "Done" (as project_create named them, in English or Chinese) become
their project's Done column; their tasks' statuses are left as they are.
"""

from django.db import migrations, models

DONE_NAMES = ["Done", "已完成"]  # project_create's default in en, zh-hans and zh-hant


def flag_done_sections(apps, schema_editor):
    Section = apps.get_model("tasks", "Section")
    seen = set()
    for pk, project_id in (
        Section.objects.filter(name__in=DONE_NAMES)
        .order_by("project_id", "-position", "-id")
        .values_list("pk", "project_id")
    ):
        if project_id not in seen:  # the last one, should a project have two
            seen.add(project_id)
            Section.objects.filter(pk=pk).update(done=True)


class Migration(migrations.Migration):
    dependencies = [
        ("tasks", "0004_list_title_status_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="section",
            name="done",
            field=models.BooleanField(
                default=False,
                help_text="Moving a card here completes the task; completing a task moves it here.",
                verbose_name="done column",
            ),
        ),
        migrations.AddConstraint(
            model_name="section",
            constraint=models.UniqueConstraint(
                condition=models.Q(("done", True)),
                fields=("project",),
                name="section_one_done_column",
            ),
        ),
        migrations.RunPython(flag_done_sections, migrations.RunPython.noop),
    ]
