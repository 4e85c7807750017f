"""The wiki front page's indexes: live page counts per space and recently changed pages."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("wiki", "0003_space_acl_version")]

    operations = [
        migrations.AddIndex(
            model_name="page",
            index=models.Index(fields=["space", "archived_at"], name="wiki_page_live"),
        ),
        migrations.AddIndex(
            model_name="page",
            index=models.Index(fields=["workspace", "updated_at"], name="wiki_page_recent"),
        ),
    ]
