"""{% load din_diagram %}: the DIN diagram's edges and nodes as SVG markup.

Drawn here rather than by a template loop with an include per node: a DIN of ten times the
AVK's size has some 1.200 nodes and 2.500 edges, which the template engine took seconds to
render (issue 15). The markup is the same as the templates drew it; every text is escaped."""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from avk.html import esc, per_render

register = template.Library()


def _num(value) -> str:
    """A number as `{% localize off %}{{ value }}` writes it."""
    return str(value)


def _add(value, amount: int) -> str:
    """As the template filter `|add:amount` does for a number: int(value) + amount."""
    return str(int(value) + amount)


@register.simple_tag
def din_svg_edges(diagram):
    out = []
    for edge in diagram.edges:
        goal = edge.kind == "goal"
        dash = f' stroke-dasharray="{esc(edge.dash)}"' if edge.dash else ""
        out.append(
            f'<path d="{edge.path}" class="din-edge din-edge-{esc(edge.kind)} '
            f'din-edge-{esc(edge.style)}" data-from="{esc(edge.source.kind)}-{edge.source.key}" '
            f'data-to="{esc(edge.target.kind)}-{edge.target.key}" '
            f'stroke="{"#0b4f6c" if goal else "#b5470b"}" stroke-width="{_num(edge.width)}"'
            f'{dash} stroke-opacity="{"0.5" if goal else "0.65"}"/>'
        )
    return mark_safe("\n".join(out))  # noqa: S308 - every text above is escaped


def _lines(node, dx: int, dy: int = 0, bold: bool = False) -> str:
    weight = ' font-weight="700"' if bold else ""
    return "".join(
        f'<text x="{_add(node.x, dx)}" y="{_add(y, dy) if dy else _num(y)}" fill="#212529"'
        f"{weight}>{esc(line)}</text>"
        for y, line in node.text_y
    )


def _node(node, labels: dict, sees_partner_pages: bool, directory_url: str, highlight) -> str:
    kind, item = node.kind, node.item
    data = f'class="din-node din-node-{kind}" data-node="{kind}-{node.key}"'
    to_directory = kind == "partner" and not sees_partner_pages
    if to_directory:
        opening, closing = f'<a href="{esc(directory_url)}#partner-{node.key}" {data}>', "</a>"
    elif item.url:
        opening, closing = f'<a href="{esc(item.url)}" {data}>', "</a>"
    else:
        opening, closing = f"<g {data}>", "</g>"
    title = f"{labels[kind]}: {esc(item.title)}"
    if kind == "effort":
        title += f" ({esc(item.status_label)}, {esc(item.progress)}%)"
    box = (
        f'<rect class="box" x="{_num(node.x)}" y="{_num(node.y)}" width="{_num(node.width)}" '
        f'height="{_num(node.height)}"'
    )
    if kind == "effort":
        dash = ' stroke-dasharray="5 3"' if item.status == "idee" else ""
        body = (
            f'{box} rx="4" fill="{node.tint}" stroke="{node.colour}" stroke-width="1.5"{dash}/>\n'
            f'<rect x="{_num(node.x)}" y="{_num(node.y)}" width="12" height="{_num(node.height)}"'
            f' fill="url(#st-{esc(item.status)})" stroke="{node.colour}" stroke-width="1.5"/>\n'
            f"{_lines(node, 20)}\n"
            f'<text x="{_add(node.x, 20)}" y="{_num(node.status_y)}" font-size="11" '
            f'fill="#343a40" font-style="italic">{esc(capfirst(item.status_label))} · '
            f"{esc(item.progress)}%</text>\n"
        )
    elif kind == "goal":
        body = (
            f'{box} rx="4" fill="#ffffff" stroke="#0b4f6c" stroke-width="1.5"/>\n'
            f"{_lines(node, 8)}\n"
        )
    elif node.key == highlight:
        body = (
            f'{box} rx="13" fill="#fde7d9" stroke="#b5470b" stroke-width="3.5"/>\n'
            f"{_lines(node, 12, 1, bold=True)}\n"
        )
    else:
        body = (
            f'{box} rx="13" fill="#fff8f3" stroke="#b5470b" stroke-width="1.5"/>\n'
            f"{_lines(node, 12, 1)}\n"
        )
    return f"{opening}\n<title>{title}</title>\n{body}{closing}"


