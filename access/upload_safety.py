"""Unpack an uploaded export folder (table files, or zips of them) safely, before validation.

``unpack_upload`` writes the accepted files, flat, into a new folder and returns it; the
pipeline then validates and loads that folder as it would a folder given to the CLI. It
refuses, with a bilingual ``UploadRefused`` naming the file, anything that is too large, a
zip bomb (too much unpacked data, too high a compression ratio, too many entries), a path
that would leave the folder (``../``, absolute, a drive letter), a symlink, an encrypted
entry, and any file that is not a table (.csv, .xlsx, .parquet) or the folder's
``mapping.toml`` (pipelines.column_mapping). On refusal nothing it wrote is left behind,
and the database is never touched: only a clean load replaces it.

Sizes are counted on the bytes actually inflated, not on what a zip's headers claim.
"""

from __future__ import annotations

import shutil
import stat
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePosixPath

TABLE_SUFFIXES = (".csv", ".xlsx", ".parquet")
# The mapping of source headers and codes (pipelines.column_mapping.MAPPING_FILE; not
# imported, to keep the pipelines out of the server), accepted beside the tables.
MAPPING_NAME = "mapping.toml"
# Operating-system clutter inside zips made on a Mac or Windows; skipped, not refused.
_CLUTTER_DIRS = ("__MACOSX/",)
_CLUTTER_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
_CHUNK = 1 << 20
MIB = 1 << 20


@dataclass(frozen=True)
class UploadLimits:
    max_upload_bytes: int = 200 * MIB  # all uploaded files together, as sent
    max_unpacked_bytes: int = 1024 * MIB  # all files together after unzipping
    max_ratio: int = 100  # unpacked / compressed size of one zip entry
    ratio_floor_bytes: int = MIB  # entries smaller than this are not ratio-checked
    max_entries: int = 200  # entries in one zip, folders included


class UploadRefused(Exception):
    """The upload is refused as a whole; ``file`` names the upload or the zip entry."""

    def __init__(self, file: str, message_fi: str, message_en: str) -> None:
        self.file = file
        self.message_fi = message_fi
        self.message_en = message_en
        super().__init__(f"{file}\nFI: {message_fi}\nEN: {message_en}")


def _mib(n: int) -> str:
    """A size for a message, rounded up: 201 MiB, 3 KiB (the same in Finnish and English)."""
    if n >= MIB:
        return f"{-(-n // MIB)} MiB"
    return f"{-(-n // 1024)} KiB"


def unpack_upload(
    files: Sequence[tuple[str, bytes]], dest_dir: Path, limits: UploadLimits | None = None
) -> Path:
    """Write the upload's table files flat into ``dest_dir`` (created; must not exist)."""
    limits = limits or UploadLimits()
    total = sum(len(data) for _, data in files)
    if not files:
        raise UploadRefused("-", "Yhtään tiedostoa ei ladattu.", "No file was uploaded.")
    if total > limits.max_upload_bytes:
        raise UploadRefused(
            ", ".join(name for name, _ in files),
            f"Lähetys on {_mib(total)}; enintään {_mib(limits.max_upload_bytes)} sallitaan.",
            f"The upload is {_mib(total)}; at most {_mib(limits.max_upload_bytes)} is allowed.",
        )
    dest_dir.mkdir(parents=True, exist_ok=False)
    try:
        _Writer(dest_dir, limits).write_all(files)
    except BaseException:
        shutil.rmtree(dest_dir, ignore_errors=True)
        raise
    return dest_dir


