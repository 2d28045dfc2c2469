"""Every change to programmes and the roles in them. Views, the admin and the demo data call these.

Each service asks the policy first (`avk.policy.require(by, "programme.<verb>", obj)`), so the
pages, the admin and the demo data cannot differ; a refusal raises `avk.policy.Refused` (403).
Every service acts for a person: there is no system path, and the demo data acts as its
superuser. Changes go through `avk.services`, recording the events of programme.core.events.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from avk import mail
from avk.access import Role, forget_roles
from avk.policy import require
from avk.services import end_period, save_with_history, update_versioned

from . import events  # noqa: F401  (registers the events recorded below)
from .models import (
    HomeDismissal,
    Programme,
    ProgrammePhase,
    ProgrammeSteeringForm,
    RoleAssignment,
)

User = get_user_model()


# --- the programme ----------------------------------------------------------------------------


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
    """A new programme, in its first phase and steering form from its start date."""
    require(by, "programme.create", None)
    programme = Programme(
        name=name,
        short_name=short_name,
        slug=slug,
        ambition=ambition,
        start_date=start_date,
        horizon_years=horizon_years,
    )
    save_with_history(programme, by=by, event="programme.created")
    _record_phase(programme, phase=phase, valid_from=start_date, by=by, note=phase_note)
    _record_steering_form(
        programme,
        steering_form=steering_form,
        valid_from=start_date,
        by=by,
        note=steering_form_note,
    )
    return programme


def programme_update(*, programme_id: int, version: int, by, **fields) -> Programme:
    """Edit the programme's own fields (`Programme.EDITABLE_FIELDS`), refusing a save from a
    form opened on an older version (`StaleEdit`)."""
    programme = Programme.objects.get(pk=programme_id)
    require(by, "programme.change", programme)
    unknown = set(fields) - set(Programme.EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not a programme field: {', '.join(sorted(unknown))}")
    return update_versioned(programme, version=version, by=by, event="programme.edited", **fields)


@transaction.atomic
def programme_set_phase(
    *, programme: Programme, phase: str, valid_from: date, by, note=""
) -> ProgrammePhase:
    """The programme enters `phase` from `valid_from`; earlier phases stay as its history."""
    require(by, "programme.change", programme)
    return _record_phase(programme, phase=phase, valid_from=valid_from, by=by, note=note)


@transaction.atomic
def programme_set_steering_form(
    *, programme: Programme, steering_form: str, valid_from: date, by, note=""
) -> ProgrammeSteeringForm:
    """The programme is steered in `steering_form` from `valid_from`."""
    require(by, "programme.change", programme)
    return _record_steering_form(
        programme, steering_form=steering_form, valid_from=valid_from, by=by, note=note
    )


def _record_phase(programme, *, phase, valid_from, by, note) -> ProgrammePhase:
    if programme.phases.filter(valid_from=valid_from).exists():
        raise ValidationError(
            {"valid_from": _("A phase already starts on this date; choose another date.")}
        )
    current = programme.phases.in_force(valid_from).first()
    if current is not None and current.phase == phase:
        raise ValidationError({"phase": _("The programme is already in this phase on that date.")})
    record = ProgrammePhase(programme=programme, phase=phase, valid_from=valid_from, note=note)
    return save_with_history(
        record,
        by=by,
        event="programme.phase_recorded",
        details={"phase": phase, "from": valid_from},
    )


def _record_steering_form(
    programme, *, steering_form, valid_from, by, note
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
    return save_with_history(
        record,
        by=by,
        event="programme.steering_form_recorded",
        details={"steering_form": steering_form, "from": valid_from},
    )


# --- roles ("Mensen en rollen") ----------------------------------------------------------------


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
    partner=None,
    invite: bool = True,
) -> tuple[RoleAssignment, bool]:
    """Give the person with this e-mail address a role in the programme.

    A person not yet known gets an account without a password and an invitation by e-mail to
    set one. Returns the assignment and whether an invitation was sent.
    """
    require(by, "programme.manage_roles", programme)
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
        partner=partner,
        by=by,
    )
    invited = invite and not user.has_usable_password()
    if invited:
        transaction.on_commit(lambda: _send_invitation(user=user, programme=programme, by=by))
    return assignment, invited


@transaction.atomic
def role_grant(
    *,
    programme: Programme,
    user,
    role: str,
    by,
    valid_from: date,
    valid_until: date | None = None,
    partner=None,
) -> RoleAssignment:
    """Give a known user a role in the programme (no invitation; see role_assign). The fields
    chosen are `RoleAssignment.EDITABLE_FIELDS`."""
    require(by, "programme.manage_roles", programme)
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
    chosen = {
        "role": role,
        "partner": partner,
        "valid_from": valid_from,
        "valid_until": valid_until,
    }
    assignment = RoleAssignment(
        programme=programme,
        user=user,
        **{name: chosen[name] for name in RoleAssignment.EDITABLE_FIELDS},
    )
    save_with_history(
        assignment,
        by=by,
        event="role.granted",
        details={"person": user, "role": role, "from": valid_from},
    )
    forget_roles(user)
    return assignment


@transaction.atomic
def role_end(*, assignment_id: int, by, valid_until: date | None = None) -> RoleAssignment:
    """End a role on a date (today by default), its last day in the role. The assignment stays,
    as history. The last member of the programme team cannot end their own role."""
    assignment = (
        RoleAssignment.objects.select_for_update()
        .select_related("user", "programme")
        .get(pk=assignment_id)
    )
    require(by, "programme.manage_roles", assignment)
    valid_until = valid_until or timezone.localdate()
    if assignment.valid_until is not None and assignment.valid_until <= valid_until:
        raise ValidationError(_("This role has already ended."))
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
    end_period(
        assignment,
        on=valid_until,
        by=by,
        event="role.ended",
        details={"person": assignment.user, "role": assignment.role},
    )
    forget_roles(assignment.user)
    return assignment


# --- invitations -------------------------------------------------------------------------------


def invitation_resend(*, assignment: RoleAssignment, by) -> None:
    """Send the person of this role a new invitation to set their password."""
    require(by, "programme.manage_roles", assignment)
    _send_invitation(user=assignment.user, programme=assignment.programme, by=by)


def invitation_link(user) -> str:
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def _send_invitation(*, user, programme: Programme, by) -> None:
    """E-mail the person a link to set their password (valid for PASSWORD_RESET_TIMEOUT). The
    caller has asked the policy. The link is a secret: the task row keeps only ids, the worker
    writes the mail (`invitation_mail`)."""
    mail.send_composed(
        "programme.core.services.invitation_mail",
        user_id=user.pk,
        programme_id=programme.pk,
        by_id=getattr(by, "pk", None),
    )


@mail.composer
def invitation_mail(*, user_id, programme_id, by_id) -> mail.Mail | None:
    """The invitation, written when it is sent; nothing when the person or the programme was
    removed meanwhile."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    programme = Programme.objects.filter(pk=programme_id).first()
    if user is None or programme is None:
        return None
    by = User.objects.filter(pk=by_id).first() if by_id else None
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
    return mail.Mail(subject, body, [user.email])


# --- the home page ------------------------------------------------------------------------------


def home_dismiss(*, by, programme: Programme, feed: str, keys=(), until=None) -> None:
    """Put away, on `by`'s own home page, the entries of a feed up to `until` (now when not
    given, never later than now): those of the subjects named by `keys`, or all of them (no
    keys). A personal preference, kept without history; putting all away forgets the subjects
    put away before."""
    require(by, "programme.view", programme)
    now = timezone.now()
    until = min(until or now, now)
    mine = HomeDismissal.objects.filter(user=by, programme=programme, feed=feed)
    for key in sorted(set(keys)) or [""]:
        dismissal, created = HomeDismissal.objects.get_or_create(
            user=by, programme=programme, feed=feed, key=key, defaults={"until": until}
        )
        if not created and dismissal.until < until:
            mine.filter(pk=dismissal.pk).update(until=until)
    if not keys:
        mine.exclude(key="").filter(until__lte=until).delete()
