"""The sub-paragraphs of a paragraph: ``(a)``, ``(b)``… and ``(i)``, ``(ii)``… under them (``a)``,
``i)`` in French and Spanish), as parts one can name: ``OP5 (c)``, ``OP5 (c) (ii)``.

A paragraph keeps its whole text (the comparison reads it whole, so an inserted item is an
amendment of its paragraph, shown where it stands); this module finds where in that text each
item starts, from the text alone, so every reader and every stored version gives the same parts.

Guarantees of `sub_items`: items come in text order, their spans do not overlap and run to the
next item (or the end of the text); a label counts only where it opens a run of its kind in
sequence (``(a)`` first, then ``(b)``…; ``(i)``, ``(ii)``… under a letter or alone), stands at
the start of the text or after ``:``, ``;``, ``,`` or ``.`` (``; and (c)`` too), and keeps the
bracket style of the first item. A reference such as ``resolution 69 (a)`` or ``article 4 (b)``
is never an item. Pure, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LABEL = re.compile(r"(?P<open>\()?(?P<label>[a-z]{1,2}|[ivxl]{1,6}|[а-я])\)(?=\s)")
_BEFORE = re.compile(r"(?:^|[:;,.]\s*|[:;,]\s+(?:and|or|et|ou|y|o|и|или)\s+)$")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
           "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx")


@dataclass(frozen=True)
class SubItem:
    """One sub-paragraph: its label as its parents and it are printed (``(c)``, ``(c)(ii)``)
    and where it stands in its paragraph's text."""

    label: str
    start: int
    end: int

    def text(self, paragraph_text: str) -> str:
        return paragraph_text[self.start:self.end].strip()


def _next(sequence: str | tuple[str, ...], current: str | None) -> str | None:
    if current is None:
        return sequence[0]
    index = list(sequence).index(current) + 1
    return sequence[index] if index < len(sequence) else None


def sub_items(text: str) -> tuple[SubItem, ...]:
    """The sub-paragraphs of a paragraph's text (see the module docstring)."""
    if ")" not in text:
        return ()
    found: list[tuple[str, int]] = []  # (label, start)
    style: bool | None = None  # True: "(a)", False: "a)"
    letter: str | None = None
    roman: str | None = None
    alphabet = _LETTERS
    for m in _LABEL.finditer(text):
        label, opened = m.group("label"), m.group("open") is not None
        if style is not None and opened != style:
            continue
        if not _BEFORE.search(text[:m.start()]):
            continue
        if letter is None and roman is None and label in ("a", "а"):
            alphabet = _CYRILLIC if label == "а" else _LETTERS
        next_letter = _next(alphabet, letter)
        next_roman = _next(_ROMANS, roman)
        is_letter = label == next_letter
        is_roman = label == next_roman
        if is_letter and is_roman:  # "(i)" after "(h)": a letter, unless "(ii)" follows
            is_letter = not re.search(rf"{re.escape('(' if opened else '')}ii\)", text[m.end():])
            is_roman = not is_letter
        if is_letter and (letter is not None or label == alphabet[0]):
            letter, roman = label, None
            found.append((f"({label})" if opened else f"{label})", m.start()))
        elif is_roman and label in _ROMANS:
            roman = label
            own = f"({label})" if opened else f"{label})"
            parent = f"({letter})" if opened else f"{letter})"
            found.append((parent + own if letter else own, m.start()))
        else:
            continue
        style = opened
    if not found or (len(found) == 1 and found[0][0].strip("()") in _ROMANS):
        return ()  # a lone "(i)" is a reference or a list broken elsewhere, not a part
    ends = [start for _, start in found[1:]] + [len(text)]
    return tuple(SubItem(label, start, end) for (label, start), end in zip(found, ends,
                                                                          strict=True))


def chapeau(text: str, items: tuple[SubItem, ...]) -> str:
    """The paragraph's words before its first item."""
    return text[:items[0].start].strip() if items else text