class _Writer:
    def __init__(self, dest: Path, limits: UploadLimits) -> None:
        self.dest = dest
        self.limits = limits
        self.unpacked = 0
        self.written: set[str] = set()

    def write_all(self, files: Sequence[tuple[str, bytes]]) -> None:
        for name, data in files:
            if name.lower().endswith(".zip"):
                self._unzip(_plain_name(name, name), data)
            else:
                self._write(name, _plain_name(name, name), iter([data]))

    def _write(self, label: str, name: str, chunks: Iterator[bytes]) -> None:
        if name.lower() in _CLUTTER_FILES:
            return
        _check_table_name(label, name)
        if name.lower() in self.written:
            raise UploadRefused(
                label,
                f"Tiedosto {name} on lähetyksessä kahdesti.",
                f"The file {name} is in the upload twice.",
            )
        self.written.add(name.lower())
        with open(self.dest / name, "xb") as out:
            for chunk in chunks:
                self.unpacked += len(chunk)
                if self.unpacked > self.limits.max_unpacked_bytes:
                    raise UploadRefused(
                        label,
                        "Purettuna lähetys olisi yli "
                        f"{_mib(self.limits.max_unpacked_bytes)} (zip-pommi?).",
                        "Unpacked, the upload would exceed "
                        f"{_mib(self.limits.max_unpacked_bytes)} (a zip bomb?).",
                    )
                out.write(chunk)

    def _unzip(self, zip_name: str, data: bytes) -> None:
        try:
            archive = zipfile.ZipFile(BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise UploadRefused(
                zip_name, "Tiedosto ei ole kelvollinen zip.", "The file is not a valid zip."
            ) from exc
        with archive:
            entries = archive.infolist()
            if len(entries) > self.limits.max_entries:
                raise UploadRefused(
                    zip_name,
                    f"Zipissä on {len(entries)} kohdetta; enintään "
                    f"{self.limits.max_entries} sallitaan.",
                    f"The zip has {len(entries)} entries; at most "
                    f"{self.limits.max_entries} are allowed.",
                )
            for info in entries:
                _check_entry(zip_name, info)
            for info in entries:
                if info.is_dir() or info.filename.startswith(_CLUTTER_DIRS):
                    continue
                label = f"{zip_name}: {info.filename}"
                name = PurePosixPath(info.filename.replace("\\", "/")).name
                self._write(label, name, self._inflate(archive, info, label))

    def _inflate(
        self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str
    ) -> Iterator[bytes]:
        inflated = 0
        ceiling = max(self.limits.ratio_floor_bytes, info.compress_size * self.limits.max_ratio)
        try:
            with archive.open(info) as src:
                while chunk := src.read(_CHUNK):
                    inflated += len(chunk)
                    if inflated > ceiling:
                        raise UploadRefused(
                            label,
                            f"Pakkaussuhde on yli {self.limits.max_ratio}:1 (zip-pommi?).",
                            f"The compression ratio exceeds {self.limits.max_ratio}:1 "
                            "(a zip bomb?).",
                        )
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
            raise UploadRefused(
                label,
                f"Zipin tiedostoa ei voi purkaa ({exc}); tee zip uudelleen.",
                f"The file in the zip cannot be unpacked ({exc}); make the zip again.",
            ) from exc


def _plain_name(label: str, name: str) -> str:
    """A browser sends a bare file name; anything with a folder in it is refused."""
    if not name or "/" in name or "\\" in name or name in {".", ".."} or "\x00" in name:
        raise UploadRefused(
            label,
            "Tiedoston nimessä ei saa olla kansiopolkua.",
            "A file name must not contain a folder path.",
        )
    return name


def _check_table_name(label: str, name: str) -> None:
    if name.lower() == MAPPING_NAME:
        return
    if not name.lower().endswith(TABLE_SUFFIXES) or name.startswith("."):
        raise UploadRefused(
            label,
            "Vain taulukkotiedostot (.csv, .xlsx, .parquet) ja mapping.toml tai niiden zip "
            "hyväksytään.",
            "Only table files (.csv, .xlsx, .parquet) and mapping.toml, or a zip of them, are "
            "accepted.",
        )


def _check_entry(zip_name: str, info: zipfile.ZipInfo) -> None:
    label = f"{zip_name}: {info.filename}"
    path = info.filename.replace("\\", "/")
    parts = PurePosixPath(path).parts
    if path.startswith("/") or (len(path) > 1 and path[1] == ":") or ".." in parts:
        raise UploadRefused(
            label,
            "Zipin polku osoittaa kansion ulkopuolelle (../ tai absoluuttinen polku).",
            "A path in the zip points outside its folder (../ or an absolute path).",
        )
    if stat.S_ISLNK(info.external_attr >> 16):
        raise UploadRefused(
            label, "Zipissä on symbolinen linkki.", "The zip contains a symbolic link."
        )
    if info.flag_bits & 0x1:
        raise UploadRefused(
            label,
            "Zipin tiedosto on salattu; lähetä salaamaton zip.",
            "A file in the zip is encrypted; upload an unencrypted zip.",
        )
