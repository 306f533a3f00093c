"""RFC 4180 CSV in UTF-8, with every cell guarded against formula injection."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterable, Sequence

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


# A phone number: `+49 30 1234-5678`, `(415) 555.0142`; nothing a formula needs.
_PHONE = re.compile(r"\+?[0-9 ().\/-]*[0-9][0-9 ().\/-]*")


def to_csv(
    columns: Sequence[str],
    rows: Iterable[dict[str, object]],
    excel: bool = False,
    phones: Collection[str] = (),
) -> str:
    """A header and rows as CSV text: CRLF line ends, quotes where needed, guarded cells.

    In the `phones` columns a cell that is only a phone number is left as it is, so
    `+49 …` imports as the number it is rather than `'+49 …`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        cells = []
        for column in columns:
            cell = "" if row.get(column) is None else str(row.get(column))
            cells.append(cell if column in phones and _PHONE.fullmatch(cell) else guard(cell))
        writer.writerow(cells)
    return (EXCEL_BOM if excel else "") + out.getvalue()
