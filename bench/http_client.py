"""A browser without JavaScript for bench/cluster_check.py, on the standard library: a cookie
jar, redirects answered rather than followed, form posts (multipart with files), the fields of a
page's POST forms, and logging in and posting with the CSRF token to a portal on loopback.

bench/server.py's Browser, which the page benchmarks and the load test use, follows redirects
and only reads pages; this client is for checks that look at redirects and send forms."""

from __future__ import annotations

import html.parser
import http.cookiejar
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlencode


@dataclass
class Response:
    status_code: int
    headers: Message
    content: bytes
    url: str

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer to look at, not to follow


class Client:
    """A browser without JavaScript: a cookie jar, no redirects followed (standard library)."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirects()
        )

    def cookie(self, name: str) -> http.cookiejar.Cookie | None:
        return next((cookie for cookie in self.jar if cookie.name == name), None)

    def get(self, address: str, timeout: float = 30) -> Response:
        return self._open(urllib.request.Request(address), timeout)

    def post(self, address: str, data: dict, files: dict | None = None, timeout: float = 60):
        if files:
            boundary = uuid.uuid4().hex
            body = b""
            for name, value in data.items():
                for item in value if isinstance(value, list) else [value]:
                    body += (
                        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                        f"{item}\r\n"
                    ).encode()
            for name, (filename, content, content_type) in files.items():
                body += (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
                ).encode()
                body += content + b"\r\n"
            body += f"--{boundary}--\r\n".encode()
            kind = f"multipart/form-data; boundary={boundary}"
        else:
            body = urlencode(data, doseq=True).encode()
            kind = "application/x-www-form-urlencoded"
        request = urllib.request.Request(address, data=body, headers={"Content-Type": kind})
        return self._open(request, timeout)

    def _open(self, request: urllib.request.Request, timeout: float) -> Response:
        try:
            with self.opener.open(request, timeout=timeout) as answer:
                return Response(answer.status, answer.headers, answer.read(), answer.url)
        except urllib.error.HTTPError as answer:  # 3xx (not followed), 4xx, 5xx
            with answer:
                return Response(answer.code, answer.headers, answer.read(), request.full_url)


class FormReader(html.parser.HTMLParser):
    """The action and fields of each POST form of a page, as a browser sends them."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.current: dict | None = None
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.current = {"action": a.get("action") or "", "fields": {}}
            self.forms.append(self.current)
        if self.current is None:
            return
        fields = self.current["fields"]
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    fields.setdefault(name, []).append(a.get("value") or "on")
            elif kind not in ("submit", "button", "file", "reset"):
                fields[name] = [a.get("value") or ""]
        elif tag == "select" and name:
            self.select = name
            fields.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in a:
            fields[self.select].append(a.get("value") or "")
        elif tag == "textarea" and name:
            self.textarea = name
            fields[name] = [""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea and self.current is not None:
            self.current["fields"][self.textarea][0] += data


def url(port: int, path: str) -> str:
    return f"http://127.0.0.1:{port}{path}"


def login(client: Client, port: int, username: str, password: str) -> Response:
    client.get(url(port, "/accounts/login/"))
    return post(client, port, "/accounts/login/", {"username": username, "password": password})


def post(client: Client, port: int, path: str, data: dict, files=None) -> Response:
    token = client.cookie("csrftoken")
    data = {**data, "csrfmiddlewaretoken": token.value if token else ""}
    return client.post(url(port, path), data=data, files=files)
