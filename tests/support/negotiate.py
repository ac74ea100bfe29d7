"""Make a realistic revision of a draft, and keep the true mapping from the old text to the new.

`revise(draft, seed)` applies the edits a negotiation makes between two rounds — wording amended
(an operative verb changed, a qualifier such as "as appropriate" or "all" added or dropped, a
phrase replaced), a paragraph inserted, deleted, moved (and sometimes amended as well), split in
two or merged with the next, a technical update (session ordinals, symbols, resolution numbers
and years shifted by two sessions), a footnote inserted — then renumbers the operative
paragraphs and the footnotes as a real revision would, and labels the preambular paragraphs by
position. The result is laid out again as PDF extraction gives it (`lay_out`: spaced for
French, block for English) and read back, which is what a comparison sees.

What `Revision.links` guarantees: every paragraph of the old draft and of the new draft stands in
exactly one link, in the comparison's vocabulary (``unchanged``, ``amended``, ``added``,
``deleted``, ``split``, ``merged``; ``moved``; ``technical`` for an amendment that is only a
technical update). Labels are those of the drafts the comparison sees: `lay_out` only returns a
text that reads back to the same paragraphs (it tries other widths and page lengths when a known
reader bug would change them).

Realism limits, chosen so that the truth is never in doubt: each paragraph takes at most one
structural edit (a split half, a merged or an inserted paragraph is not edited again); a moved
paragraph jumps over at least three others; the last operative paragraph (the one ending with a
full stop) stays last; an inserted paragraph is written from fragments of at least two other
paragraphs and shares little wording with any single one.

Pure and deterministic: `random.Random(seed)` only, no I/O, no clock.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace

from resdiff import languages
from resdiff.align import normalise
from resdiff.compare import Comparison
from resdiff.model import Draft, Footnote, Paragraph
from resdiff.parse import parse_text
from resdiff.worddiff import similarity
from tests.support.layout import render_block, render_spaced

Kind = str
"""One of ``unchanged``, ``amended``, ``added``, ``deleted``, ``split``, ``merged``."""

_QUALIFIERS = {
    "en": ("as appropriate", "where appropriate", "as a matter of priority", "inter alia"),
    "fr": ("selon qu’il conviendra", "selon que de besoin", "à titre prioritaire",
           "entre autres"),
}
_ALL = {
    "en": (re.compile(r"(?<!all )(?<!all the )\b(?:the )?(Member States|States|Governments)\b"),
           "all {0}", re.compile(r"\ball (?=(?:the )?(?:Member States|States|Governments)\b)")),
    "fr": (re.compile(r"(?<!tous )\bles (États|gouvernements)\b"), "tous {0}",
           re.compile(r"\btous (?=les (?:États|gouvernements)\b)")),
}
_JOINERS = {"en": ", and ", "fr": ", et "}
_SPLIT_AT = {"en": ("; ", ", and "), "fr": ("; ", " ; ", ", et ")}
_NEW_OPENERS = {
    ("en", "preamble"): ("Recognizing", "Stressing", "Emphasizing", "Underlining",
                         "Recognizing also"),
    ("en", "operative"): ("Encourages", "Urges", "Calls upon", "Invites", "Also encourages"),
    ("fr", "preamble"): ("Consciente", "Convaincue", "Consciente également",
                         "Convaincue en outre"),
    ("fr", "operative"): ("Encourage", "Engage", "Invite", "Exhorte", "Encourage également"),
}
"""Openers for a new paragraph, all of them in the language tables, that `_BRIDGES` fits."""
_BRIDGES = {
    ("en", "preamble"): " the need to address", ("en", "operative"): " Member States to address",
    ("fr", "preamble"): " de la nécessité de prendre en compte",
    ("fr", "operative"): " les États Membres à prendre en compte",
}
"""What follows a new paragraph's opener, so that the borrowed clauses read as its object."""
_SEE = {"en": "See {0}.", "fr": "Voir {0}."}

_SYMBOL_SESSION = re.compile(r"(?<![\w/])(A/(?:[A-Z]+(?:\.\d+)?/)*)(\d{2})(?=/)")
_RESOLUTION_REF = re.compile(r"(?<![\w/.])(\d{2})/(\d{1,4})(?![\w/])")
_YEAR = re.compile(r"(?<![\d/.])(20\d\d)(?![\d/])")
SHIFT = 2
"""Sessions (and years) a technical update moves by."""


