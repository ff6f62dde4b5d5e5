"""Zip packages (.docx, .xlsx) made byte-for-byte repeatable.

python-docx and openpyxl stamp every zip entry with the time of writing. The entries are
written again here with the build's date, in a fixed order ([Content_Types].xml first, as Office
writes it, then by name), with fixed attributes and compression.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

CONTENT_TYPES = "[Content_Types].xml"
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the earliest time a zip entry can hold


def moment(created: str) -> dt.datetime:
    """'2026-01-01T00:00:00Z' as an aware datetime."""
    return dt.datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


def stable_zip(data: bytes, created: str) -> bytes:
    """The same package with every entry dated `created` and in a fixed order."""
    when = max(moment(created), ZIP_EPOCH)
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(entries, key=lambda n: (n != CONTENT_TYPES, n)):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # as Office writes them: no Unix permissions in the file
            info.external_attr = 0
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()
