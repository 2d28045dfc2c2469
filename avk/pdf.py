"""PDF rendering for every app: a Django template in, a WeasyPrint A4 document out.

Templates extend `pdf/base.html` (A4, Dutch, page numbers, the portal's own fonts). The URL
fetcher loads only the portal's own static files (and inline data: URLs); every other URL,
http(s) or a file outside the static folders, is refused, so a document can never make the
server reach out to the network or read arbitrary files.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from weasyprint import HTML
from weasyprint.urls import URLFetcher


class StaticOnlyURLFetcher(URLFetcher):
    """Fetches `data:` URLs and the portal's static files; refuses everything else."""

    def __init__(self, **kwargs):
        super().__init__(allowed_protocols={"file", "data"}, **kwargs)
        self.static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = self.static_path(unquote(parts.path))
            if path is not None:
                return super().fetch(path.as_uri(), headers)
        raise ValueError(f"Refused to load {url!r}: PDFs may only use the portal's static files.")

    def static_path(self, path: str) -> Path | None:
        """The real file behind a /static/... path, or None when it is not a static file."""
        if not path.startswith(self.static_prefix):
            return None
        relative = path[len(self.static_prefix) :]
        if not relative or relative.startswith(("/", "\\")) or ".." in Path(relative).parts:
            return None
        try:
            found = finders.find(relative)
        except SuspiciousFileOperation:
            return None
        if not found and settings.STATIC_ROOT:
            root = Path(settings.STATIC_ROOT).resolve()
            candidate = (root / relative).resolve()
            inside = candidate.is_relative_to(root)
            found = str(candidate) if inside and candidate.is_file() else None
        return Path(found).resolve() if found else None


def html_to_pdf(html: str) -> bytes:
    """Render HTML to PDF; `/static/...` URLs resolve to the portal's static files."""
    return HTML(string=html, base_url="file:///", url_fetcher=StaticOnlyURLFetcher()).write_pdf()


def render_pdf(template_name: str, context: dict | None = None, request=None) -> bytes:
    return html_to_pdf(render_to_string(template_name, context or {}, request=request))


def pdf_response(
    template_name: str, context: dict, *, filename: str, request=None, inline: bool = False
) -> HttpResponse:
    return pdf_bytes_response(
        render_pdf(template_name, context, request), filename=filename, inline=inline
    )


def pdf_bytes_response(content: bytes, *, filename: str, inline: bool = False) -> HttpResponse:
    """A rendered (or kept) PDF as a download."""
    response = HttpResponse(content, "application/pdf")
    disposition = "inline" if inline else "attachment"
    safe_name = slugify(filename.removesuffix(".pdf")) or "document"
    response["Content-Disposition"] = f'{disposition}; filename="{safe_name}.pdf"'
    return response


def pdf_file_response(file, *, filename: str, missing=None) -> HttpResponse:
    """A kept PDF (a FileField's file in the storage) as a download (attachment); the caller
    has checked that the reader may have it. When the file is gone from the storage (a restore
    without the media folder, a removal by hand) `missing()` answers instead (the caller renders
    it again); without `missing`, a 404: never a server error."""
    try:
        with file.open("rb") as handle:
            content = handle.read()
    except FileNotFoundError:
        if missing is None:
            raise Http404("The kept PDF is missing.") from None
        return missing()
    return pdf_bytes_response(content, filename=filename)