@dataclass(frozen=True)
class TrueLink:
    """What really became of one old paragraph (or two), in the comparison's vocabulary."""

    kind: Kind
    old: tuple[str, ...]
    new: tuple[str, ...]
    moved: bool = False
    technical: bool = False


@dataclass(frozen=True)
class Revision:
    """A generated revision of ``old`` and the true mapping between the two."""

    old: Draft
    new: Draft
    """The revised draft as generated (labels renumbered)."""
    links: tuple[TrueLink, ...]
    footnotes: tuple[TrueLink, ...]
    """The footnotes' true mapping, labels ``FN3``: renumbering alone is ``unchanged``."""
    edits: tuple[str, ...]
    """What was done, one line per edit, to read when a comparison misses something."""


# --- the working copy -------------------------------------------------------------------------


@dataclass
class _Item:
    part: str
    text: str
    origin: tuple[int, ...]
    """Indices of the old paragraphs this one comes from; empty for an inserted one."""
    notes: tuple[object, ...]
    """Old footnote numbers, or a `_NewNote` for an inserted footnote."""
    shape: str = "same"
    """``same``, ``split`` (one half of a split), ``merged`` or ``added``."""
    group: int = -1
    """The split both halves come from."""
    moved: bool = False
    substantive: bool = False
    technical: bool = False

    @property
    def free(self) -> bool:
        return self.shape == "same" and not self.moved and not self.substantive \
            and not self.technical


@dataclass(frozen=True)
class _NewNote:
    text: str


@dataclass
class _State:
    draft: Draft
    rng: random.Random
    code: str
    items: list[_Item]
    deleted: list[int] = field(default_factory=list)
    edits: list[str] = field(default_factory=list)
    splits: int = 0

    def part(self, part: str) -> list[int]:
        return [k for k, it in enumerate(self.items) if it.part == part]

    def last_op(self) -> int | None:
        ops = self.part("operative")
        return ops[-1] if ops else None

    def pick(self, ok) -> int | None:
        last = self.last_op()
        choices = [k for k, it in enumerate(self.items)
                   if it.part in ("preamble", "operative") and k != last and ok(it)]
        return self.rng.choice(choices) if choices else None

    def slots(self, part: str) -> list[int]:
        """Where a paragraph may be put in `part`: before any of its paragraphs but the second
        half of a split (the halves stay neighbours), or after the last preambular one."""
        where = self.part(part)
        ok = [k for k in where if not (self.items[k].shape == "split" and k > 0
                                       and self.items[k - 1].group == self.items[k].group)]
        return ok if part == "operative" else ok + [where[-1] + 1]

    def label(self, k: int) -> str:
        it = self.items[k]
        if it.origin:
            return "+".join(self.draft.paragraphs[i].label for i in it.origin)
        return "new"


# --- edits ------------------------------------------------------------------------------------


def _ending(item: _Item, code: str) -> str:
    return "," if item.part == "preamble" else (" ;" if code == "fr" else ";")


def _body(text: str) -> tuple[str, str]:
    """The text without its final punctuation, and that punctuation (with its space)."""
    m = re.search(r"\s*[,;.:]\s*$", text)
    return (text[: m.start()], text[m.start():]) if m else (text, "")


def _words(text: str) -> list[str]:
    return text.split(" ")


def _amend(s: _State, k: int) -> bool:
    """One change of wording; False when none of the kinds applies to this paragraph."""
    it = s.items[k]
    before = it.text
    ways = ["opener", "qualifier", "all", "phrase"]
    s.rng.shuffle(ways)
    for way in ways:
        text = _amended(s, it, way)
        if text is not None and normalise(text) != normalise(before):
            it.text = text
            it.substantive = True
            s.edits.append(f"amend {s.label(k)} ({way})")
            return True
    return False


