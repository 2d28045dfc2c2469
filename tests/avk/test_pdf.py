"""The shared PDF helper: A4, fonts from static/, and no URL outside the portal's static files."""

import http.server
import io
import shutil
import subprocess
import threading

import pytest
from django.template.loader import render_to_string

from avk.pdf import StaticOnlyURLFetcher, html_to_pdf, render_pdf


@pytest.fixture
def listening_server():
    """A real HTTP server on loopback that counts the requests it receives."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def test_outside_urls_are_refused_and_never_requested(listening_server, caplog):
    base, hits = listening_server
    html = (
        "<html><body><p>Test</p>"
        f'<img src="{base}/tracker.png">'
        '<img src="file:///etc/hostname">'
        '<link rel="stylesheet" href="/static/../../etc/passwd">'
        "</body></html>"
    )
    pdf = html_to_pdf(html)
    assert pdf.startswith(b"%PDF-")
    assert hits == []


def test_fetcher_allows_only_static_files_and_data_urls():
    fetcher = StaticOnlyURLFetcher()
    assert fetcher.static_path("/static/fonts/NotoSans-Regular.ttf") is not None
    assert fetcher.static_path("/static/../avk/settings.py") is None
    assert fetcher.static_path("/etc/passwd") is None
    for url in [
        "http://example.org/x.png",
        "https://example.org/x.css",
        "file:///etc/passwd",
        "ftp://example.org/x",
    ]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    response = fetcher.fetch("file:///static/css/portal.css")
    assert b"portal" in response.read()
    response.close()


def test_base_template_gives_a4_with_page_numbers_and_embedded_fonts(tmp_path):
    html = render_to_string("pdf/base.html", {})
    html = html.replace("<body>", "<body>" + "<p>Regel met tekst.</p>" * 400)
    pdf = html_to_pdf(html)
    path = tmp_path / "test.pdf"
    path.write_bytes(pdf)
    if not shutil.which("pdfinfo"):
        pytest.skip("poppler-utils not installed: page size, fonts and text not checked")
    fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True).stdout
    noto = [line for line in fonts.splitlines() if "Noto-Sans" in line]
    assert noto and " yes " in noto[0]  # the portal's own font, embedded
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    assert "x 841.89 pts (A4)" in info
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert pages >= 2
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    assert f"Pagina 1 van {pages}" in text


def test_render_pdf_renders_a_template_by_name():
    assert render_pdf("pdf/base.html", {}).startswith(b"%PDF-")


def test_fetcher_refuses_absolute_and_escaping_paths_after_the_static_prefix(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    fetcher = StaticOnlyURLFetcher()
    for path in [
        "/static//etc/passwd",
        "/static/%2e%2e/avk/settings.py",
        "/static/css/../../avk/settings.py",
    ]:
        assert fetcher.static_path(path.replace("%2e", ".")) is None, path
    for url in ["file:///static//etc/passwd", "file:///static/%2e%2e/%2e%2e/etc/passwd"]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_a_kept_pdf_whose_file_is_gone_is_never_a_server_error(settings, tmp_path):
    from django.core.files.storage import FileSystemStorage
    from django.db.models.fields.files import FieldFile
    from django.http import Http404, HttpResponse

    from avk.pdf import pdf_file_response

    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("kept.pdf", io.BytesIO(b"%PDF-1.7 kept"))

    class Field:
        pass

    field = Field()
    field.storage = storage
    response = pdf_file_response(FieldFile(None, field, name), filename="Besluitenlijst DB.pdf")
    assert response.content == b"%PDF-1.7 kept"
    assert response["Content-Disposition"] == 'attachment; filename="besluitenlijst-db.pdf"'
    storage.delete(name)
    with pytest.raises(Http404):  # a 404, not a 500
        pdf_file_response(FieldFile(None, field, name), filename="x.pdf")
    again = pdf_file_response(
        FieldFile(None, field, name), filename="x.pdf", missing=lambda: HttpResponse("again")
    )
    assert again.content == b"again"
