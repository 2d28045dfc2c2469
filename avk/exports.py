"""What every export to a spreadsheet shares."""

#: Text starting with one of these is read as a formula by spreadsheet programs (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A value safe for a spreadsheet cell: text that would start a formula gets a leading
    apostrophe, so "=HYPERLINK(...)" stays text. Other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