def _amended(s: _State, it: _Item, way: str) -> str | None:
    rng, code, text = s.rng, s.code, it.text
    if way == "opener":
        part = "preamble" if it.part == "preamble" else "operative"
        current = languages.opener(code, text, part)  # type: ignore[arg-type]
        if not current or not text.startswith(current):
            return None
        table = languages.table(code)
        listed = table.preamble_openers if part == "preamble" else table.operative_openers
        others = [o for o in listed if not o.startswith(current) and not current.startswith(o)]
        return rng.choice(others) + text[len(current):]
    if way == "qualifier":
        for q in _QUALIFIERS[code]:
            if f", {q}," in text:
                return text.replace(f", {q},", ",", 1)
        body, end = _body(text)
        return f"{body}, {rng.choice(_QUALIFIERS[code])}{end}"
    if way == "all":
        add, form, drop = _ALL[code]
        if drop.search(text):
            return drop.sub("", text, count=1)
        m = add.search(text)
        if not m:
            return None
        noun = m.group(0).removeprefix("the ") if code == "en" else m.group(0)
        return text[: m.start()] + form.format(noun) + text[m.end():]
    # A phrase replaced by words from elsewhere in the document.
    words = _words(text)
    if len(words) < 15:
        return None
    at = rng.randrange(3, len(words) - 4)
    width = rng.randint(2, 3)
    donor = _words(rng.choice(s.draft.paragraphs).text)
    plain = [w for w in donor[2:] if re.fullmatch(r"[^\W\d_][\w’'\-]*", w)]
    if len(plain) < 3:
        return None
    start = rng.randrange(0, len(plain) - 2)
    replacement = plain[start: start + rng.randint(1, 3)]
    if any(not re.fullmatch(r"[\w’'\-]+", w) for w in words[at: at + width]):
        return None
    return " ".join(words[:at] + replacement + words[at + width:])


def _shift_text(text: str, code: str, session: int) -> str:
    """Every recent session ordinal, symbol, resolution number and year moved by `SHIFT`;
    older ones (and the dates of older resolutions) stay, as a real update leaves them."""

    def recent(n: int) -> bool:
        return session - 6 <= n <= session + 4

    out = text
    for start, end, n in reversed(languages.find_ordinals(code, out)):
        forms = languages.ordinal_forms(code, n + SHIFT)
        if n >= 50 and recent(n) and forms:
            word = forms[0]
            if out[start].isupper():
                word = word[0].upper() + word[1:]
            out = out[:start] + word + out[end:]
    out = _SYMBOL_SESSION.sub(
        lambda m: m.group(1) + (str(int(m.group(2)) + SHIFT) if recent(int(m.group(2)))
                                else m.group(2)), out)
    # A date after a resolution that does not move (its session is older) stays with it.
    still = [range(m.end(), m.end() + 30) for m in _RESOLUTION_REF.finditer(out)
             if not recent(int(m.group(1)))]
    out = _RESOLUTION_REF.sub(
        lambda m: (str(int(m.group(1)) + SHIFT) if recent(int(m.group(1))) else m.group(1))
        + "/" + m.group(2), out)
    # Session n opens in year 1945 + n: an older year dates something that does not move.
    return _YEAR.sub(lambda m: str(int(m.group(1)) + SHIFT)
                     if recent(int(m.group(1)) - 1945)
                     and not any(m.start() in r for r in still) else m.group(1), out)


def _technical(s: _State, k: int) -> bool:
    it = s.items[k]
    shifted = _shift_text(it.text, s.code, s.draft.session or 77)
    if shifted == it.text:
        return False
    it.text = shifted
    it.technical = True
    s.edits.append(f"technical update {s.label(k)}")
    return True


def _fragment(s: _State, source: str) -> str | None:
    """A clause of `source` (between commas, past its opener) of five to fifteen words, without
    figures: a loose figure in running text reads as a footnote marker."""
    clauses = [c.strip(" ;:.«»“”\"()") for c in _body(source)[0].split(", ")[1:]]
    fit = [c for c in clauses if 5 <= len(_words(c)) <= 15 and not re.search(r"\d", c)
           and c[:1].islower()]
    return s.rng.choice(fit) if fit else None


def _insert(s: _State) -> bool:
    part = s.rng.choice(["preamble", "operative"])
    where = s.part(part)
    if not where:
        return False
    opener = s.rng.choice(_NEW_OPENERS[s.code, part])
    for _ in range(20):
        sources = s.rng.sample(s.draft.paragraphs, min(6, len(s.draft.paragraphs)))
        pieces = [f for p in sources if (f := _fragment(s, p.text))][: s.rng.randint(2, 3)]
        if len(pieces) < 2:
            continue
        body = f"{opener}{_BRIDGES[s.code, part]} {pieces[0]}" + "".join(
            f"{s.rng.choice([', ', _JOINERS[s.code]])}{p}" for p in pieces[1:])
        item = _Item(part, "", (), (), shape="added")
        item.text = body + _ending(item, s.code)
        if max(similarity(item.text, it.text) for it in s.items) >= 0.3:
            continue
        at = s.rng.choice(s.slots(part))
        s.items.insert(at, item)
        s.edits.append(f"insert {part} paragraph at {at}")
        return True
    return False


