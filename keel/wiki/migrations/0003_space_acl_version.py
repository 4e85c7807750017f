"""Space.acl_version: the key of the cached restrictions that search reads
(keel.wiki.access.restricted_caps); services raise it when a page's access changes."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("wiki", "0002_page_restricted_index")]

    operations = [
        migrations.AddField(
            model_name="space",
            name="acl_version",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
    ]
