"""`make demo`: read every bundled draft, compare the real families round by round, then build
a history store of them, write its web site and the HTML redline of a real pair.

Run as ``python -m resdiff.demo DRAFTS_DIR [OUT_DIR]`` (``OUT_DIR`` defaults to ``out``, which
git ignores). What it writes there, fresh on each run:

* ``demo-store/``: a history store holding each real family's versions in the order they were
  issued (`FAMILIES`), then the French seed and a generated revision of it;
* ``A_C.3_77_L.6_fr.generated-rev1.txt``: that revision, made by `generated_revision` from the
  seed. It is not a UN document: its file name says ``generated``, and it is stored under the
  symbol `GENERATED_SYMBOL`, which every page that shows it prints;
* ``demo-site/``: the store's static site (`resdiff.site`);
* ``redline-A_80_L.2-A_RES_80_1.html``: the report of A/80/L.2 → A/RES/80/1.

Git needs an author for the store's commits. When none is configured, the demo names one in
its own environment only (``GIT_AUTHOR_NAME`` …), so no git configuration is ever changed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from .compare import Comparison, compare
from .model import Draft, Paragraph, ResdiffError
from .parse import parse_file
from .render_text import TextOptions, render_text

FAMILIES = (
    ("Participation by the State of Palestine", ("A_80_L.2_en", "A_RES_80_1_en")),
    ("Embargo against Cuba",
     ("A_RES_77_7_en", "A_RES_78_7_en", "A_RES_79_7_en", "A_80_L.6_en", "A_RES_80_4_en")),
    ("Report of the International Criminal Court",
     ("A_RES_79_6_en", "A_80_L.9_en", "A_RES_80_6_en")),
    ("Report of the International Atomic Energy Agency", ("A_80_L.7_en", "A_RES_80_7_en")),
)
"""The bundled families, each in the order its versions were issued (see drafts/SOURCES.md)."""

SEED = "A_C.3_77_L.6_fr"
GENERATED_FILE = f"{SEED}.generated-rev1.txt"
GENERATED_SYMBOL = "A/C.3/77/L.6 generated-rev1 (not a UN document)"
REDLINE = ("A_80_L.2_en", "A_RES_80_1_en")
_DEMO_IDENTITY = {"GIT_AUTHOR_NAME": "resdiff demo", "GIT_AUTHOR_EMAIL": "demo@example.org",
                  "GIT_COMMITTER_NAME": "resdiff demo", "GIT_COMMITTER_EMAIL": "demo@example.org"}


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "drafts")
    out = Path(argv[1] if len(argv) > 1 else "out")
    files = sorted(p for p in folder.glob("*.txt"))
    if not files:
        print(f"resdiff demo: no drafts (*.txt) in {folder}", file=sys.stderr)
        return 2
    drafts: dict[str, Draft] = {}
    print(f"{'symbol':<16} {'lang':<4} {'sess':>4} {'PP':>3} {'OP':>3} {'FN':>3}  title")
    for path in files:
        try:
            d = parse_file(path)
        except ResdiffError as err:
            print(f"resdiff demo: {err}", file=sys.stderr)
            return 2
        drafts[path.stem] = d
        print(
            f"{d.symbol or '?':<16} {d.language or '?':<4} {d.session or '?':>4} "
            f"{len(d.part('preamble')):>3} {len(d.part('operative')):>3} {len(d.footnotes):>3}  "
            f"{d.title[:70]}"
        )
        for warning in d.warnings:
            print(f"    warning: {warning}")
    results: dict[tuple[str, str], Comparison] = {}
    for name, stems in FAMILIES:
        if not all(s in drafts for s in stems):
            continue
        print(f"\n== {name}")
        for a, b in zip(stems, stems[1:], strict=False):
            results[a, b] = compare(drafts[a], drafts[b])
            header, summary = render_text(results[a, b]).splitlines()[:2]
            print(header.removeprefix("resdiff "))
            print(f"   {summary}")
    redline = results.get(REDLINE)
    if redline is not None:
        old, new = REDLINE
        print(f"\n== The redline of {drafts[old].symbol} → {drafts[new].symbol}, changes only\n")
        print(render_text(redline, TextOptions(only_changes=True)), end="")
        print(f"\nTry: resdiff diff {folder / old}.txt {folder / new}.txt   (or --format json)")
    try:
        return _store_and_site(folder, out, drafts, redline)
    except ResdiffError as err:
        print(f"resdiff demo: {err}", file=sys.stderr)
        return 2


def _store_and_site(folder: Path, out: Path, drafts: dict[str, Draft],
                    comparison: Comparison | None) -> int:
    """The store, its site and the redline (see the module's docstring); prints what to open."""
    from .render_html import render_html
    from .site import read_chains, render_site, write_site
    from .store import MARKER, Store, init_store

    out.mkdir(parents=True, exist_ok=True)
    root = out / "demo-store"
    if root.exists():
        if not (root / MARKER).is_file():
            raise ResdiffError(f"{root} exists and is not a resdiff store: the demo leaves it "
                               "alone; move it away and run the demo again")
        shutil.rmtree(root)
    _name_an_author()
    store = Store(init_store(str(root)))
    print(f"\n== A history store of the bundled drafts: {root}")
    for _, stems in FAMILIES:
        for stem in stems:
            if stem in drafts:
                v = store.add(str(folder / f"{stem}.txt")).version
                print(f"   added {v.name} ({v.stage_name}) to {v.series}")
    if SEED in drafts:
        seed = store.add(str(folder / f"{SEED}.txt")).version
        print(f"   added {seed.name} ({seed.stage_name}) to {seed.series}")
        generated = out / GENERATED_FILE
        generated.write_text(pasted_text(generated_revision(drafts[SEED])), "utf-8")
        v = store.add(str(generated), symbol=GENERATED_SYMBOL, stage="L-rev",
                      series=seed.series, message="Generated by make demo from "
                      f"{SEED}.txt: not a UN document.").version
        print(f"   added {v.name} ({v.stage_name}) to {v.series}, from {generated}")
    site = out / "demo-site"
    chains = read_chains(store)
    print(f"\n== Its web site: {sum(len(c.versions) for c in chains)} versions")
    write_site(site, render_site(chains))
    old, new = REDLINE
    redline = out / f"redline-{old.removesuffix('_en')}-{new.removesuffix('_en')}.html"
    if comparison is not None:
        redline.write_text(render_html(comparison), "utf-8")
    print("\nOpen in a browser:")
    print(f"   {(site / 'index.html').resolve()}   the site of the store")
    if comparison is not None:
        print(f"   {redline.resolve()}   the redline of "
              f"{drafts[old].symbol} → {drafts[new].symbol}")
    print(f"Try: resdiff log --store {root}")
    return 0


def _name_an_author() -> None:
    """When git knows no author (no user.name/user.email anywhere), name one for this process
    only: the demo's store is the only repository it commits to."""
    for var in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"):
        # Asked from a folder outside any repository, so that only the user's own configuration
        # counts, not the local one of the clone the demo runs in.
        probe = subprocess.run(["git", "var", var], capture_output=True,
                               cwd=tempfile.gettempdir())
        if probe.returncode != 0:
            for key, value in _DEMO_IDENTITY.items():
                os.environ.setdefault(key, value)
            return


# -- a generated revision of the French seed -----------------------------------------------------

_NEW_PP = ("Consciente de la nécessité de prendre en compte les effets des crises humanitaires "
           "sur la traite des femmes et des filles,")


def generated_revision(draft: Draft) -> Draft:
    """A revision of `draft` as a negotiation round makes one, for the demo: an operative verb
    strengthened (``Encourage`` → ``Engage``), ``les États`` made ``tous les États`` in one
    paragraph, a preambular paragraph inserted after the third, an operative paragraph deleted
    and another moved six places down; operative paragraphs renumbered.
    Deterministic; the text is French and written to be read as generated, never as a UN
    document."""
    preamble = list(draft.part("preamble"))
    operative = list(draft.part("operative"))
    for i, p in enumerate(operative):
        if p.text.startswith("Encourage "):
            operative[i] = replace(p, text="Engage" + p.text.removeprefix("Encourage"),
                                   note_at=())
            break
    for i, p in enumerate(operative):
        if " les États " in p.text and i > 5:
            operative[i] = replace(p, text=p.text.replace(" les États ", " tous les États ", 1),
                                   note_at=())
            break
    preamble.insert(3, Paragraph("PP", "preamble", _NEW_PP))
    # Only paragraphs without footnotes are deleted or moved: the footnotes keep their order.
    plain = [i for i, p in enumerate(operative[:-1]) if not p.notes and i >= 4]
    if len(plain) >= 2:
        del operative[plain[-1]]
        operative.insert(plain[0] + 6, operative.pop(plain[0]))
    numbered = [replace(p, label=f"OP{k}", number=k) for k, p in enumerate(operative, 1)]
    labelled = [replace(p, label=f"PP{k}") for k, p in enumerate(preamble, 1)]
    rest = [p for p in draft.paragraphs if p.part not in ("preamble", "operative")]
    return replace(draft, paragraphs=(*labelled, *numbered, *rest), warnings=())


_MARKABLE = re.compile(r"^([^\W\d_]{3,})([,;.:]?)$")


def pasted_text(draft: Draft) -> str:
    """`draft` as text pasted from Word: title, organ line, one paragraph per line with its OP
    number, footnote markers glued to a word (French: before its punctuation), the footnotes
    after a rule. `resdiff.parse` reads it back to the same paragraphs and footnotes."""
    lines = [draft.title, draft.organ]
    for p in draft.paragraphs:
        number = f"{p.number}. " if p.part == "operative" and p.number is not None else ""
        lines.append(number + _with_markers(p))
    if draft.footnotes:
        lines.append("__________________")
        lines += [f"{f.number} {f.text}" for f in draft.footnotes]
    return "\n\n".join(lines) + "\n"


def _with_markers(p: Paragraph) -> str:
    """The paragraph's text with its footnote markers glued where they stood (`note_at`); where
    that is not known, spread over the paragraph in order, each glued to a word of letters only
    (a marker after a number would change the number)."""
    text, notes = p.text, p.notes
    if p.note_at:
        for n, at in reversed(list(zip(notes, p.note_at, strict=True))):  # offsets ascend
            text = text[:at] + str(n) + text[at:]
        return text
    words = text.split(" ")
    spots = [i for i, w in enumerate(words) if _MARKABLE.match(w)]
    if not notes or len(spots) < len(notes):
        return text
    chosen = [spots[(len(spots) - 1) * (k + 1) // len(notes)] for k in range(len(notes))]
    if len(set(chosen)) < len(chosen):
        chosen = spots[-len(notes):]
    for n, i in zip(notes, chosen, strict=True):
        m = _MARKABLE.match(words[i])
        if m:
            words[i] = f"{m.group(1)}{n}{m.group(2)}"
    return " ".join(words)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
