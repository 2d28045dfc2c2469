import secrets

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avk import sections
from avk.concurrency import StaleEdit
from avk.forms import add_service_errors
from avk.views import SESSION_PROGRAMME, programme_for, remember_programme
from programme.core.models import Programme

from . import export, imports, selectors, services
from . import permissions as policy
from .forms import (
    CommitmentChangeForm,
    CommitmentCorrectForm,
    DeactivateForm,
    DelegationMemberForm,
    FilterForm,
    ImportForm,
    PartnerContactForm,
    PartnerForm,
)
from .models import Commitment, DelegationMember, Participation, Partner

PAGE_SIZE = 25


_programme = programme_for


def _partner(request, slug: str, pk: int, rule) -> tuple[Programme, Partner]:
    """The programme and partner in the URL, if the partner takes part in it and `rule` lets
    the person at it (else 404 / 403)."""
    programme = get_object_or_404(Programme, slug=slug)
    participation = get_object_or_404(
        Participation.objects.select_related("partner"), programme=programme, partner_id=pk
    )
    if not rule(request.user, programme, participation.partner):
        raise PermissionDenied
    remember_programme(request, programme)
    return programme, participation.partner


def _after_change(request, programme, partner):
    if policy.is_back_office(request.user, programme):
        return redirect("partners:partner-detail", programme.slug, partner.pk)
    return redirect("partners:mine", programme.slug)


_add_errors = add_service_errors


# The list, its export, the steering group ------------------------------------------------------


def _filters(request, programme):
    form = FilterForm(
        request.GET or None,
        packages=selectors.packages(programme=programme),
        municipalities=selectors.municipalities(programme=programme),
    )
    data = form.cleaned_data if form.is_valid() else {}
    sort = request.GET.get("sort", "name")
    descending = sort.startswith("-")
    filters = selectors.PartnerFilters(
        search=data.get("q", ""),
        kind=data.get("kind", ""),
        package=data.get("package", ""),
        municipality=data.get("municipality", ""),
        delegation=data.get("delegation", ""),
        include_inactive=data.get("inactive", False),
        sort=sort.lstrip("-") if sort.lstrip("-") in selectors.SORTS else "name",
        descending=descending,
    )
    return form, filters


