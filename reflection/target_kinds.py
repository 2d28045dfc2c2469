"""The kinds of items below reflection that can take up an attention point: the DIN's efforts,
operational goals and working groups, and the board's proposals and decisions. Registered from
ReflectionConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from governance.models import Proposal, ProposedDecision
from programme.din.models import Effort, OperationalGoal, WorkingGroup

from . import targets


def _decision_label(decision) -> str:
    text = decision.text if len(decision.text) <= 90 else decision.text[:89] + "…"
    head = decision.number or f"{decision.proposal.title} · {decision.position}"
    return f"{head}: {text}"


def register_all() -> None:
    targets.register(
        "effort",
        Effort,
        label=_("effort"),
        choices=lambda programme: Effort.objects.filter(programme=programme).order_by("title"),
        view_action="din.view_din",
        order=10,
    )
    targets.register(
        "operational_goal",
        OperationalGoal,
        label=_("operational goal"),
        choices=lambda programme: OperationalGoal.objects.filter(programme=programme).order_by(
            "strategic_goal__line__order", "strategic_goal__order", "order"
        ),
        view_action="din.view_din",
        order=20,
    )
    targets.register(
        "working_group",
        WorkingGroup,
        label=_("working group"),
        choices=lambda programme: WorkingGroup.objects.filter(programme=programme),
        view_action="din.view_din",
        order=30,
    )
    targets.register(
        "proposal",
        Proposal,
        label=_("board proposal"),
        choices=lambda programme: (
            Proposal.objects.filter(programme=programme)
            .exclude(status="ingetrokken")
            .order_by("-date", "-pk")
        ),
        view_action="governance.view",
        traced_with=lambda proposal: {
            ProposedDecision: [d.pk for d in proposal.decisions.all()],
        },
        order=40,
    )
    targets.register(
        "decision",
        ProposedDecision,
        label=_("decision"),
        choices=lambda programme: (
            ProposedDecision.objects.filter(proposal__programme=programme)
            .select_related("proposal__programme")
            .order_by("-proposal__date", "proposal_id", "position")
        ),
        view_action="governance.view",
        programme_id_of=lambda decision: decision.proposal.programme_id,
        describe=_decision_label,
        related=("proposal__programme",),
        order=50,
    )
