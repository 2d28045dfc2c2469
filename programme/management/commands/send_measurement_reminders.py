"""E-mail indicator owners whose measurement is due. Idempotent: one e-mail per indicator and
period, however often it runs (schedule it daily, e.g. from cron or a systemd timer)."""

from datetime import date

from django.core.management.base import BaseCommand

from programme.din.services.reminders import send_measurement_reminders


class Command(BaseCommand):
    help = "E-mails the owners of indicators whose measurement is due (once per period)."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Pretend it is this date (YYYY-MM-DD).")
        parser.add_argument("--dry-run", action="store_true", help="Only list what would be sent.")

    def handle(self, *args, today=None, dry_run=False, **options):
        on = date.fromisoformat(today) if today else None
        # The system path: a scheduled job acts for nobody (see send_measurement_reminders).
        sent = send_measurement_reminders(by=None, today=on, dry_run=dry_run)
        for indicator, period_end in sent:
            self.stdout.write(f"{indicator.programme.short_name}: {indicator} ({period_end})")
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(f"{len(sent)} reminder(s) {verb}.")
