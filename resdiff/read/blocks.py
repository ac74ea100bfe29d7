"""Write what the Word and PDF readers found as the text `parse.parse_text` reads.

A laid-out file tells what extracted text leaves to guesses: where each paragraph ends, which
digits are footnote markers, which lines are page furniture. The readers collect that as
`Paragraph` pieces (text and footnote markers) and `Note` texts; `render` writes them in the
layout the parser reads most surely: one paragraph per line with a blank line between
paragraphs, the footnotes at the end under a rule, as ``N text`` lines.

Guarantees of `render`: every marker is written glued to the text before it (``organisée1``)
or, where the parser's marker search (`repair.find_marker`, in its document order) would take
other digits for it, loose (``2030 12``); where neither form would be found at exactly its
place, a warning names the footnote. So the parser takes each marker where the file has it,
not where a guess puts it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import repair

RULE = "__________________"


@dataclass(frozen=True)
class Marker:
    """The reference mark of footnote `number`, where the file places it."""

    number: int


Piece = str | Marker


@dataclass
class Block:
    """One paragraph as read: its text pieces and footnote markers, in order."""

    pieces: list[Piece] = field(default_factory=list)

    def text(self) -> str:
        return "".join(p for p in self.pieces if isinstance(p, str))

    def add(self, piece: Piece) -> None:
        if isinstance(piece, str) and self.pieces and isinstance(self.pieces[-1], str):
            self.pieces[-1] += piece
        elif piece != "":
            self.pieces.append(piece)


@dataclass(frozen=True)
class Note:
    """A footnote's text; `mark` is its number, or ``*`` for a note marked by a star."""

    mark: int | str
    text: str


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _forms(before: str, after: str, number: int) -> list[tuple[str, tuple[int, int]]]:
    """The texts the marker may be written in (glued, then loose), each with the marker's span."""
    head = before.rstrip()
    gap = " " if before != head and after[:1].isalnum() else ""
    glued = (head + str(number) + gap + after, (len(head), len(head) + len(str(number))))
    loose_head = head + " " if head else ""
    tail = after if after[:1] in ("", " ") else " " + after
    loose = (loose_head + str(number) + tail,
             (len(loose_head), len(loose_head) + len(str(number))))
    return [glued, loose]


def _place(paragraphs: list[Block]) -> tuple[list[str], list[int]]:
    """Each paragraph's line with its markers written in, and the footnotes whose markers the
    parser would not find at their place."""
    lines: list[str] = []
    doubtful: list[int] = []
    search = (0, 0)  # where the parser's search for the next marker starts: (line, offset)
    for index, block in enumerate(paragraphs):
        line = ""
        prefix = ""  # a space a loose marker needs before the text that follows it
        for k, piece in enumerate(block.pieces):
            if isinstance(piece, str):
                line += prefix + piece
                prefix = ""
                continue
            after = prefix + "".join(p for p in block.pieces[k + 1:] if isinstance(p, str))
            forms = _forms(line, after, piece.number)
            chosen = next((f for f in forms if _found_at(lines, f[0], index, search,
                                                          piece.number, f[1])), None)
            if chosen is None:
                doubtful.append(piece.number)
                chosen = forms[0]
            text, (_, end) = chosen
            line, prefix = text[:end], text[end:len(text) - len(after) + len(prefix)]
            search = (index, end)
        lines.append(line + prefix)
    return lines, doubtful


def _found_at(lines: list[str], text: str, index: int, search: tuple[int, int], number: int,
              span: tuple[int, int]) -> bool:
    """Whether the parser's search for marker `number`, starting at `search`, stops at `span`
    of `text` (the line being written, as line `index`)."""
    first, offset = search
    for k in range(first, index + 1):
        line = text if k == index else lines[k]
        found = repair.find_marker(line, number, offset if k == first else 0)
        if found is not None:
            return k == index and found == span
    return False


def render(paragraphs: list[Block], notes: list[Note], symbols: tuple[str, ...] | list[str] = ()
           ) -> tuple[str, list[str]]:
    """The text to parse, and warnings about markers whose place the parser may miss."""
    blocks = [b for b in paragraphs if _one_line(b.text()) or any(
        isinstance(p, Marker) for p in b.pieces)]
    for block in blocks:
        block.pieces = [_one_line_piece(p) for p in block.pieces]
        if block.pieces and isinstance(block.pieces[0], str):
            block.pieces[0] = block.pieces[0].lstrip()
        if block.pieces and isinstance(block.pieces[-1], str):
            block.pieces[-1] = block.pieces[-1].rstrip()
    lines, doubtful = _place(blocks)
    out = list(dict.fromkeys(symbols)) + [line for line in lines if line.strip()]
    if notes:
        out.append(RULE)
        out += [f"{note.mark} {_one_line(note.text)}" for note in notes]
    warnings = [f"footnote {n}: its marker stands where it cannot be told from the text around it"
                for n in doubtful]
    return "\n\n".join(out) + "\n", warnings


def _one_line_piece(piece: Piece) -> Piece:
    if isinstance(piece, Marker):
        return piece
    collapsed = " ".join(piece.split())
    if piece[:1].isspace() and collapsed:
        collapsed = " " + collapsed
    if piece[-1:].isspace() and collapsed:
        collapsed += " "
    return collapsed if collapsed else (" " if piece else "")
