"""avk.uploads: a document is accepted for what its name says only when its whole structure is
that, and the file sizes people read in refusals."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from avk.formats import file_size
from avk.uploads import check_document
from tests.factories.documents import (
    PPTX_MEMBERS,
    docx_bytes,
    odt_bytes,
    ole_bytes,
    pdf_bytes,
    pptx_bytes,
    xlsx_bytes,
    zip_bytes,
)

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org'
    '/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
    '"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Types xmlns="http://schemas.openxmlformats'
    '.org/package/2006/content-types">&lol2;</Types>'
)


def check(name: str, content: bytes) -> str:
    with translation.override("nl"):
        return check_document(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    "name, make, content_type",
    [
        ("bijlage.pdf", pdf_bytes, "application/pdf"),
        ("notitie.docx", docx_bytes, "wordprocessingml.document"),
        ("begroting.xlsx", xlsx_bytes, "spreadsheetml.sheet"),
        ("dia's.pptx", pptx_bytes, "presentationml.presentation"),
        ("tekst.odt", odt_bytes, "opendocument.text"),
        ("oud.doc", lambda: ole_bytes("WordDocument"), "application/msword"),
        ("oud.xls", lambda: ole_bytes("Workbook"), "application/vnd.ms-excel"),
        ("oud.ppt", lambda: ole_bytes("PowerPoint Document"), "ms-powerpoint"),
        ("HOOFDLETTERS.PDF", pdf_bytes, "application/pdf"),
    ],
)
def test_real_documents_are_accepted(name, make, content_type):
    assert content_type in check(name, make())


CRAFTED = [
    # The two of the issue: "%PDF" first, HTML after; a zip with a content types part and HTML.
    ("bijlage.pdf", b"%PDF-1.7\n" + HTML),
    (
        "notitie.docx",
        zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "index.html": HTML.decode()}),
    ),
    # The main part declared and referred to, but HTML (even well-formed XHTML) in it.
    (
        "notitie.docx",
        zip_bytes(
            {
                "[Content_Types].xml": CONTENT_TYPES,
                "_rels/.rels": RELS,
                "word/document.xml": '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
            }
        ),
    ),
    (
        "notitie.docx",
        zip_bytes(
            {
                "[Content_Types].xml": CONTENT_TYPES,
                "_rels/.rels": RELS,
                "word/document.xml": HTML.decode(),
            }
        ),
    ),
    # A real PDF with HTML in front; a header that parses to nothing.
    ("bijlage.pdf", HTML + pdf_bytes()),
    ("bijlage.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    ("bijlage.pdf", pdf_bytes()[:200]),  # cut off
    # Real files of another kind under the name.
    ("notitie.docx", xlsx_bytes()),
    ("begroting.xlsx", docx_bytes()),
    ("dia's.pptx", docx_bytes()),
    ("notitie.docx", pdf_bytes()),
    ("bijlage.pdf", docx_bytes()),
    ("oud.doc", ole_bytes("Workbook")),
    ("oud.xls", docx_bytes()),
    ("tekst.odt", docx_bytes()),
    # HTML under every name; an XML bomb; a damaged zip; a package without its relationships.
    *[(f"pagina{ext}", HTML) for ext in (".pdf", ".docx", ".xlsx", ".doc", ".odt")],
    ("notitie.docx", zip_bytes({"[Content_Types].xml": BOMB, "_rels/.rels": RELS})),
    ("notitie.docx", b"PK\x03\x04garbage"),
    ("notitie.docx", docx_bytes()[:-200]),
    (
        "dia's.pptx",
        zip_bytes({k: v for k, v in PPTX_MEMBERS.items() if k != "_rels/.rels"}),
    ),
    ("oud.doc", bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 100),
]


@pytest.mark.parametrize("name, content", CRAFTED)
def test_crafted_files_are_refused_in_dutch(name, content):
    with pytest.raises(ValidationError) as refused:
        check(name, content)
    message = refused.value.message_dict["file"][0]
    assert "past niet bij het type" in message and "geweigerd" in message


@pytest.mark.parametrize("name", ["pagina.html", "plaatje.svg", "script.js", "x.exe", "zonder"])
def test_other_types_are_refused(name):
    with pytest.raises(ValidationError) as refused:
        check(name, pdf_bytes())
    assert "Alleen PDF- en Office-bestanden" in refused.value.message_dict["file"][0]


MB = 1024 * 1024


@pytest.mark.parametrize(
    "size, above, shown",
    [
        (int(10.4 * MB), 10 * MB, "10,4 MB"),
        (10 * MB, None, "10 MB"),
        (10 * MB + 5_000, 10 * MB, "10,005 MB"),
        (10 * MB + 20_000, 10 * MB, "10,02 MB"),
        (10 * MB + 1, 10 * MB, "10.485.761 bytes"),
        (850 * 1024, None, "850 KB"),
        (512, None, "512 bytes"),
        (int(2.5 * 1024**3), None, "2,5 GB"),
    ],
)
def test_file_sizes_are_precise_enough_to_differ_from_the_limit(size, above, shown):
    with translation.override("nl"):
        assert file_size(size, above=above).replace("\xa0", " ") == shown
    with translation.override("en"):
        assert "10.4" in file_size(int(10.4 * MB))


def _with_member(package: bytes, name: str, content: bytes) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    import time

    bomb = _with_member(docx_bytes(), "word/media/image1.png", bytes(50 * 1024 * 1024))
    assert len(bomb) < 200 * 1024  # 50 MB of zeros compress a thousandfold
    started = time.monotonic()
    with pytest.raises(ValidationError):
        check("notitie.docx", bomb)
    assert time.monotonic() - started < 1  # refused from the zip's directory, nothing unpacked
    # A real picture (incompressible bytes) in a real document still passes.
    import os

    photo = _with_member(docx_bytes(), "word/media/image1.png", os.urandom(2 * 1024 * 1024))
    assert "wordprocessingml.document" in check("notitie.docx", photo)


def _ole_with_difat(stream: str) -> bytes:
    """A Compound File whose only FAT sector is named in a DIFAT sector, not in the header (as
    in files larger than about 7 MB): sector 0 the DIFAT, 1 the FAT, 2 the directory."""
    import struct

    small = ole_bytes(stream)
    header = bytearray(small[:512])
    directory = small[1024:1536]
    struct.pack_into("<I", header, 0x30, 2)  # the directory in sector 2
    struct.pack_into("<II", header, 0x44, 0, 1)  # the first DIFAT sector, one of them
    struct.pack_into("<109I", header, 0x4C, *([0xFFFFFFFF] * 109))  # nothing in the header
    difat = struct.pack("<128I", 1, *([0xFFFFFFFF] * 126), 0xFFFFFFFE)
    fat = struct.pack("<128I", 0xFFFFFFFC, 0xFFFFFFFD, 0xFFFFFFFE, *([0xFFFFFFFF] * 125))
    return bytes(header) + difat + fat + directory


def test_an_old_office_file_whose_fat_is_found_through_the_difat_is_accepted():
    assert check("groot.doc", _ole_with_difat("WordDocument")) == "application/msword"
    with pytest.raises(ValidationError):
        check("groot.doc", _ole_with_difat("Workbook"))
    with pytest.raises(ValidationError):  # the FAT it names lies beyond the end of the file
        check("groot.doc", _ole_with_difat("WordDocument")[:1024])
