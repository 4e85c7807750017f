"""PostgreSQL: keep the index's text out of the table's rows (TOAST), so rows are narrow.

A search reads every match's row to check its workspace, kind and scope (the GIN index
holds only the words). Rows of ~1.3 kB — the title, the body, the token columns and the
vector stored inline — put three rows in a block: a word in 18,000 documents read 6,700
blocks (14 ms for the count, 16 ms for the page, on the bench's 120,000 documents). With
`toast_tuple_target = 128` PostgreSQL moves the long values out of line as it writes each
row; the same count took 3.6 ms. (Existing rows move when they are next written:
`keel search rebuild` rewrites them all.) SQLite has its covering index instead (0003).
"""

from django.db import migrations

POSTGRES_FORWARD = "ALTER TABLE search_searchdocument SET (toast_tuple_target = 128)"
POSTGRES_BACKWARD = "ALTER TABLE search_searchdocument RESET (toast_tuple_target)"


def _run(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_lookup")]

    operations = [migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD))]
