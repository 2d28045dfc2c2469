"""Every change to programmes and the roles in them. Views, admin and commands call these."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from avk.access import Role, forget_roles
from avk.concurrency import ensure_fresh
from avk.services import save_with_history

from .models import Programme, ProgrammePhase, ProgrammeSteeringForm, RoleAssignment

User = get_user_model()

PROGRAMME_FIELDS = {"name", "short_name", "slug", "ambition", "start_date", "horizon_years"}


@transaction.atomic
def programme_create(
    *,
    by,
    name,
    short_name,
    slug,
    start_date,
    horizon_years,
    phase,
    steering_form,
    ambition="",
    phase_note="",
    steering_form_note="",
) -> Programme:
    programme = Programme(
        name=name,
        short_name=short_name,
        slug=slug,
        ambition=ambition,
        start_date=start_date,
        horizon_years=horizon_years,
    )
    save_with_history(programme, by=by, reason="programme created")
    programme_set_phase(
        programme=programme, phase=phase, valid_from=start_date, by=by, note=phase_note
    )
    programme_set_steering_form(
        programme=programme,
        steering_form=steering_form,
        valid_from=start_date,
        by=by,
        note=steering_form_note,
    )
    return programme


@transaction.atomic
def programme_update(*, programme_id: int, version: int, by, **fields) -> Programme:
    unknown = set(fields) - PROGRAMME_FIELDS
    if unknown:
        raise TypeError(f"Not a programme field: {', '.join(sorted(unknown))}")
    programme = Programme.objects.select_for_update().get(pk=programme_id)
    ensure_fresh(programme, version)
    for name, value in fields.items():
        setattr(programme, name, value)
    programme.version += 1
    save_with_history(programme, by=by, reason="programme edited")
    return programme


@transaction.atomic
def programme_set_phase(
    *, programme: Programme, phase: str, valid_from: date, by, note=""
) -> ProgrammePhase:
    """The programme enters `phase` from `valid_from`; earlier phases stay as its history."""
    if programme.phases.filter(valid_from=valid_from).exists():
        raise ValidationError(
            {"valid_from": _("A phase already starts on this date; choose another date.")}
        )
    current = programme.phases.in_force(valid_from).first()
    if current is not None and current.phase == phase:
        raise ValidationError({"phase": _("The programme is already in this phase on that date.")})
    record = ProgrammePhase(programme=programme, phase=phase, valid_from=valid_from, note=note)
    save_with_history(record, by=by, reason="phase changed")
    return record


@transaction.atomic
def programme_set_steering_form(
    *, programme: Programme, steering_form: str, valid_from: date, by, note=""
) -> ProgrammeSteeringForm:
    if programme.steering_forms.filter(valid_from=valid_from).exists():
        raise ValidationError(
            {"valid_from": _("A steering form already starts on this date; choose another date.")}
        )
    current = programme.steering_forms.in_force(valid_from).first()
    if current is not None and current.steering_form == steering_form:
        raise ValidationError(
            {"steering_form": _("The programme already has this steering form on that date.")}
        )
    record = ProgrammeSteeringForm(
        programme=programme, steering_form=steering_form, valid_from=valid_from, note=note
    )
    save_with_history(record, by=by, reason="steering form changed")
    return record


def _overlaps(queryset, valid_from: date, valid_until: date | None):
    queryset = queryset.exclude(valid_until__lt=valid_from)
    if valid_until is not None:
        queryset = queryset.exclude(valid_from__gt=valid_until)
    return queryset


@transaction.atomic
def role_assign(
    *,
    programme: Programme,
    by,
    email: str,
    role: str,
    first_name: str = "",
    last_name: str = "",
    valid_from: date | None = None,
    valid_until: date | None = None,
    invite: bool = True,
    **extra,
) -> tuple[RoleAssignment, bool]:
    """Give the person with this e-mail address a role in the programme.

    A person not yet known gets an account without a password and an invitation by e-mail to
    set one. Returns the assignment and whether an invitation was sent.
    """
    email = User.objects.normalize_email(email).strip()
    valid_from = valid_from or timezone.localdate()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User(username=email.lower(), email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.full_clean()
        user.save()
    assignment = role_grant(
        programme=programme,
        user=user,
        role=role,
        valid_from=valid_from,
        valid_until=valid_until,
        by=by,
        **extra,
    )
    invited = invite and not user.has_usable_password()
    if invited:
        transaction.on_commit(lambda: send_invitation(user=user, programme=programme, by=by))
    return assignment, invited


@transaction.atomic
def role_grant(
    *, programme: Programme, user, role: str, by, valid_from: date, valid_until=None, **extra
) -> RoleAssignment:
    """Give a known user a role in the programme (no invitation; see role_assign)."""
    partner = extra.get("partner")
    if partner is not None and not programme.participations.filter(partner=partner).exists():
        raise ValidationError(
            {
                "partner": _("%(partner)s does not take part in %(programme)s.")
                % {"partner": partner, "programme": programme}
            }
        )
    existing = RoleAssignment.objects.select_for_update().filter(
        programme=programme, user=user, role=role
    )
    if _overlaps(existing, valid_from, valid_until).exists():
        raise ValidationError(
            {
                "role": _("%(person)s already holds this role in %(programme)s in that period.")
                % {"person": user, "programme": programme}
            }
        )
    assignment = RoleAssignment(
        programme=programme,
        user=user,
        role=role,
        valid_from=valid_from,
        valid_until=valid_until,
        **extra,
    )
    save_with_history(assignment, by=by, reason=f"role {role} assigned")
    forget_roles(user)
    return assignment


@transaction.atomic
def role_end(*, assignment_id: int, by, valid_until: date | None = None) -> RoleAssignment:
    """End a role on a date (today by default). The assignment stays, as history."""
    assignment = RoleAssignment.objects.select_for_update().get(pk=assignment_id)
    valid_until = valid_until or timezone.localdate()
    if assignment.valid_until is not None and assignment.valid_until <= valid_until:
        raise ValidationError(_("This role has already ended."))
    if valid_until < assignment.valid_from:
        raise ValidationError({"valid_until": _("The end date cannot lie before the start date.")})
    if (
        assignment.role == Role.PROGRAMME_TEAM
        and assignment.user_id == getattr(by, "pk", None)
        and not RoleAssignment.objects.current(valid_until + timedelta(days=1))
        .filter(programme=assignment.programme, role=Role.PROGRAMME_TEAM)
        .exclude(pk=assignment.pk)
        .exists()
    ):
        raise ValidationError(
            _("You are the last member of the programme team; assign someone else first.")
        )
    assignment.valid_until = valid_until
    save_with_history(assignment, by=by, reason="role ended")
    forget_roles(assignment.user)
    return assignment


def invitation_link(user) -> str:
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def send_invitation(*, user, programme: Programme, by) -> None:
    """E-mail the person a link to set their password (valid for PASSWORD_RESET_TIMEOUT)."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "programme": programme,
            "invited_by": by,
            "link": invitation_link(user),
            "valid_days": settings.PASSWORD_RESET_TIMEOUT // 86400,
        }
        subject = _("Invitation to the alliance portal: %(programme)s") % {"programme": programme}
        body = render_to_string("programme/email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])
