"""Remove checked import files nobody confirmed. A checked file waits on the server
(`avk.staging`, MEDIA_ROOT/imports/) between the preview and the confirmation; it is removed on
confirmation and when a new file is uploaded, and this command removes the ones left behind
(schedule it daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from avk.staging import clean_staged


class Command(BaseCommand):
    help = "Removes checked import files older than a day (MEDIA_ROOT/imports)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours", type=float, default=24, help="Remove files older than this (default 24)."
        )

    def handle(self, *args, hours=24, **options):
        removed = clean_staged(older_than_hours=hours)
        self.stdout.write(f"{removed} import file(s) removed.")
