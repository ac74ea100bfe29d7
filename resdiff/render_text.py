"""The terminal view of a comparison, as `resdiff diff` prints it by default.

Git-like: a header naming both versions, a summary line, then every paragraph in the new
version's order (deleted ones where they stood) with its label(s), its kind and, inside amended,
split and merged paragraphs, the words that changed. With colour (a terminal), deletions are red
and struck through, insertions green and underlined; without (piped), they are written
``[-deleted-]`` and ``{+inserted+}``, which any reader and ``grep`` understand.

Pure: `render_text(comparison, options) -> str`; the CLI decides about colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from .compare import Change, Comparison, FootnoteChange
from .model import Draft
from .subitems import sub_items

_RED, _GREEN, _DIM, _BOLD, _CYAN, _RESET = (
    "\x1b[31;9m", "\x1b[32;4m", "\x1b[2m", "\x1b[1m", "\x1b[36m", "\x1b[0m"
)
_MARK = {"unchanged": " ", "amended": "~", "added": "+", "deleted": "-", "split": "<",
         "merged": ">"}


@dataclass(frozen=True)
class TextOptions:
    color: bool = False
    only_changes: bool = False
    """Leave out unchanged paragraphs that did not move."""
    no_technical: bool = False
    """Fold technical updates into one line instead of showing each."""


def render_text(comparison: Comparison, options: TextOptions = TextOptions()) -> str:
    out = [_header(comparison.old, comparison.new, options), _summary_line(comparison)]
    out += [f"note: {note}" for note in comparison.notes]
    technical = [c for c in comparison.changes if c.kind == "amended" and c.technical]
    if options.no_technical and technical:
        labels = ", ".join(_labels(c) for c in technical)
        out.append(f"technical updates ({len(technical)}): {labels}")
    for change in comparison.changes:
        if options.only_changes and change.kind == "unchanged" and not change.moved:
            continue
        if options.no_technical and change in technical:
            continue
        out.append("")
        out.append(_change_head(change, options))
        body = _body(change, options)
        if body:
            out.append("    " + body)
    notes = [f for f in comparison.footnotes
             if not (options.only_changes and f.kind == "unchanged")]
    if notes:
        out += ["", _style("Footnotes", _BOLD, options)]
        out += [_footnote_line(f, options) for f in notes]
    return "\n".join(out) + "\n"


def _header(old: Draft, new: Draft, options: TextOptions) -> str:
    def name(d: Draft) -> str:
        return f"{d.symbol or '(no symbol)'} [{d.language or '?'}]"

    return _style(f"resdiff {name(old)} → {name(new)}", _BOLD, options)


def _summary_line(comparison: Comparison) -> str:
    s = comparison.summary()
    parts = [f"{s['unchanged']} unchanged", f"{s['amended']} amended"
             + (f" ({s['technical']} technical)" if s["technical"] else ""),
             f"{s['added']} added", f"{s['deleted']} deleted", f"{s['moved']} moved",
             f"{s['split']} split", f"{s['merged']} merged"]
    fn = [f for f in comparison.footnotes if f.kind != "unchanged"]
    return "summary: " + ", ".join(parts) + f"; footnotes: {len(fn)} changed"


def _labels(change: Change) -> str:
    old, new = "+".join(change.old), "+".join(change.new)
    if not old:
        return new
    if not new or old == new:
        return old
    return f"{old} → {new}"


def _change_head(change: Change, options: TextOptions) -> str:
    kind = change.kind
    words: list[str] = [kind]
    if change.moved:
        words.append("moved")
    if change.old_part and change.new_part and change.old_part != change.new_part:
        words.append(f"from {change.old_part} to {change.new_part}")
    if change.technical:
        words.append("technical")
    if change.opener:
        words.append(f"opener: {change.opener[0]} → {change.opener[1]}")
    if kind in ("amended", "split", "merged"):
        words.append(f"similarity {change.similarity:.2f}")
    head = f"{_MARK[kind]} {_labels(change)}  " + ", ".join(words)
    colour = {"added": _GREEN.replace(";4", ""), "deleted": _RED.replace(";9", ""),
              "unchanged": _DIM}.get(kind, _CYAN)
    return _style(head, colour, options)


_ITEM_BREAK = "\n      "
"""What stands before a sub-paragraph: a line of its own, under its paragraph's words."""


def _body(change: Change, options: TextOptions) -> str:
    if change.kind == "unchanged":
        text = _broken((("=", change.text),))[0][1]
        return _style(text, _DIM, options) if not options.only_changes else ""
    if change.kind == "added":
        return _segments(change.diff, options, whole=True)
    if change.kind == "deleted":
        return _segments(change.diff, options, whole=True)
    return _segments(change.diff, options, join="\n    ¶ ")


def _broken(diff: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """`diff` with a line break before each sub-paragraph: where the new text has one in
    ``=`` and ``+`` segments, where the old text had one in ``-`` segments."""
    new = "".join(t for op, t in diff if op != "-")
    old = "".join(t for op, t in diff if op != "+")
    starts = {"new": {i.start for i in sub_items(new) if i.start},
              "old": {i.start for i in sub_items(old) if i.start}}
    if not starts["new"] and not starts["old"]:
        return diff
    position = {"new": 0, "old": 0}
    out = []
    for op, text in diff:
        side = "old" if op == "-" else "new"
        base = position[side]
        cuts = sorted(at - base for at in starts[side] if base < at < base + len(text)
                      or (at == base and op != "="))
        pieces, done = [], 0
        for cut in cuts:
            pieces.append(text[done:cut].rstrip(" ") if cut else "")
            done = cut
        pieces.append(text[done:])
        out.append((op, _ITEM_BREAK.join(pieces) if cuts else text))
        for moved in ("new", "old"):
            if op == "=" or (op == "+") == (moved == "new"):
                position[moved] += len(text)
    return tuple(out)


def _segments(diff: tuple[tuple[str, str], ...], options: TextOptions, whole: bool = False,
              join: str = "\n") -> str:
    """The segments marked up; `join` stands where two paragraphs of a split or merge meet."""
    diff = _broken(tuple((op, text.replace("\n", join)) for op, text in diff))
    if whole and not options.color:
        return "".join(text for _, text in diff)
    parts = []
    for op, text in diff:
        if op == "=":
            parts.append(text)
        elif op == "-":
            parts.append(f"{_RED}{text}{_RESET}" if options.color else f"[-{text}-]")
        else:
            parts.append(f"{_GREEN}{text}{_RESET}" if options.color else f"{{+{text}+}}")
    return "".join(parts)


def _footnote_line(change: FootnoteChange, options: TextOptions) -> str:
    old, new = "+".join(change.old), "+".join(change.new)
    labels = new if not old else old if not new or old == new else f"{old} → {new}"
    head = f"{_MARK[change.kind]} {labels}  {change.kind}" + (
        ", technical" if change.technical else "")
    if change.kind == "unchanged":
        return _style(head, _DIM, options)
    return f"{head}\n    {_segments(change.diff, options, whole=change.kind != 'amended')}"


def _style(text: str, code: str, options: TextOptions) -> str:
    return f"{code}{text}{_RESET}" if options.color else text
