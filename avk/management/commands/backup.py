"""`manage.py backup`: the database (pg_dump) and the uploaded files in one dated archive."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from avk import backup


class Command(BaseCommand):
    help = (
        "Writes the PostgreSQL database (pg_dump, custom format) and MEDIA_ROOT to one dated "
        "archive avk-backup-YYYYMMDD-HHMMSS.tar.gz in --directory (default: BACKUP_DIR, else "
        "backups/ in the project folder)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", help="Folder for the archive (default: BACKUP_DIR).")
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, directory=None, database="default", **options):
        try:
            path = backup.create(directory, alias=database)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(_("Backup written: %(path)s") % {"path": path}))
        self.stdout.write(path.as_posix())
