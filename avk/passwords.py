"""The password rules' messages in Dutch.

Django 5.2 words "too short" with a `%d` that its Dutch catalogue does not have yet, so a Dutch
person read it in English; this validator says the same with the portal's own message."""

from django.contrib.auth.password_validation import MinimumLengthValidator as DjangoMinimum
from django.utils.translation import ngettext


class MinimumLengthValidator(DjangoMinimum):
    """At least `min_length` characters (12 in the settings: OWASP ASVS 2.1.1)."""

    def get_error_message(self):
        return ngettext(
            "This password is too short. It must contain at least %(min_length)d character.",
            "This password is too short. It must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}
