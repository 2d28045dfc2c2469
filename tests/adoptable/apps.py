from django.apps import AppConfig


class AdoptableConfig(AppConfig):
    """A tiny adoptable model for the tests of the decide step (installed only by
    avk/settings_test.py): what a budget or a phase plan will register, and nothing more."""

    name = "tests.adoptable"
    label = "adoptable"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from avk import adoption

        from .models import Plan, plan_adopt, plan_check

        adoption.register(Plan, adopt=plan_adopt, check=plan_check)
