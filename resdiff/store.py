"""The history store: the versions of resolutions kept in a plain git repository.

Layout of a store (also written to its README)::

    .resdiff-store                       marks the folder as a store (format 1)
    series/<series>/<lang>.txt           the canonical form (`resdiff.canonical`) of a series in
                                         one language; each version of it is one commit
    originals/<series>/<lang>/<symbol>-<hash>.<ext>
                                         the file each version was read from, for provenance

Version metadata (stage, round, symbol, date, session, title, counts, the summary of changes
against the file's previous version) lives in the trailers of the commit that records the
version (``Resdiff-Stage: L`` …, see `resdiff.versions`), not in an index file: a commit is
immutable, so the metadata can neither drift from the text it describes nor be damaged by a
hand edit of the working folder, and two people who add versions on two clones merge with
``git pull`` without any conflict on metadata (an index file would conflict on every
concurrent add). Originals are named by their content's hash, so they never conflict either.
A commit without trailers (made with plain git) is not a version: it is read through, and
`Store.warnings` names it when it touched ``series/``.

Guarantees:

* `Store.add` builds its commit from HEAD in a private index, then moves the branch with a
  compare-and-swap (``git update-ref REF NEW OLD``): until that single step nothing visible
  changes, so a failed add leaves the store exactly as it was, and history is only ever
  extended, never rewritten. Adds are serialised by a lock file in ``.git``; an add that meets
  git's own ``index.lock`` or a branch moved by someone else fails with a message.
* Paths are made of slugs (``[a-z0-9-]``), language codes and `versions.symbol_file_name`, so a
  symbol or series name never becomes a path outside the store; user text reaches git only in
  files, standard input or after ``--``, never as an option.
* Only this module imports git (GitPython), and only when a store is opened: comparing two
  files never loads it.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .canonical import deserialize, serialize
from .model import LANGUAGES, Draft
from .read.source import Tracked
from .versions import (
    StoreError,
    Version,
    base_of,
    check_value,
    commit_message,
    iso_date,
    match_series,
    normal_symbol,
    parse_stage,
    parse_trailers,
    select,
    slugify,
    stage_of,
    summary_text,
    symbol_file_name,
    version_of_draft,
)

MARKER = ".resdiff-store"
MARKER_TEXT = "resdiff-store 1\n"
ENV = "RESDIFF_STORE"
LOCK_WAIT = 30.0
"""Seconds an add waits for another add to finish before giving up."""

README = """\
# A resdiff history store

The successive versions of General Assembly resolutions, kept by `resdiff` in git.

    series/<series>/<lang>.txt    one series (a resolution across rounds and sessions) in one
                                  language, in resdiff's canonical form: one paragraph per line;
                                  each version is one commit, so `git log -p` and `git blame`
                                  on this file show the negotiation
    originals/<series>/<lang>/    the files the versions were read from

