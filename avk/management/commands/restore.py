"""`manage.py restore ARCHIVE`: a backup into an empty database and an empty MEDIA_ROOT."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from avk import backup


class Command(BaseCommand):
    help = (
        "Loads an archive written by `backup` into the EMPTY database of DATABASE_URL (create it "
        "first with createdb) and puts its files into MEDIA_ROOT (which must be empty). Refuses "
        "a database that holds tables."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="avk-backup-YYYYMMDD-HHMMSS.tar.gz")
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, archive, database="default", **options):
        try:
            restored = backup.restore(archive, alias=database)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Restored into database %(name)s with %(count)s uploaded file.",
                    "Restored into database %(name)s with %(count)s uploaded files.",
                    restored.files,
                )
                % {"name": restored.database, "count": restored.files}
            )
        )