def _delete(s: _State) -> bool:
    k = s.pick(lambda it: it.free and len(s.part(it.part)) > 3)
    if k is None:
        return False
    s.edits.append(f"delete {s.label(k)}")
    s.deleted.extend(s.items[k].origin)
    del s.items[k]
    return True


def _move(s: _State) -> bool:
    k = s.pick(lambda it: it.free and len(s.part(it.part)) >= 6)
    if k is None:
        return False
    it = s.items.pop(k)
    far = [j for j in s.slots(it.part) if abs(j - k) >= 3]
    if not far:
        s.items.insert(k, it)
        return False
    at = s.rng.choice(far)
    s.items.insert(at, it)
    it.moved = True
    s.edits.append(f"move {s.label(at)} from {k} to {at}")
    if s.rng.random() < 0.5:
        _amend(s, at)
    return True


def _split(s: _State) -> bool:
    seps = _SPLIT_AT[s.code]

    def places(it: _Item) -> list[tuple[int, str]]:
        found = []
        for sep in seps:
            for m in re.finditer(re.escape(sep), it.text):
                head, tail = it.text[: m.start()], it.text[m.end():]
                if (len(_words(head)) >= 8 and len(_words(tail)) >= 8
                        and re.match(r"[^\W\d_]{3,}", tail)):
                    found.append((m.start(), sep))
        return found

    k = s.pick(lambda it: it.free and bool(places(it)))
    if k is None:
        return False
    it = s.items[k]
    pos, sep = s.rng.choice(places(it))
    head = it.text[:pos]
    tail = it.text[pos + len(sep):]
    tail = re.sub(r"^(?:and|et) ", "", tail)
    tail = tail[0].upper() + tail[1:]
    share = round(len(it.notes) * len(_words(head)) / len(_words(it.text)))
    s.splits += 1
    first = _Item(it.part, head + _ending(it, s.code), it.origin, it.notes[:share], "split",
                  s.splits)
    second = _Item(it.part, tail, it.origin, it.notes[share:], "split", s.splits)
    s.items[k: k + 1] = [first, second]
    s.edits.append(f"split {s.label(k)}")
    return True


def _merge(s: _State) -> bool:
    last = s.last_op()
    pairs = [k for k in range(len(s.items) - 1)
             if s.items[k].free and s.items[k + 1].free and k + 1 != last
             # Consecutive in the old draft too: the comparison's merge is of neighbours.
             and s.items[k].origin[0] + 1 == s.items[k + 1].origin[0]
             and s.items[k].part == s.items[k + 1].part
             and s.items[k].part in ("preamble", "operative")
             and len(s.part(s.items[k].part)) > 3]
    if not pairs:
        return False
    k = s.rng.choice(pairs)
    a, b = s.items[k], s.items[k + 1]
    second = b.text[0].lower() + b.text[1:]
    text = _body(a.text)[0] + _JOINERS[s.code] + second
    s.edits.append(f"merge {s.label(k)} and {s.label(k + 1)}")
    s.items[k: k + 2] = [_Item(a.part, text, a.origin + b.origin, a.notes + b.notes, "merged")]
    return True


def _footnote(s: _State) -> bool:
    k = s.pick(lambda it: True)
    if k is None:
        return False
    it = s.items[k]
    session = (s.draft.session or 77) + SHIFT
    symbol = f"A/{session}/{s.rng.randint(100, 399)}"
    it.notes = it.notes + (_NewNote(_SEE[s.code].format(symbol)),)
    s.edits.append(f"footnote inserted in {s.label(k)}")
    return True


_EDITS = (
    ("amend", 4), ("technical", 1), ("insert", 1), ("delete", 1), ("move", 2), ("split", 1),
    ("merge", 1), ("footnote", 1),
)