Each version's metadata (stage, symbol, date, session, ...) is in the `Resdiff-*` trailers of
its commit message. Add versions with `resdiff add FILE`; read them with `resdiff log`,
`resdiff show`, `resdiff diff`, `resdiff blame`, `resdiff history`. Share the store with
`git push` and `git pull`; do not rewrite its history.
"""

_NO_STORE = ("no resdiff store here: make one with `resdiff init DIR`, then name it with "
             f"--store DIR or {ENV}=DIR, or run resdiff inside it")


def find_store(option: str | None = None, cwd: str | None = None) -> Path:
    """The store named by `option`, else by ``RESDIFF_STORE``, else the one enclosing `cwd`."""
    named = option or os.environ.get(ENV)
    if named:
        root = Path(named).expanduser()
        if not (root / MARKER).is_file():
            how = "--store" if option else ENV
            if not root.is_dir():
                raise StoreError(f"{named} ({how}): no such folder; make a store there with "
                                 f"`resdiff init {named}`")
            raise StoreError(f"{named} ({how}) is not a resdiff store (no {MARKER}): make one "
                             "with `resdiff init DIR`")
        return root.resolve()
    here = Path(cwd or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file() and (folder / ".git").exists():
            return folder
    raise StoreError(_NO_STORE)


def init_store(path: str) -> Path:
    """Make a new store at `path`: a git repository with the marker and a README, committed.
    When that fails, what this call created is removed."""
    root = Path(path).expanduser()
    if (root / ".git").exists():
        what = "a resdiff store" if (root / MARKER).exists() else "a git repository"
        raise StoreError(f"{path} is already {what}: resdiff init makes a new store in a new "
                         "or empty folder")
    if root.exists() and not root.is_dir():
        raise StoreError(f"{path} is a file: resdiff init makes a new store in a new or empty "
                         "folder")
    if root.exists() and any(root.iterdir()):
        raise StoreError(f"{path} is not empty: resdiff init makes a new store in a new or empty "
                         "folder, so that nothing of yours is overwritten")
    made = not root.exists()
    try:
        return _init(root)
    except StoreError:
        # Leave nothing half-made: the folder was new or empty, so all that is in it now is
        # this init's.
        import shutil

        if made:
            shutil.rmtree(root, ignore_errors=True)
        else:
            for child in root.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
        raise


def _init(root: Path) -> Path:
    import git

    path = str(root)
    try:
        root.mkdir(parents=True, exist_ok=True)
        repo = git.Repo.init(root, initial_branch="main")
        (root / MARKER).write_text(MARKER_TEXT, "utf-8")
        (root / "README.md").write_text(README, "utf-8")
        repo.git.add("--", MARKER, "README.md")
        repo.git.commit("-q", "-m", "Start a resdiff history store")
    except OSError as err:
        raise StoreError(f"{path}: cannot make a store there ({err.strerror or err})") from None
    except git.GitCommandError as err:
        raise StoreError(f"{path}: git refused to make the store: {_git_message(err)}") from None
    return root.resolve()


@dataclass(frozen=True)
class Added:
    version: Version
    warning: str | None = None
    """Set when the version was recorded but the working folder could not be updated."""
    reading: tuple[str, ...] = ()
    """What reading the file warned of, as `resdiff parse` says it."""


class Store:
    """A history store on disk. Reads are cached for the life of the object."""

    def __init__(self, root: Path) -> None:
        import git

        self.root = root
        try:
            self.repo = git.Repo(root)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise StoreError(f"{root} is not a git repository: not a resdiff store") from None
        self._versions: list[Version] | None = None
        self.warnings: list[str] = []

    # -- reading ---------------------------------------------------------------------------

    def versions(self) -> list[Version]:
        """Every version, in the order of the history (oldest first; merges in topological
        order)."""
        if self._versions is None:
            self._versions = self._read_versions()
        return self._versions

    def _read_versions(self) -> list[Version]:
        try:
            if not self.repo.head.is_valid():
                return []
            out = self.repo.git.log("--reverse", "--topo-order", "--name-only",
                                    "--format=%x1e%H%x1f%P%x1f%B%x1f", "HEAD", "--")
        except Exception as err:  # noqa: BLE001 - any git failure: say so, name the store
            raise StoreError(f"{self.root}: git cannot read the history: "
                             f"{_git_message(err)}") from None
        found: list[Version] = []
        for record in out.split("\x1e")[1:]:
            commit, parents, message, paths = (record.split("\x1f") + ["", "", ""])[:4]
            try:
                version = parse_trailers(commit, message)
            except StoreError as err:
                self.warnings.append(f"{err}; it is left out")
                continue
            if version is None:
                touched = [p for p in paths.split() if p.startswith("series/")]
                if touched and len(parents.split()) < 2:
                    self.warnings.append(
                        f"commit {commit[:10]} changed {', '.join(touched)} with plain git: it is "
                        "not a version, the versions around it are read as recorded")
                continue
            found.append(version)
        return found

    def series(self) -> list[str]:
        return sorted({v.series for v in self.versions()})

    def draft(self, version: Version) -> Draft:
        """The draft a version recorded, read from its own commit."""
        try:
            blob = self.repo.commit(version.commit).tree / version.path
            text = blob.data_stream.read().decode("utf-8")
        except (KeyError, ValueError, UnicodeDecodeError) as err:
            raise StoreError(f"version {version.name} (commit {version.short}): "
                             f"{version.path} cannot be read ({err}); the store was edited "
                             "by hand") from None
        try:
            return deserialize(text)
        except ValueError as err:
            raise StoreError(f"version {version.name} (commit {version.short}): "
                             f"{version.path} is not in resdiff's canonical form ({err}); the "
                             "store was edited by hand") from None

    def resolve(self, name: str) -> Version:
        """The one version `name` designates: a symbol (``A/C.3/77/L.6``, with ``:fr`` to choose
        a language), ``series@stage``, a series (its latest version), or a git revision."""
        versions = self.versions()
        hits = select(versions, name, self.series())
        if len(hits) > 1:
            options = ", ".join(f"{h.name}:{h.language}" for h in hits)
            raise StoreError(f"{name!r} names {len(hits)} versions ({options}): add the "
                             "language, as in " + f"{hits[0].name}:{hits[0].language}")
        if hits:
            return hits[0]
        commit = self._revision(name)
        if commit is None:
            raise StoreError(f"no version {name!r} in the store: name it by symbol "
                             "(A/C.3/77/L.6), series@stage (traite-des-femmes@L) or git "
                             "revision; `resdiff log` lists them")
        for v in versions:
            if v.commit == commit:
                return v
        raise StoreError(f"{name!r} is commit {commit[:10]}, which records no version (it was "
                         "made with plain git)")

    def _revision(self, name: str) -> str | None:
        if not name or name.startswith("-") or any(c.isspace() for c in name):
            return None
        try:
            obj = self.repo.rev_parse(name)
        except Exception:  # noqa: BLE001 - GitPython raises several kinds for a bad revision
            return None
        return obj.hexsha if getattr(obj, "type", None) == "commit" else None

    def chain(self, version: Version) -> list[Version]:
        """The versions of `version`'s series and language, in history order, up to it."""
        same = [v for v in self.versions() if v.path == version.path]
        return same[: same.index(version) + 1]

    def file_versions(self, version: Version) -> list[Version]:
        return [v for v in self.versions() if v.path == version.path]

    def base(self, version: Version) -> Version | None:
        return base_of(version, self.versions())

    # -- adding ----------------------------------------------------------------------------

    def add(self, file: str, *, symbol: str | None = None, stage: str | None = None,
            date: str | None = None, series: str | None = None,
            message: str | None = None, tracked: Tracked = "current") -> Added:
        """Read `file` and commit its canonical form as a new version."""
        from .parse import parse_file

        draft = parse_file(file, tracked=tracked)
        if symbol is not None:
            draft = replace(draft, symbol=check_value("--symbol", symbol) or None)
        if draft.language not in LANGUAGES:
            raise StoreError(f"{file}: cannot tell its language, so it cannot be stored")
        with self._lock():
            self._versions = None
            version = self._new_version(file, draft, stage, date, series)
            text = serialize(draft).encode("utf-8")
            self._refuse_duplicate(version, text)
            version = self._with_summary(version, draft)
            original = Path(file).read_bytes()
            ext = Path(file).suffix.lower().lstrip(".")
            ext = ext if re.fullmatch(r"[a-z0-9]{1,8}", ext) else "txt"
            digest = hashlib.sha256(original).hexdigest()[:12]
            name = f"{symbol_file_name(version.symbol or version.stage_name)}-{digest}.{ext}"
            kept = f"originals/{version.series}/{version.language}/{name}"
            added = self._commit(replace(version, original=kept),
                                 {version.path: text, kept: original}, message)
            return replace(added, reading=draft.warnings)

    def _new_version(self, file: str, draft: Draft, stage_text: str | None,
                     date_text: str | None, series_text: str | None) -> Version:
        if stage_text:
            stage, round_ = parse_stage(stage_text)
        else:
            found = stage_of(draft.symbol, draft.document_kind)
            if found is None:
                raise StoreError(f"{file}: cannot tell its stage from its symbol or masthead: "
                                 "give --stage (previous, zero, informal-N, L, L-rev, oral, "
                                 "adopted)")
            stage, round_ = found, None
        if date_text is not None:
            date = iso_date(date_text)
            if date is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date_text):
                raise StoreError(f"--date {date_text!r}: expected YYYY-MM-DD")
        else:
            date = None
        slug = self._series_for(file, draft, series_text)
        versions = self.versions()
        if stage == "informal" and round_ is None:
            rounds = [v.round or 0 for v in versions if v.series == slug
                      and v.language == draft.language and v.stage == "informal"
                      and v.session == draft.session]
            round_ = max(rounds, default=0) + 1
        return version_of_draft(draft, commit="", series=slug, stage=stage, round_=round_,
                                date=date)

    def _series_for(self, file: str, draft: Draft, series_text: str | None) -> str:
        """--series (an existing series it is the prefix of, else a new one); else the series
        of the same symbol in another language, of the document it revises or was adopted from;
        else the title's slug."""
        existing = self.series()
        if series_text is not None:
            return match_series(series_text, existing) or slugify(series_text)
        related = [s for s in (draft.symbol, draft.adopted_from) if s]
        related += [re.sub(r"(?i)/Rev\.\d+.*$", "", s) for s in related]
        for symbol in related:
            for v in reversed(self.versions()):
                if v.symbol and normal_symbol(v.symbol) == normal_symbol(symbol):
                    return v.series
        if not draft.title.strip():
            raise StoreError(f"{file}: has no title to name its series: give --series NAME")
        return slugify(draft.title)

    def _refuse_duplicate(self, version: Version, text: bytes) -> None:
        sha = hashlib.sha1(b"blob %d\0" % len(text) + text).hexdigest()
        for v in self.versions():
            if v.language != version.language:
                continue
            try:
                same = (self.repo.commit(v.commit).tree / v.path).hexsha == sha
            except (KeyError, ValueError):
                continue
            if same:
                raise StoreError(f"this text is already stored: it equals version {v.name} "
                                 f"({v.language}, {v.stage_name}, commit {v.short})")

    def _with_summary(self, version: Version, draft: Draft) -> Version:
        from .compare import compare

        previous = [v for v in self.versions() if v.path == version.path]
        if not previous:
            return version
        summary = compare(self.draft(previous[-1]), draft).summary()
        return replace(version, base=previous[-1].commit, summary=summary_text(summary))

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """Serialise adds: a lock file in ``.git``, waited for up to `LOCK_WAIT` seconds."""
        path = Path(self.repo.git_dir) / "resdiff-add.lock"
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
                break
            except FileExistsError:
                if time.monotonic() > deadline:
                    raise StoreError(f"another resdiff add is running in the store (it holds "
                                     f"{path}); if none is, remove that file") from None
                time.sleep(0.05)
        try:
            os.write(fd, str(os.getpid()).encode())
            os.close(fd)
            yield
        finally:
            path.unlink(missing_ok=True)

    def _check_clean(self, paths: list[str]) -> None:
        git_dir = Path(self.repo.git_dir)
        if (git_dir / "index.lock").exists():
            raise StoreError("git's index.lock is held: another git command is working in the "
                             "store; nothing was added, try again when it has finished")
        for busy in ("MERGE_HEAD", "rebase-merge", "rebase-apply", "CHERRY_PICK_HEAD"):
            if (git_dir / busy).exists():
                raise StoreError("the store is in the middle of a git merge or rebase: finish "
                                 "it with git first; nothing was added")
        if self.repo.head.is_detached:
            raise StoreError("the store's HEAD is detached: check out a branch (git switch "
                             "main); nothing was added")
        dirty = self.repo.git.status("--porcelain", "--", *paths)
        if dirty.strip():
            raise StoreError(f"{dirty.split()[-1]} has changes not committed (edited by hand?): "
                             "commit or discard them with git first; nothing was added")

    def _commit(self, version: Version, files: dict[str, bytes],
                message: str | None) -> Added:
        import git

        if not self.repo.head.is_valid():
            raise StoreError(f"{self.root} has no first commit (a failed resdiff init?): make "
                             "the store again with `resdiff init`")
        self._check_clean(list(files))
        git_dir = Path(self.repo.git_dir)
        old = self.repo.head.commit.hexsha
        fd, index = tempfile.mkstemp(dir=git_dir, prefix="resdiff-index-")
        os.close(fd)
        os.unlink(index)
        env = {"GIT_INDEX_FILE": index}
        fd, msg_file = tempfile.mkstemp(dir=git_dir, prefix="resdiff-msg-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(commit_message(version, message))
            self.repo.git.read_tree(old, env=env)
            for path, data in files.items():
                blob = self._write_blob(data)
                self.repo.git.update_index("--add", "--cacheinfo", f"100644,{blob},{path}",
                                           env=env)
            tree = self.repo.git.write_tree(env=env)
            new = self.repo.git.commit_tree(tree, "-p", old, "-F", msg_file)
            self.repo.git.update_ref("-m", f"resdiff add {version.name}", "HEAD", new, old)
        except git.GitCommandError as err:
            moved = self.repo.head.commit.hexsha != old
            why = ("the branch moved while adding (someone committed at the same moment)"
                   if moved else _git_message(err))
            raise StoreError(f"nothing was added: {why}") from None
        finally:
            Path(index).unlink(missing_ok=True)
            Path(msg_file).unlink(missing_ok=True)
        self._versions = None
        return Added(replace(version, commit=new), self._update_folder(old, new))

    def _write_blob(self, data: bytes) -> str:
        with tempfile.NamedTemporaryFile(dir=self.repo.git_dir, prefix="resdiff-blob-") as f:
            f.write(data)
            f.flush()
            return str(self.repo.git.hash_object("-w", "--", f.name))

    def _update_folder(self, old: str, new: str) -> str | None:
        """Bring the working folder and git's index to the new commit (a fast-forward of the
        paths it changed), retrying while git's index.lock is briefly held."""
        import git

        for _ in range(40):
            try:
                self.repo.git.read_tree("-m", "-u", old, new)
                return None
            except git.GitCommandError as err:
                if "index.lock" not in str(err):
                    return _folder_warning(err)
                time.sleep(0.05)
        return _folder_warning("git's index.lock stayed held")


def _folder_warning(err: Any) -> str:
    return (f"the version is recorded, but the working folder was not updated "
            f"({_git_message(err)}): run `git checkout -- .` in the store")


def _git_message(err: Any) -> str:
    text = str(getattr(err, "stderr", "") or err).strip()
    text = re.sub(r"^stderr: '|'$", "", text).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    message = lines[-1] if lines else str(err)
    if "auto-detect email" in text or "tell me who you are" in text.lower():
        message += ('; tell git who you are: git config --global user.name "Your Name" and '
                    'git config --global user.email you@example.org')
    return message


def open_store(option: str | None = None) -> Store:
    return Store(find_store(option))


# -- what the commands read --------------------------------------------------------------------

def summaries(store: Store, versions: list[Version]) -> dict[str, str | None]:
    """Each version's summary of changes against the previous version of its file: the one
    recorded at add time when it was computed against that same version (after a merge the
    previous one may differ), else computed now. None for a file's first version."""
    from .compare import compare

    out: dict[str, str | None] = {}
    last: dict[str, Version] = {}
    for v in store.versions():
        prev = last.get(v.path)
        last[v.path] = v
        if v not in versions:
            continue
        if prev is None:
            out[v.commit] = None
        elif v.base == prev.commit:
            out[v.commit] = v.summary or ""
        else:
            try:
                out[v.commit] = summary_text(compare(store.draft(prev), store.draft(v)).summary())
            except StoreError as err:
                store.warnings.append(str(err))
                out[v.commit] = "!cannot be compared (edited by hand)"
    return out


def load(name: str, store_option: str | None, tracked: Tracked = "current"
         ) -> tuple[Draft, str]:
    """A draft to compare: an existing file (read, without opening any store), else a stored
    version."""
    from .parse import parse_file

    if os.path.exists(name) or re.search(r"\.[A-Za-z]{2,5}$|^[./~]", name):
        return parse_file(name, tracked=tracked), name  # a file, or what can only be one
    try:
        store = open_store(store_option)
    except StoreError:
        return parse_file(name), name  # no store: the file's own "no such file"
    try:
        version = store.resolve(name)
    except StoreError as err:
        raise StoreError(f"{name}: no such file, nor a version in the store: {err}") from None
    return store.draft(version), f"{version.name} ({version.language}, {version.short})"


def load_with_base(name: str, store_option: str | None, tracked: Tracked = "current"
                   ) -> tuple[Draft, str, Draft, str]:
    """A stored version (or a file whose symbol the store knows the series of) and the version
    the UN's rules compare it with: (base draft, its name, draft, its name)."""
    store = open_store(store_option)
    if os.path.exists(name):
        from .parse import parse_file

        draft = parse_file(name, tracked=tracked)
        stage = stage_of(draft.symbol, draft.document_kind)
        series = store._series_for(name, draft, None) if draft.title or draft.symbol else None
        if stage is None or series is None or draft.language not in LANGUAGES:
            raise StoreError(f"{name}: its stage or series cannot be told: name the version "
                             "to compare it with")
        version = version_of_draft(draft, commit="", series=series, stage=stage)
        label = name
    else:
        version = store.resolve(name)
        draft, label = store.draft(version), f"{version.name} ({version.language})"
    base = store.base(version)
    if base is None:
        raise StoreError(
            f"{version.name} ({version.stage_name}): the store holds no version to compare it "
            "with (an L-document goes against the previous session's adopted resolution, a "
            "revision against the document it revises, an adopted text against its last "
            "draft): add that version, or name two versions")
    return store.draft(base), f"{base.name} ({base.language}, {base.stage_name})", draft, label


def load_pair(old: str, new: str | None, store_option: str | None,
              tracked: Tracked = "current") -> tuple[Draft, str, Draft, str]:
    """What ``resdiff diff OLD [NEW]`` compares: files and stored versions mixed; with NEW
    absent, OLD against its base. `tracked` applies to Word files."""
    if new is None:
        return load_with_base(old, store_option, tracked)
    return (*load(old, store_option, tracked), *load(new, store_option, tracked))
