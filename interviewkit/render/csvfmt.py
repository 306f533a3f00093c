"""RFC 4180 CSV in UTF-8, with every cell guarded against formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

# Spreadsheets run a cell as a formula when it starts with one of these (or a
# full-width form), even after leading spaces; a leading tab or CR also counts.
_FORMULA_START = frozenset("=+-@＝＋－＠")
EXCEL_BOM = "\ufeff"


def guard(cell: str) -> str:
    """Prefix a `'` to a cell a spreadsheet would treat as a formula."""
    if cell[:1] in ("\t", "\r"):
        return "'" + cell
    stripped = cell.lstrip()
    if stripped[:1] in _FORMULA_START:
        return "'" + cell
    return cell


def to_csv(columns: Sequence[str], rows: Iterable[dict[str, object]], excel: bool = False) -> str:
    """A header and rows as CSV text: CRLF line ends, quotes where needed, guarded cells."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([guard("" if row.get(c) is None else str(row.get(c))) for c in columns])
    return (EXCEL_BOM if excel else "") + out.getvalue()
