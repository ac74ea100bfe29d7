"""How sure a reading is: one warning that says where a parsed draft does not hold together,
so that a user knows when to check a redline against the document itself.

A resolution read right holds together in ways the reading never used to build it: footnotes
numbered 1…F with every marker found, operative paragraphs numbered 1…N, preambular paragraphs
that open with a capital and end with a comma, operative ones that end with a semicolon or a
full stop (or a colon before their sub-paragraphs). `assess` checks those and names what fails,
with the readers' own doubts (a PDF page whose markers and notes do not pair up); it returns
None when all holds. Pure, no I/O.
"""

from __future__ import annotations

from .model import Draft, Paragraph

_PP_ENDS = (",", "，", "،", ":", ";")
_OP_ENDS = (";", ".", ":", "；", "。", "؛", "،", ",")


def _list(items: list[str], limit: int = 4) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _guessed(p: Paragraph, russian: bool) -> str | None:
    text = p.text.strip().rstrip("”’\"»)]").rstrip()  # a quotation or bracket closes it
    if not text:
        return f"{p.label} is empty"
    if text[0].islower() and not russian:
        return f"{p.label} opens in lower case"
    if p.part == "preamble" and not text.endswith(_PP_ENDS):
        return f"{p.label} does not end with a comma"
    if p.part == "operative" and not text.endswith(_OP_ENDS):
        return f"{p.label} does not end as an operative paragraph does"
    return None


def assess(draft: Draft, doubts: tuple[str, ...] = ()) -> str | None:
    """One line naming what does not hold together in `draft`, or None. `doubts` are what the
    reader itself could not pair up (a PDF's pages)."""
    problems: list[str] = list(doubts)
    numbers = [f.number for f in draft.footnotes]
    if numbers and numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"footnotes numbered {_list([str(n) for n in numbers], 6)}, "
                        f"not 1 to {len(numbers)}")
    cited = {n for p in draft.paragraphs for n in p.notes}
    unmarked = [str(n) for n in numbers if n not in cited]
    if unmarked:
        problems.append(f"no marker found for footnote{'s' if len(unmarked) > 1 else ''} "
                        f"{_list(unmarked)}")
    ops = [p.number for p in draft.part("operative") if p.number is not None]
    if ops and sorted(set(ops)) != list(range(1, max(ops) + 1)):
        missing = sorted(set(range(1, max(ops) + 1)) - set(ops))
        problems.append("operative numbers " + (f"missing: {_list([str(n) for n in missing])}"
                                                if missing else "printed twice"))
    if draft.part("preamble") or draft.part("operative"):
        guessed = [g for p in draft.paragraphs if p.part in ("preamble", "operative")
                   and (g := _guessed(p, draft.language == "ru"))]
        if guessed:
            problems.append(f"{len(guessed)} paragraph{'s' if len(guessed) > 1 else ''} "
                            f"guessed ({_list(guessed, 3)})")
    if not problems:
        return None
    return ("the reading may be wrong here: " + "; ".join(problems)
            + ". Check these places against the document before trusting a redline.")
