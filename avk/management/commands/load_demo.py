from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from programme.demo import ACCOUNTS, DEMO_PASSWORD

#: Each app's demo step, in the order they build on each other. Each module has load(context).
STEPS = [
    "programme.demo",
    "partners.demo",
    "programme.demo_din",
    "governance.demo",
]


class Command(BaseCommand):
    help = "Loads the demo data from the seeds (programmes, partners, DIN, decisions). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also load when DEBUG is off (never on a production database).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like production. The demo data holds well-known "
                "passwords; use --force only on a demo or test database."
            )
        context = {"out": lambda text: self.stdout.write(text)}
        # The demo's people are invented: the e-mails its workflow steps would send (invitations,
        # written rounds) are kept in memory instead of going to the console or a mail server.
        in_memory = override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
        with in_memory, transaction.atomic():
            for step in STEPS:
                self.stdout.write(f"Demo: {step}")
                import_module(step).load(context)
        self.stdout.write(
            self.style.SUCCESS(f"Demo data loaded. Demo accounts (password '{DEMO_PASSWORD}'):")
        )
        from programme.models import RoleAssignment

        for username, first, last, _email, _staff, superuser, _roles in ACCOUNTS:
            held = RoleAssignment.objects.current().filter(user__username=username)
            what = ", ".join(
                f"{a.get_role_display()} {a.programme.short_name}"
                + (f" ({a.partner})" if a.partner_id else "")
                for a in held.select_related("programme", "partner")
            )
            self.stdout.write(
                f"  {username:<14} {first} {last}: {'superuser' if superuser else what}"
            )
