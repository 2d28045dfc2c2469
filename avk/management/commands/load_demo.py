from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from avk import demo


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
        # `started`: the steps date what they make on the day of its fact (avk.demo.backdate)
        context = {"out": lambda text: self.stdout.write(text), "started": timezone.now()}
        # The demo's people are invented: the e-mails its workflow steps would send (invitations,
        # written rounds) are kept in memory instead of going to the console or a mail server,
        # sent at once rather than queued for the worker (avk.mail), which would mail them later.
        in_memory = override_settings(
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        )
        steps = demo.modules()  # each app registers its step (avk.demo), in order
        with in_memory, transaction.atomic():
            for step in steps:
                self.stdout.write(f"Demo: {step.__name__}")
                step.load(context)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        for step in steps:
            if hasattr(step, "summary"):
                step.summary(context)