def partner_list(request, slug):
    programme = _programme(request, slug, policy.can_view_list)
    form, filters = _filters(request, programme)
    rows = selectors.partner_rows(programme=programme, filters=filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    packages = list(selectors.packages(programme=programme))
    summary = selectors.list_summary(rows)
    query = request.GET.copy()
    query.pop("page", None)
    sort_query = query.copy()
    sort_query.pop("sort", None)
    columns = [
        ("name", _("Name")),
        ("kind", _("Kind")),
        ("municipality", _("Municipality")),
        ("package", _("Package")),
        ("contribution", _("Yearly contribution")),
        ("delegation", _("Delegation")),
    ]
    current_sort = ("-" if filters.descending else "") + filters.sort
    return render(
        request,
        "partners/partner_list.html",
        {
            "programme": programme,
            "form": form,
            "page": page,
            "packages": [(p, summary["per_package"].get(p.code, 0)) for p in packages],
            "without_package": summary["per_package"].get(None, 0),
            "summary": summary,
            "query": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            "columns": [
                {
                    "key": key,
                    "label": label,
                    "current": filters.sort == key,
                    "descending": filters.sort == key and filters.descending,
                    "next": f"-{key}" if current_sort == key else key,
                }
                for key, label in columns
            ],
            "can_create": policy.can_create(request.user, programme),
            "can_import": policy.can_import(request.user, programme),
            "can_export": policy.can_export(request.user, programme),
        },
    )


def partner_export(request, slug, fmt):
    programme = _programme(request, slug, policy.can_export)
    _form, filters = _filters(request, programme)
    rows = selectors.partner_rows(programme=programme, filters=filters)
    return export.response(export.partner_dataset(rows), fmt=fmt, programme=programme)


def steering_group(request, slug):
    programme = _programme(request, slug, policy.can_view_steering_group)
    today = timezone.localdate()
    day, error = today, None
    raw = request.GET.get("date", "").strip()
    if raw:
        try:
            parsed = parse_date(raw)
        except ValueError:
            parsed = None
        if parsed is None:
            error = _("'%(value)s' is not a date; choose a date as 2024-06-11.") % {"value": raw}
        else:
            day = parsed
    return render(
        request,
        "partners/steering_group.html",
        {
            "programme": programme,
            "day": day,
            "is_today": day == today,
            "date_error": error,
            "raw_date": raw if error else day.isoformat(),
            "members": selectors.steering_group(programme=programme, on=day),
            "can_view_partners": policy.can_view_partner_pages(request.user, programme),
        },
    )


# One partner -----------------------------------------------------------------------------------


def partner_redirect(request, pk):
    """/partners/<pk>/: the partner's page in the current programme (or the first it is in)."""
    partner = get_object_or_404(Partner, pk=pk)
    participations = list(partner.participations.select_related("programme"))
    remembered = request.session.get(SESSION_PROGRAMME)
    participations.sort(key=lambda p: p.programme_id != remembered)
    for participation in participations:
        if policy.can_view_partner(request.user, participation.programme, partner):
            return redirect("partners:partner-detail", participation.programme.slug, partner.pk)
    raise PermissionDenied


def _partner_context(request, programme, partner_id):
    partner = selectors.partner_detail(programme=programme, partner_id=partner_id)
    commitments = partner.programme_commitments
    current = next(
        (
            c
            for c in commitments
            if c.valid_from <= timezone.localdate()
            and (c.valid_until is None or c.valid_until >= timezone.localdate())
        ),
        None,
    )
    members = partner.programme_delegation
    history = selectors.commitment_history(commitments)
    for commitment in commitments:
        commitment.recorded = history.get(commitment.pk, {})
    user = request.user
    participation = (partner.programme_participation or [None])[0]
    return {
        "programme": programme,
        "partner": partner,
        "participation": participation,
        # active in this programme: the organisation is active and has not left it
        "active_here": partner.active and participation is not None and not participation.left_on,
        "commitments": commitments,
        "current": current,
        "upcoming": [c for c in commitments if c.valid_from > timezone.localdate()],
        "seats": selectors.delegation_seats(members),
        "missing": selectors.delegation_missing(members),
        "checks": selectors.package_item_checks(
            package=current.package if current else None, members=members
        )
        if current
        else [],
        "gives": [i for i in current.package.items.all() if i.gives] if current else [],
        "sections": sections.sections_for("partner", request, partner, programme),
        "can_change": policy.can_change_partner(user, programme, partner),
        "can_change_commitment": policy.can_change_commitment(user, programme, partner),
        "can_change_delegation": policy.can_change_delegation(user, programme, partner),
        "can_deactivate": policy.can_deactivate(user, programme, partner),
        "can_correct": policy.can_correct_commitment(user, programme, partner),
        "back_office": policy.is_back_office(user, programme),
    }


def partner_detail(request, slug, pk):
    programme, partner = _partner(request, slug, pk, policy.can_view_partner)
    context = _partner_context(request, programme, partner.pk)
    return render(request, "partners/partner_detail.html", context)


def my_organisation(request, slug):
    """'Mijn organisatie': the partner contact's own organisation, to read and keep up to date."""
    programme = get_object_or_404(Programme, slug=slug)
    partner = selectors.partner_of_contact(user=request.user, programme=programme)
    if partner is None:
        raise PermissionDenied
    remember_programme(request, programme)
    context = _partner_context(request, programme, partner.pk)
    context["mine"] = True
    return render(request, "partners/my_organisation.html", context)


def partner_create(request, slug):
    programme = _programme(request, slug, policy.can_create)
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.partner_create(
                programme=programme, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("%(partner)s has been added.") % {"partner": partner})
            return redirect("partners:partner-detail", programme.slug, partner.pk)
    return render(request, "partners/partner_form.html", {"programme": programme, "form": form})


def partner_edit(request, slug, pk):
    programme, partner = _partner(request, slug, pk, policy.can_change_partner)
    form_class = (
        PartnerForm if policy.is_back_office(request.user, programme) else PartnerContactForm
    )
    form = form_class(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.partner_update(
                partner_id=partner.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                programme=programme,
                **data,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The organisation's details have been saved."))
            return _after_change(request, programme, partner)
    return render(
        request,
        "partners/partner_form.html",
        {"programme": programme, "partner": partner, "form": form},
    )


def partner_deactivate(request, slug, pk):
    programme, partner = _partner(request, slug, pk, policy.can_deactivate)
    form = DeactivateForm(request.POST or None, initial={"version": partner.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_deactivate(
                programme=programme,
                partner_id=partner.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                on=form.cleaned_data["on"],
                reason=form.cleaned_data["reason"],
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(partner)s is now inactive in %(programme)s; its history stays.")
                % {"partner": partner, "programme": programme},
            )
            return redirect("partners:partner-detail", programme.slug, partner.pk)
    return render(
        request,
        "partners/partner_deactivate.html",
        {"programme": programme, "partner": partner, "form": form},
    )


@require_POST
def partner_reactivate(request, slug, pk):
    programme, partner = _partner(request, slug, pk, policy.can_deactivate)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = 0
    try:
        services.partner_reactivate(
            partner_id=partner.pk, version=version, by=request.user, programme=programme
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(partner)s is active again.") % {"partner": partner})
    return redirect("partners:partner-detail", programme.slug, partner.pk)


def commitment_correct(request, slug, pk):
    """The back office corrects a recorded commitment's amount, signing date or motivation."""
    programme = get_object_or_404(Programme, slug=slug)
    commitment = get_object_or_404(
        Commitment.objects.select_related("partner", "package"), pk=pk, programme=programme
    )
    partner = commitment.partner
    if not policy.can_correct_commitment(request.user, programme, partner):
        raise PermissionDenied
    remember_programme(request, programme)
    form = CommitmentCorrectForm(request.POST or None, instance=commitment)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.commitment_update(
                commitment_id=commitment.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                **data,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The commitment has been corrected."))
            return redirect("partners:partner-detail", programme.slug, partner.pk)
    return render(
        request,
        "partners/commitment_correct.html",
        {"programme": programme, "partner": partner, "commitment": commitment, "form": form},
    )


def commitment_change(request, slug, pk):
    programme, partner = _partner(request, slug, pk, policy.can_change_commitment)
    back_office = policy.can_backdate_commitment(request.user, programme)
    current = selectors.current_package(partner, programme)
    form = CommitmentChangeForm(
        request.POST or None,
        programme=programme,
        back_office=back_office,
        initial={"valid_from": _first_of_next_month()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_change(
                programme=programme,
                partner=partner,
                by=request.user,
                allow_backdating=back_office,
                **form.cleaned_data,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("From %(date)s %(partner)s holds package %(code)s.")
                % {
                    "date": form.cleaned_data["valid_from"].strftime("%d-%m-%Y"),
                    "partner": partner,
                    "code": form.cleaned_data["package"].code,
                },
            )
            return _after_change(request, programme, partner)
    return render(
        request,
        "partners/commitment_form.html",
        {
            "programme": programme,
            "partner": partner,
            "form": form,
            "current": current,
            "packages": selectors.packages(programme=programme),
        },
    )


def _first_of_next_month():
    today = timezone.localdate()
    return (today.replace(day=1) + timezone.timedelta(days=32)).replace(day=1)


# The delegation --------------------------------------------------------------------------------


def delegation_add(request, slug, pk):
    programme, partner = _partner(request, slug, pk, policy.can_change_delegation)
    initial = {k: request.GET[k] for k in ("level",) if k in request.GET}
    form = DelegationMemberForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.delegation_member_add(
                programme=programme, partner=partner, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s has been added to the delegation.") % {"name": member.name}
            )
            return _after_change(request, programme, partner)
    return render(
        request,
        "partners/delegation_form.html",
        {"programme": programme, "partner": partner, "form": form},
    )


def _member(request, slug, pk):
    """The delegation member in the URL, if the person may change its partner's delegation."""
    programme = get_object_or_404(Programme, slug=slug)
    member = get_object_or_404(
        DelegationMember.objects.select_related("partner"), pk=pk, programme=programme
    )
    if not policy.can_change_delegation(request.user, programme, member.partner):
        raise PermissionDenied
    remember_programme(request, programme)
    return programme, member.partner, member


def delegation_edit(request, slug, pk):
    programme, partner, member = _member(request, slug, pk)
    form = DelegationMemberForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.delegation_member_update(
                member_id=member.pk,
                version=form.cleaned_data["version"],
                by=request.user,
                **data,
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("%(name)s has been saved.") % {"name": member.name})
            return _after_change(request, programme, partner)
    return render(
        request,
        "partners/delegation_form.html",
        {"programme": programme, "partner": partner, "member": member, "form": form},
    )


@require_POST
def delegation_remove(request, slug, pk):
    programme, partner, member = _member(request, slug, pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = 0
    try:
        services.delegation_member_remove(member_id=member.pk, version=version, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("%(name)s has been removed from the delegation.") % {"name": member.name}
        )
    return _after_change(request, programme, partner)


# Import ------------------------------------------------------------------------------------------

SESSION_IMPORT = "partners_import"


def import_upload(request, slug):
    """Step 1: upload; the file is checked with a dry run and the result shown for confirmation."""
    programme = _programme(request, slug, policy.can_import)
    form = ImportForm(request.POST or None, request.FILES or None)
    outcome = problems = None
    if request.method == "POST":
        # a new upload replaces the file checked before: that one is not kept
        previous = request.session.pop(SESSION_IMPORT, None)
        imports.discard_pending((previous or {}).get("token"))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        kind = form.cleaned_data["kind"]
        if upload.size > settings.IMPORT_MAX_UPLOAD_SIZE:  # refused before reading it
            problems = [
                _("The file is %(size)s; at most %(max)s can be imported.")
                % {
                    "size": filesizeformat(upload.size),
                    "max": filesizeformat(settings.IMPORT_MAX_UPLOAD_SIZE),
                }
            ]
        else:
            content = upload.read()
            try:
                dataset = imports.read_upload(name=upload.name, content=content, kind=kind)
            except imports.ImportRefused as refused:
                problems = refused.problems
            else:
                outcome = imports.run_import(
                    kind=kind, dataset=dataset, programme=programme, by=request.user, dry_run=True
                )
                problems = outcome.problems
                if outcome.ok:
                    token = secrets.token_hex(16)
                    imports.pending_path(token).write_bytes(content)
                    request.session[SESSION_IMPORT] = {
                        "token": token,
                        "kind": kind,
                        "name": upload.name,
                        "programme": programme.pk,
                    }
    return render(
        request,
        "partners/import.html",
        {
            "programme": programme,
            "form": form,
            "outcome": outcome,
            "problems": problems,
            "columns": imports.COLUMNS,
        },
    )


@require_POST
def import_confirm(request, slug):
    """Step 2: import the checked file for real, all or nothing."""
    programme = _programme(request, slug, policy.can_import)
    pending = request.session.get(SESSION_IMPORT)
    if not pending or pending.get("programme") != programme.pk:
        messages.error(request, _("There is no checked file to import; upload it again."))
        return redirect("partners:import", programme.slug)
    path = imports.pending_path(pending["token"])
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        messages.error(request, _("There is no checked file to import; upload it again."))
        return redirect("partners:import", programme.slug)
    try:
        dataset = imports.read_upload(name=pending["name"], content=content, kind=pending["kind"])
        outcome = imports.run_import(
            kind=pending["kind"],
            dataset=dataset,
            programme=programme,
            by=request.user,
            dry_run=False,
        )
        problems = outcome.problems
    except imports.ImportRefused as refused:
        problems = refused.problems
    path.unlink(missing_ok=True)
    del request.session[SESSION_IMPORT]
    if problems:
        for problem in problems:
            messages.error(request, problem)
        messages.error(request, _("Nothing has been imported."))
        return redirect("partners:import", programme.slug)
    messages.success(
        request,
        _("Imported: %(new)s new, %(updated)s changed, %(skipped)s unchanged.")
        % {"new": outcome.new, "updated": outcome.updated, "skipped": outcome.skipped},
    )
    return redirect(reverse("partners:list", args=[programme.slug]))
