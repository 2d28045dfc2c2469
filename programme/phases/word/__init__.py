"""The phase plan as an editable Word document (.docx, python-docx), written from the same
`Document` as the PDF: `build` gives its bytes. The package holds the Markdown reading
(`markdown`), the document's frame (`frame`: page, styles, header and footer), its building
blocks (`blocks`: headings, lists, tables) and its chapters (`chapters`)."""

from .chapters import build
from .markdown import add_inline, markdown_blocks

__all__ = ["add_inline", "build", "markdown_blocks"]
