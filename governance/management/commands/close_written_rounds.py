from django.core.management.base import BaseCommand

from governance.services import close_written_rounds


class Command(BaseCommand):
    help = (
        "Closes written rounds whose deadline has passed (or where every member voted) and "
        "reminds members a day before the deadline (once per round). Run it every hour, e.g. "
        "from cron: 5 * * * * manage.py close_written_rounds"
    )

    def handle(self, *args, **options):
        result = close_written_rounds()
        for proposal in result["closed"]:
            self.stdout.write(f"closed: {proposal.pk} {proposal.title}")
        for proposal in result["reminded"]:
            self.stdout.write(f"reminded: {proposal.pk} {proposal.title}")
        self.stdout.write(
            f"{len(result['closed'])} round(s) closed, {len(result['reminded'])} reminder(s) sent"
        )
