"""At most one commitment in force per partner and programme on any day, in the database.

On PostgreSQL an exclusion constraint over the daterange [valid_from, valid_until] (btree_gist
for the equality parts) refuses overlapping periods, also when two requests race. Other
databases (SQLite in development) rely on the service, which locks the partner row, and on the
unique (programme, partner, valid_from) constraint.
"""

from django.db import migrations

CONSTRAINT = "commitment_no_overlap"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        f"ALTER TABLE partners_commitment ADD CONSTRAINT {CONSTRAINT} EXCLUDE USING gist "
        "(programme_id WITH =, partner_id WITH =, "
        "daterange(valid_from, valid_until, '[]') WITH &&)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE partners_commitment DROP CONSTRAINT IF EXISTS {CONSTRAINT}")


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
