"""Uploaded documents checked by their whole structure, not by their first bytes.

A file is taken for what its name says only when its content really is that: a PDF parses with
pypdf and has pages; an Office Open XML file (.docx, .xlsx, .pptx) is a zip package whose
`[Content_Types].xml` declares the main part of that kind, with that part present, referred to
by the package's relationships and well-formed XML of the right root element; an OpenDocument
file (.odt, .ods, .odp) starts with its own `mimetype` and holds a well-formed `content.xml`; an
old binary Office file (.doc, .xls, .ppt) is a Compound File with the stream of its kind. A body
of HTML (or SVG, or script) is refused whatever its name and first bytes say, so a file served
back can never be taken for a page by a browser.

    content_type = check_document(upload)   # or ValidationError, in Dutch

XML is read with expat as a stream (no tree, no DTD, no entities); a zip's parts are read only
up to a bound, and a package is refused before anything is unpacked when its members claim to
unpack to more than `MAX_PACKAGE_BYTES` together or one of them is compressed more than
`MAX_RATIO` to one (beyond a megabyte), so neither an XML bomb nor a zip bomb gets far.
"""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
import zlib
from xml.parsers import expat

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

#: extension -> (family, content type it is served with, what the content must show)
DOCUMENTS = {
    ".pdf": ("pdf", "application/pdf", None),
    ".docx": (
        "ooxml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ),
    ".xlsx": (
        "ooxml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
    ".pptx": (
        "ooxml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ),
    ".odt": (
        "odf",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.text",
    ),
    ".ods": (
        "odf",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
    ".odp": (
        "odf",
        "application/vnd.oasis.opendocument.presentation",
        "application/vnd.oasis.opendocument.presentation",
    ),
    ".doc": ("ole", "application/msword", ("WordDocument",)),
    ".xls": ("ole", "application/vnd.ms-excel", ("Workbook", "Book")),
    ".ppt": ("ole", "application/vnd.ms-powerpoint", ("PowerPoint Document",)),
}

#: The root element of an OOXML main part (local name; transitional or strict namespace).
OOXML_ROOTS = {".docx": "document", ".xlsx": "workbook", ".pptx": "presentation"}
OOXML_NAMESPACES = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://schemas.openxmlformats.org/presentationml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "http://purl.oclc.org/ooxml/presentationml/main",
}
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT_RELS = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
}
ODF_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")

#: Markup a browser would take for a page, looked for at the start of any upload.
HTML_START = re.compile(
    rb"<(!doctype\s+html|html|head|body|script|iframe|svg|object|embed)[\s>/]", re.IGNORECASE
)
SNIFF_BYTES = 1024
#: The most a single XML part may unpack to before it is refused (zip bombs).
MAX_PART_BYTES = 200 * 1024 * 1024
#: The most all members of a zip package may unpack to together.
MAX_PACKAGE_BYTES = 500 * 1024 * 1024
#: A member that unpacks to more than RATIO_FLOOR bytes may be compressed at most this much
#: (office parts compress 5 to 20 times; a bomb of zeros a thousand times).
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024
#: Errors of a damaged zip member, met while it is read.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, zlib.error, EOFError)


class NotTheDocument(Exception):
    """The content is not what the file's name says (the reason is for the log, not people)."""


def check_document(upload, *, allowed=None) -> str:
    """The content type to store and serve the upload with, after checking its content; a
    ValidationError (Dutch, for the field `file`) when the type is not allowed or the content
    is not that type."""
    allowed = allowed or DOCUMENTS
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in allowed:
        raise ValidationError(
            {"file": _("Only PDF and Office files (Word, Excel, PowerPoint) can be attached.")}
        )
    family, content_type, expected = DOCUMENTS[extension]
    try:
        data = _read(upload)
        if HTML_START.search(data[:SNIFF_BYTES]):
            raise NotTheDocument("HTML at the start")
        CHECKS[family](data, extension, expected)
    except NotTheDocument:
        raise ValidationError(
            {
                "file": _(
                    "The content of this file does not match its type %(ext)s; it is refused."
                )
                % {"ext": extension}
            }
        ) from None
    return content_type


def _read(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


# --- PDF -----------------------------------------------------------------------------------------


def _check_pdf(data: bytes, extension, expected) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.startswith(b"%PDF-"):
        raise NotTheDocument("no PDF header")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if len(reader.pages) < 1:
            raise NotTheDocument("a PDF without pages")
        reader.pages[0].mediabox  # noqa: B018 - the first page's box must read
    except NotTheDocument:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        raise NotTheDocument(f"pypdf cannot read it: {error}") from None
    except Exception as error:  # noqa: BLE001 - any failure of the parser means: no PDF
        raise NotTheDocument(f"pypdf failed: {error!r}") from None


# --- XML, read as a stream --------------------------------------------------------------------


def _xml_root(stream) -> tuple[str, str, list]:
    """The namespace and local name of the root element of a well-formed XML stream without a
    DTD, and the (namespace, local name, attributes) of its direct children."""
    parser = expat.ParserCreate(namespace_separator=" ")
    found = {"root": None, "depth": 0, "children": []}

    def start(name, attributes):
        uri, _sep, local = name.rpartition(" ")
        if found["root"] is None:
            found["root"] = (uri, local)
        elif found["depth"] == 1:
            found["children"].append((uri, local, attributes))
        found["depth"] += 1

    def end(name):
        found["depth"] -= 1

    def refuse_dtd(*args):
        raise NotTheDocument("a DTD in an XML part")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    total = 0
    try:
        while chunk := stream.read(256 * 1024):
            total += len(chunk)
            if total > MAX_PART_BYTES:
                raise NotTheDocument("an XML part too large")
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise NotTheDocument(f"not well-formed XML: {error}") from None
    except ZIP_ERRORS as error:  # a bad checksum or a broken stream, found while reading
        raise NotTheDocument(f"a damaged zip member: {error!r}") from None
    if found["root"] is None:
        raise NotTheDocument("an empty XML part")
    return (*found["root"], found["children"])


def _part(archive: zipfile.ZipFile, name: str):
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise NotTheDocument(f"no part {name}") from None
    if info.file_size > MAX_PART_BYTES:
        raise NotTheDocument(f"part {name} too large")
    try:
        return archive.open(info)
    except (*ZIP_ERRORS, OSError) as error:
        raise NotTheDocument(f"a damaged zip member {name}: {error!r}") from None


def _zip(data: bytes) -> zipfile.ZipFile:
    """The zip package, after checking from its directory alone (nothing unpacked) that it is
    no bomb; each part is checked while it is read (its size bound, its checksum)."""
    if not data.startswith(b"PK\x03\x04"):
        raise NotTheDocument("not a zip package")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (*ZIP_ERRORS, OSError) as error:
        raise NotTheDocument(f"a damaged zip: {error!r}") from None
    members = archive.infolist()
    if len(members) > 10_000:
        raise NotTheDocument("too many members")
    if sum(info.file_size for info in members) > MAX_PACKAGE_BYTES:
        raise NotTheDocument("the members unpack to too much")
    for info in members:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise NotTheDocument(f"member {info.filename} is compressed too much")
    return archive


# --- Office Open XML ----------------------------------------------------------------------------


def _check_ooxml(data: bytes, extension, expected) -> None:
    archive = _zip(data)
    with archive:
        with _part(archive, "[Content_Types].xml") as stream:
            uri, local, children = _xml_root(stream)
        if (uri, local) != (CONTENT_TYPES_NS, "Types"):
            raise NotTheDocument("[Content_Types].xml is not a content types part")
        mains = [
            attributes.get("PartName", "")
            for child_uri, child, attributes in children
            if child_uri == CONTENT_TYPES_NS
            and child == "Override"
            and attributes.get("ContentType", "").lower() == expected
        ]
        if len(mains) != 1 or not mains[0].startswith("/"):
            raise NotTheDocument(f"no single main part of type {expected}")
        main = mains[0].lstrip("/")
        with _part(archive, "_rels/.rels") as stream:
            uri, local, relations = _xml_root(stream)
        targets = {
            attributes.get("Target", "").lstrip("/")
            for child_uri, child, attributes in relations
            if uri == RELATIONSHIPS_NS and attributes.get("Type") in OFFICE_DOCUMENT_RELS
        }
        if main not in targets:
            raise NotTheDocument("the package's relationships do not name the main part")
        with _part(archive, main) as stream:
            uri, local, _children = _xml_root(stream)
        if uri not in OOXML_NAMESPACES or local != OOXML_ROOTS[extension]:
            raise NotTheDocument(f"the main part is <{local}> in {uri!r}")


# --- OpenDocument ----------------------------------------------------------------------------


def _check_odf(data: bytes, extension, expected) -> None:
    archive = _zip(data)
    with archive:
        names = archive.namelist()
        if not names or names[0] != "mimetype":
            raise NotTheDocument("mimetype is not the first member")
        with _part(archive, "mimetype") as stream:
            try:
                mimetype = stream.read(256)
            except ZIP_ERRORS as error:
                raise NotTheDocument(f"a damaged mimetype: {error!r}") from None
        if mimetype.strip() != expected.encode():
            raise NotTheDocument("another OpenDocument type")
        with _part(archive, "META-INF/manifest.xml") as stream:
            _xml_root(stream)
        with _part(archive, "content.xml") as stream:
            uri, local, _children = _xml_root(stream)
        if (uri, local) != (ODF_OFFICE_NS, "document-content"):
            raise NotTheDocument("content.xml is not document content")


# --- Compound File (old binary Office) -------------------------------------------------------


def _check_ole(data: bytes, extension, expected) -> None:
    """A Compound File Binary ([MS-CFB]) whose directory holds the stream of the kind. The FAT
    is found through the header's 109 entries and, in a file larger than about 7 MB (3.5 GB
    with 4096-byte sectors), the DIFAT chain that continues them."""
    if len(data) < 512 or not data.startswith(OLE_MAGIC):
        raise NotTheDocument("no Compound File header")
    major, byte_order, sector_shift = struct.unpack_from("<HHH", data, 0x1A)
    if byte_order != 0xFFFE or (major, sector_shift) not in {(3, 9), (4, 12)}:
        raise NotTheDocument("a damaged Compound File header")
    sector = 1 << sector_shift
    per_sector = sector // 4
    first_directory = struct.unpack_from("<I", data, 0x30)[0]
    difat_first, difat_count = struct.unpack_from("<II", data, 0x44)

    def offset(number):
        return (number + 1) * sector

    def read_sector(number, what):
        start = offset(number)
        if start + sector > len(data):
            raise NotTheDocument(f"{what} lies outside the file")
        return struct.unpack_from(f"<{per_sector}I", data, start)

    fat_sectors = list(struct.unpack_from("<109I", data, 0x4C))
    number, seen = difat_first, set()
    while number < 0xFFFFFFFA and len(seen) < difat_count:
        if number in seen:
            raise NotTheDocument("a damaged DIFAT chain")
        seen.add(number)
        entries = read_sector(number, "the DIFAT")
        fat_sectors.extend(entries[:-1])
        number = entries[-1]
    fat = []
    for number in fat_sectors:
        if number < 0xFFFFFFFA:
            fat.extend(read_sector(number, "the FAT"))
    names, number, seen = set(), first_directory, set()
    while number < 0xFFFFFFFA:
        if number in seen or number >= len(fat) or len(seen) > 10_000:
            raise NotTheDocument("a damaged directory chain")
        seen.add(number)
        start = offset(number)
        if start + sector > len(data):
            raise NotTheDocument("the directory lies outside the file")
        for entry in range(start, start + sector, 128):
            length = struct.unpack_from("<H", data, entry + 64)[0]
            kind = data[entry + 66]
            if kind in (1, 2) and 2 <= length <= 64:
                names.add(data[entry : entry + length - 2].decode("utf-16-le", "replace"))
        number = fat[number]
    if not names & set(expected):
        raise NotTheDocument(f"none of the streams {expected}")


CHECKS = {"pdf": _check_pdf, "ooxml": _check_ooxml, "odf": _check_odf, "ole": _check_ole}
