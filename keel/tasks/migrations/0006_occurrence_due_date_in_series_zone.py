"""Timed occurrences of a recurring series are due on the day of the series' own time zone.

They used to store the workspace's day of their due time (a Friday 17:00 Berlin routine read
as Saturday in a Shanghai workspace); their occurrence date is the series' day, so the due
date becomes that. Only occurrences whose due time was never edited are moved (an edited
one no longer sits at its occurrence's time; a later edit stores the series' day too).
"""

import zoneinfo

from django.db import migrations
from django.utils import timezone


def series_day(apps, schema_editor):
    Task = apps.get_model("tasks", "Task")
    rows = (
        Task.objects.filter(recurrence__isnull=False, due_at__isnull=False)
        .exclude(occurrence_date__isnull=True)
        .values_list("pk", "due_at", "due_date", "occurrence_date", "recurrence__timezone")
    )
    for pk, due_at, due_date, occurrence_date, zone_name in rows.iterator():
        try:
            zone = zoneinfo.ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue
        day = timezone.localdate(due_at, zone)
        if day == occurrence_date and due_date != day:
            Task.objects.filter(pk=pk).update(due_date=day)


class Migration(migrations.Migration):
    dependencies = [
        ("tasks", "0005_section_done_column"),
    ]

    operations = [migrations.RunPython(series_day, migrations.RunPython.noop)]
