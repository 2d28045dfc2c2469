"""Governance's background tasks (django-tasks; the worker is `manage.py db_worker`)."""

from django_tasks import task


@task()
def render_decision_list(*, document_id: str) -> str:
    """Render a long decision-list PDF and keep it (services.documents)."""
    from .services.documents import decision_list_render

    return decision_list_render(document_id=document_id)
