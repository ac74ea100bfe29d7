"""Turn a file our users received into decoded text, or refuse it with one clear line.

Guarantees of `read_source`: the returned `Source.text` is a `str` with ``\\n`` line ends, no BOM,
no NUL; its `warnings` name any encoding that was not plain UTF-8. Every refusal is an
`InputError` whose message starts with the file's name and says what is wrong with it.

Readers are chosen by file extension through `READERS`: text here, Word in `read.docx`, PDF in
`read.pdf` (imported only when such a file is read). The Word and PDF readers give the text in
the layout the parser reads (see `read.blocks`).
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..model import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
"""Control characters that do not occur in text (tab, line ends and form feed do)."""


@dataclass(frozen=True)
class Source:
    """The text of one input, with what was noticed while decoding it."""

    name: str
    text: str
    format: str
    """``text``, ``docx`` or ``pdf``."""
    warnings: tuple[str, ...] = ()
    doubts: tuple[str, ...] = ()
    """What the reader could not make agree (``page 3: footnote markers 5, 6 but notes 5``),
    for the reading report (`sureness.assess`)."""


def decode(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """Decode the bytes of a text file: UTF-8 (with or without BOM), UTF-16 with BOM (as Word
    saves "Unicode text"), else cp1252 (Word's "Windows" text). Binary data is refused."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict")
        warnings.append(f"{name}: read as UTF-8 with a byte order mark")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: damaged UTF-16 text ({err.reason})") from None
        warnings.append(f"{name}: read as UTF-16 (as Word saves Unicode text)")
    else:
        if b"\x00" in data:
            raise InputError(f"{name}: binary data, not text (a .docx, .pdf or image renamed?)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append(f"{name}: not UTF-8; read as Windows-1252 (cp1252)")
    if "\x00" in text:
        raise InputError(f"{name}: binary data, not text")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 200):
        raise InputError(f"{name}: binary data, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: the file holds no text")
    return text, tuple(warnings)


Tracked = Literal["current", "base"]
"""Which text of a Word document with tracked changes to read: as it stands now (the changes
accepted), or as it stood before them."""


def _read_text(path: Path, tracked: Tracked = "current") -> Source:
    text, warnings = decode(_read_bytes(path), str(path))
    return Source(name=str(path), text=text, format="text", warnings=warnings)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from None


def _read_docx(path: Path, tracked: Tracked = "current") -> Source:
    from .docx import read_docx

    return read_docx(_read_bytes(path), str(path), tracked)


def _read_pdf(path: Path, tracked: Tracked = "current") -> Source:
    from .pdf import read_pdf

    return read_pdf(_read_bytes(path), str(path))


READERS: dict[str, Callable[[Path, Tracked], Source]] = {
    ".txt": _read_text,
    ".docx": _read_docx,
    ".pdf": _read_pdf,
    ".text": _read_text,
    ".md": _read_text,
    "": _read_text,
}
"""Readers by lower-case file extension; the empty extension is plain text."""

_KNOWN_ELSEWHERE = {
    ".doc": "old binary Word (.doc) is not read: open it in Word or LibreOffice and save it as "
    ".docx, or run `libreoffice --headless --convert-to docx FILE`",
    ".rtf": "RTF is not read: save it as .txt or .docx",
}


def read_source(path: str | os.PathLike[str], *, tracked: Tracked = "current") -> Source:
    """Read one input file; `tracked` chooses the text of a Word file with tracked changes."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a draft")
    ext = p.suffix.lower()
    reader = READERS.get(ext)
    if reader is None:
        hint = _KNOWN_ELSEWHERE.get(ext)
        if hint:
            raise InputError(f"{p}: {hint}")
        known = ", ".join(sorted(e for e in READERS if e))
        raise InputError(f"{p}: unknown file type {ext!r} (resdiff reads {known})")
    return reader(p, tracked)