def _labels() -> dict:
    return {"goal": _("Operational goal"), "effort": _("Effort"), "partner": _("Partner")}


def _header(header) -> str:
    line = header.kind == "line"
    opening, closing = (
        (f'<a href="{esc(header.url)}" class="din-header">', "</a>")
        if header.url
        else ('<g class="din-header">', "</g>")
    )
    label = _("Programme line") if line else _("Strategic goal")
    return (
        f"{opening}<title>{label}: {esc(header.full)}</title>\n"
        f'<rect class="box" x="{_num(header.x)}" y="{_num(header.y)}" '
        f'width="{_num(header.width)}" height="{_num(header.height)}" rx="3" '
        f'fill="{"#0b4f6c" if line else "#e7f1f5"}"/>\n'
        f'<text x="{_add(header.x, 8)}" y="{_num(header.text_y)}" font-weight="700" '
        f'fill="{"#ffffff" if line else "#073a50"}">{esc(header.text)}</text>\n'
        f"{closing}"
    )


@register.simple_tag
def din_svg_nodes(nodes, sees_partner_pages=False, directory_url="", highlight=None):
    """Goal, effort or partner nodes; in the goal column also the line and strategic goal
    headers between them."""
    labels = _labels()
    out = [
        _node(node, labels, sees_partner_pages, directory_url, highlight)
        if getattr(node, "kind", "") in labels
        else _header(node)
        for node in nodes
    ]
    return mark_safe("\n".join(out))  # noqa: S308 - every text above is escaped


def _text_labels(context) -> dict:
    """The words of the text version, translated once per render rather than once per row."""
    return per_render(context, "din_text_labels", _make_text_labels)


def _make_text_labels() -> dict:
    from programme.din.models import EffortStatus

    return {
        "effort": esc(_("Effort:")),
        "partners": esc(_("Partners:")),
        "none": esc(_("No partners.")),
        "status": _("status %(status)s, %(progress)s%%"),
        "contribution": _("contribution %(contribution)s"),
        "statuses": {code: str(label) for code, label in EffortStatus.choices},
    }


@register.simple_tag(takes_context=True)
def din_text_effort(context, row, sees_partner_pages=False, directory_url=""):
    """One effort of the diagram's text version: its link, contribution, status and partners
    (as programme/_diagram_text.html listed them, one include per row before)."""
    labels = _text_labels(context)
    effort = row["effort"]
    title = esc(effort.title)
    link = f'<a href="{esc(row["url"])}">{title}</a>' if row["url"] else title
    status = labels["status"] % {
        "status": labels["statuses"].get(effort.status, effort.status),
        "progress": effort.progress,
    }
    facts = esc(status)
    if row["contribution"]:
        contribution = labels["contribution"] % {"contribution": row["contribution"]}
        facts = f"{esc(contribution)}; {facts}"
    directory = esc(directory_url)
    if row["partners"]:
        names = []
        for p in row["partners"]:
            name = esc(p["partner"].name)
            if not sees_partner_pages:
                name = f'<a href="{directory}#partner-{p["partner"].pk}">{name}</a>'
            elif p["url"]:
                name = f'<a href="{esc(p["url"])}">{name}</a>'
            names.append(f"{name} ({esc(p['role'])})")
        partners = (
            f'<br><span class="din-text-partners">{labels["partners"]}\n    '
            f"{', '.join(names)}</span>"
        )
    else:
        partners = f'<br><span class="text-muted">{labels["none"]}</span>'
    return mark_safe(  # noqa: S308 - every text above is escaped
        f"<li>\n  {labels['effort']} {link}\n  ({facts})\n  {partners}\n</li>"
    )