def _apply(s: _State, name: str) -> bool:
    if name == "amend":
        k = s.pick(lambda it: it.free)
        return k is not None and _amend(s, k)
    if name == "technical":
        k = s.pick(lambda it: it.free and _shift_text(it.text, s.code, s.draft.session or 77)
                   != it.text)
        return k is not None and _technical(s, k)
    return {"insert": _insert, "delete": _delete, "move": _move, "split": _split,
            "merge": _merge, "footnote": _footnote}[name](s)


# --- the revision -----------------------------------------------------------------------------


def revise(draft: Draft, seed: int, edits: int | None = None) -> Revision:
    """A revision of `draft` after `edits` negotiation edits (by default one for every ten
    paragraphs, at least three), chosen and placed by `random.Random(seed)`."""
    code = draft.language if draft.language in _QUALIFIERS else "en"
    rng = random.Random(seed)
    items = [_Item(p.part, p.text, (i,), p.notes) for i, p in enumerate(draft.paragraphs)]
    s = _State(draft, rng, code, items)
    count = edits if edits is not None else max(3, len(draft.paragraphs) // 10)
    names = [n for n, _ in _EDITS]
    weights = [w for _, w in _EDITS]
    done = tries = 0
    while done < count and tries < 20 * count:
        tries += 1
        done += _apply(s, rng.choices(names, weights)[0])
    # A technical update is a revision-wide habit: at least one per revision when possible.
    if not any(it.technical for it in s.items):
        _apply(s, "technical")
    return _finish(s)


def _finish(s: _State) -> Revision:
    draft = s.draft
    # Footnotes renumbered in order of appearance; those no paragraph cites any more are gone.
    order: list[object] = []
    for it in s.items:
        order += [n for n in it.notes if n not in order]
    numbers = {note: k + 1 for k, note in enumerate(order)}
    old_notes = {f.number: f for f in draft.footnotes}
    footnotes = tuple(
        Footnote(numbers[n], n.text if isinstance(n, _NewNote) else old_notes[n].text)
        for n in order if isinstance(n, _NewNote) or n in old_notes)
    fn_links = [TrueLink("added", (), (f"FN{numbers[n]}",)) if isinstance(n, _NewNote)
                else TrueLink("unchanged", (f"FN{n}",), (f"FN{numbers[n]}",))
                for n in order if isinstance(n, _NewNote) or n in old_notes]
    fn_links += [TrueLink("deleted", (f"FN{f.number}",), ()) for f in draft.footnotes
                 if f.number not in numbers]

    paragraphs: list[Paragraph] = []
    counts = {"preamble": 0, "operative": 0}
    for it in s.items:
        notes = tuple(numbers[n] for n in it.notes)
        if it.part in counts:
            counts[it.part] += 1
            n = counts[it.part]
            label, number = (f"PP{n}", None) if it.part == "preamble" else (f"OP{n}", n)
        else:
            old = draft.paragraphs[it.origin[0]]
            label, number = old.label, old.number
        paragraphs.append(Paragraph(label, it.part, it.text, notes, number))  # type: ignore[arg-type]
    new = replace(draft, paragraphs=tuple(paragraphs), footnotes=footnotes, warnings=())

    links: list[TrueLink] = []
    old_label = [p.label for p in draft.paragraphs]
    k = 0
    while k < len(s.items):
        it, label = s.items[k], paragraphs[k].label
        if it.shape == "added":
            links.append(TrueLink("added", (), (label,)))
        elif it.shape == "split":
            links.append(TrueLink("split", (old_label[it.origin[0]],),
                                  (label, paragraphs[k + 1].label)))
            k += 1
        elif it.shape == "merged":
            links.append(TrueLink("merged", tuple(old_label[i] for i in it.origin), (label,)))
        else:
            same = normalise(it.text) == normalise(draft.paragraphs[it.origin[0]].text)
            links.append(TrueLink("unchanged" if same else "amended",
                                  (old_label[it.origin[0]],), (label,), it.moved,
                                  it.technical and not it.substantive and not same))
        k += 1
    links += [TrueLink("deleted", (old_label[i],), ()) for i in sorted(s.deleted)]
    return Revision(draft, new, tuple(links), tuple(fn_links), tuple(s.edits))


# --- laid out as PDF extraction gives it --------------------------------------------------------


def _readable(read: Draft, draft: Draft) -> bool:
    return [(p.label, p.part, p.text) for p in read.paragraphs] == \
        [(p.label, p.part, p.text) for p in draft.paragraphs]


def lay_out(draft: Draft, seed: int = 0) -> tuple[str, Draft]:
    """`draft` as PDF extraction gives it (spaced for French, block otherwise) and what reading
    that text gives. The first layout (width, page length, marker places from `seed`) that reads
    back to the same paragraphs is kept: known reader bugs (see ``tests/test_properties.py``)
    would otherwise change the labels the true mapping speaks of. When none does, the last
    layout tried is returned; `Revision` users check labels with `readable_labels`."""
    rng = random.Random(seed)
    spaced = draft.language in ("fr", "es")
    text, read = "", draft
    for attempt in range(12):
        width = 85 if attempt == 0 else rng.randint(70, 105)
        if spaced:
            text = render_spaced(draft, width=width, lines_per_page=rng.randint(20, 45),
                                 seed=seed + attempt)
        else:
            text = render_block(draft, width=width, lines_per_page=rng.randint(35, 55),
                                seed=seed + attempt)
        read = parse_text(text)
        if _readable(read, draft):
            break
    return text, read


def readable_labels(read: Draft, draft: Draft) -> bool:
    """Reading the laid-out text gave back `draft`'s paragraphs (labels, parts, texts)."""
    return _readable(read, draft)


# --- scoring a comparison against the truth ------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """How a comparison's paragraph links measure against the true mapping."""

    true_pairs: frozenset[tuple[str, str]]
    found_pairs: frozenset[tuple[str, str]]
    false_added: tuple[str, ...]
    """New labels reported added that were not."""
    false_deleted: tuple[str, ...]
    missed_added: tuple[str, ...]
    missed_deleted: tuple[str, ...]
    wrong_kind: tuple[str, ...]
    """True links found with the right labels but another kind, as ``kind old→new (got)``."""
    moves_true: int
    moves_found: int
    moves_extra: tuple[str, ...]
    wrong_technical: tuple[str, ...]

    @property
    def correct(self) -> int:
        return len(self.true_pairs & self.found_pairs)

    @property
    def missed_links(self) -> frozenset[tuple[str, str]]:
        return self.true_pairs - self.found_pairs

    @property
    def false_links(self) -> frozenset[tuple[str, str]]:
        return self.found_pairs - self.true_pairs


def pairs(links) -> frozenset[tuple[str, str]]:
    """(old label, new label) for every link with both ends; a split or merge gives two."""
    return frozenset((o, n) for lk in links for o in lk.old for n in lk.new)


def score(truth: tuple[TrueLink, ...], comparison: Comparison) -> Score:
    found = {(c.old, c.new): c for c in comparison.changes}
    added = {c.new[0] for c in comparison.changes if c.kind == "added"}
    deleted = {c.old[0] for c in comparison.changes if c.kind == "deleted"}
    true_added = {lk.new[0] for lk in truth if lk.kind == "added"}
    true_deleted = {lk.old[0] for lk in truth if lk.kind == "deleted"}
    wrong_kind, wrong_technical = [], []
    moves_found = 0
    for lk in truth:
        c = found.get((lk.old, lk.new))
        if c is None or lk.kind in ("added", "deleted"):
            continue
        name = f"{lk.kind} {'+'.join(lk.old)}→{'+'.join(lk.new)}"
        if c.kind != lk.kind:
            wrong_kind.append(f"{name} (got {c.kind})")
        if lk.moved and c.moved:
            moves_found += 1
        if lk.kind == "amended" and c.technical != lk.technical:
            wrong_technical.append(f"{name} (technical {c.technical})")
    true_moved = {(lk.old, lk.new) for lk in truth if lk.moved}
    extra = tuple(f"{'+'.join(c.old)}→{'+'.join(c.new)}" for c in comparison.changes
                  if c.moved and (c.old, c.new) not in true_moved)
    return Score(
        true_pairs=pairs(truth), found_pairs=pairs(comparison.changes),
        false_added=tuple(sorted(added - true_added)),
        false_deleted=tuple(sorted(deleted - true_deleted)),
        missed_added=tuple(sorted(true_added - added)),
        missed_deleted=tuple(sorted(true_deleted - deleted)),
        wrong_kind=tuple(wrong_kind), moves_true=len(true_moved), moves_found=moves_found,
        moves_extra=extra, wrong_technical=tuple(wrong_technical),
    )
