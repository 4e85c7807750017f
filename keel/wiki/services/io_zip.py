"""Reading an uploaded zip without trusting it: the limits, the paths, the bytes.

Whole zip refused (ValidationError, nothing read further): not a zip, empty, more than
KEEL_WIKI_IMPORT_MAX_FILES entries, more than KEEL_WIKI_IMPORT_MAX_MB uncompressed (declared
in the central directory, or counted while reading — declared sizes can lie), or a file over
1 MB that claims a compression ratio above 100:1 (a zip bomb).
One file refused (reported with its path, skipped; the rest imports): `../` in its path, an
absolute path (`/etc/x`, `C:\\x`, `\\\\host\\x`), a symbolic link, an encrypted or damaged
entry, a file over KEEL_WIKI_IMPORT_MAX_FILE_MB. Nothing is ever written to disk under a
name from the zip: entries are read into memory, keyed by their cleaned path.
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MB = 1024 * 1024
CHUNK = 64 * 1024
BOMB_RATIO = 100
BOMB_MIN_SIZE = MB  # small files may compress well (a blank page); big ones never 100:1
JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Limits:
    total: int
    per_file: int
    files: int

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            total=int(getattr(settings, "KEEL_WIKI_IMPORT_MAX_MB", 200)) * MB,
            per_file=int(getattr(settings, "KEEL_WIKI_MAX_FILE_MB", 25)) * MB,
            files=int(getattr(settings, "KEEL_WIKI_IMPORT_MAX_FILES", 5000)),
        )


@dataclass
class Problem:
    path: str
    message: str
    skipped: bool = True  # False: a warning, the file is imported anyway

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "message": self.message, "skipped": self.skipped}


class FileTooLarge(Exception):
    pass


@dataclass
class SafeZip:
    """The entries of a zip that may be read, by cleaned path, and the ones refused."""

    archive: zipfile.ZipFile
    limits: Limits
    entries: dict[str, zipfile.ZipInfo] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    read_so_far: int = 0

    def read(self, path: str) -> bytes:
        """The entry's bytes, counted as they come: stops past the per-file limit (a per-file
        FileTooLarge) or past the total (the whole zip refused), whatever the zip declares."""
        info = self.entries[path]
        left = self.limits.total - self.read_so_far
        limit = min(self.limits.per_file, left)
        chunks: list[bytes] = []
        size = 0
        with self.archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    if limit == left:
                        raise _too_big_total(self.limits)
                    raise FileTooLarge(path)
                chunks.append(chunk)
        self.read_so_far += size
        return b"".join(chunks)

    def read_or_problem(self, path: str) -> bytes | None:
        """The bytes, or None with a problem recorded for the path."""
        try:
            return self.read(path)
        except FileTooLarge:
            self.problems.append(Problem(path, _too_big_file(self.limits)))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
                RuntimeError):  # fmt: skip
            self.problems.append(Problem(path, _("The file is damaged in the zip: skipped.")))
        return None


def _too_big_total(limits: Limits) -> ValidationError:
    return ValidationError(
        {"file": _("The zip holds more than %(n)s MB once unpacked; the limit is %(n)s MB. "
                   "Split the export into smaller zips.") % {"n": limits.total // MB}},
        code="too_big",
    )  # fmt: skip


def _too_many(count: int, limits: Limits) -> ValidationError:
    return ValidationError(
        {"file": _("The zip holds %(count)s files; the limit is %(n)s. Split the export "
                   "into smaller zips.") % {"count": count, "n": limits.files}},
        code="too_many",
    )  # fmt: skip


def _declared_entries(source: IO[bytes]) -> int | None:
    """The entry count of the zip's end record, read before Python parses the whole central
    directory into memory (a forged directory of millions of entries costs gigabytes)."""
    try:
        end = zipfile._EndRecData(source)  # type: ignore[attr-defined]
        source.seek(0)
    except (OSError, ValueError):
        return None
    return int(end[zipfile._ECD_ENTRIES_TOTAL]) if end else None  # type: ignore[attr-defined]


def _too_big_file(limits: Limits) -> str:
    return _("The file is larger than %(n)s MB: skipped.") % {"n": limits.per_file // MB}


def entry_name(info: zipfile.ZipInfo) -> str:
    """The entry's name as its author saw it. Zips without the UTF-8 flag are read as cp437
    by Python; Chinese Windows writes those names in GBK, so try that (UTF-8 first: many
    tools write UTF-8 without setting the flag)."""
    name = info.filename
    if info.flag_bits & 0x800 or name.isascii():
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return name


def unsafe_reason(name: str, info: zipfile.ZipInfo) -> str | None:
    """Why this entry is never read, or None."""
    if _CONTROL.search(name):
        return _("The path has control characters: skipped.")
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return _("The path is absolute (it starts at the root of a disk): skipped.")
    if ".." in re.split(r"[\\/]", name):
        return _("The path leads outside the zip (“..”): skipped.")
    if stat.S_ISLNK(info.external_attr >> 16):
        return _("The file is a symbolic link: skipped.")
    if info.flag_bits & 0x1:
        return _("The file is encrypted: skipped.")
    return None


def clean_path(name: str) -> str:
    return "/".join(part for part in re.split(r"[\\/]+", name) if part not in ("", "."))


def open_zip(source: IO[bytes], limits: Limits | None = None) -> SafeZip:
    """Check the central directory; refuse the whole zip or list its readable entries."""
    limits = limits or Limits.from_settings()
    declared = _declared_entries(source)
    if declared is not None and declared > limits.files:
        raise _too_many(declared, limits)
    try:
        archive = zipfile.ZipFile(source)
        infos = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise ValidationError(
            {"file": _("This is not a zip file. Export again as a .zip and upload that.")},
            code="not_zip",
        ) from exc
    files = [i for i in infos if not i.is_dir()]
    if not files:
        raise ValidationError({"file": _("The zip is empty.")}, code="empty")
    if len(infos) > limits.files:
        raise _too_many(len(infos), limits)
    if sum(i.file_size for i in files) > limits.total:
        raise _too_big_total(limits)
    safe = SafeZip(archive=archive, limits=limits)
    seen: set[str] = set()
    for info in files:
        name = entry_name(info)
        if info.file_size > BOMB_MIN_SIZE and info.file_size > BOMB_RATIO * max(
            info.compress_size, 1
        ):
            raise ValidationError(
                {"file": _("%(path)s would unpack to more than %(ratio)s times its packed size: "
                           "the zip looks like a zip bomb and was refused.")
                 % {"path": name[:200], "ratio": BOMB_RATIO}},
                code="bomb",
            )  # fmt: skip
        reason = unsafe_reason(name, info)
        if reason:
            safe.problems.append(Problem(name[:300], reason))
            continue
        path = clean_path(name)
        parts = path.split("/")
        if not path or parts[0] == "__MACOSX" or parts[-1].lower() in JUNK_NAMES:
            continue  # the Mac's and Windows' bookkeeping: not content
        if path.casefold() in seen:
            safe.problems.append(Problem(path, _("The zip holds this path twice: skipped.")))
            continue
        seen.add(path.casefold())
        if info.file_size > limits.per_file:
            safe.problems.append(Problem(path, _too_big_file(limits)))
            continue
        safe.entries[path] = info
    return safe
