"""Uploads: real malicious zips, made here, are refused with a bilingual message naming the
file; a refusal leaves nothing behind and the database byte for byte as it was."""

from __future__ import annotations

import hashlib
import io
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from access.upload_safety import MIB, UploadLimits, UploadRefused, unpack_upload

CSV = b"asiakas_id;kunta\n1;Joensuu\n"


def make_zip(entries: list[tuple[str | zipfile.ZipInfo, bytes]], level: int = 9) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return buf.getvalue()


def symlink_entry(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


def encrypted_zip() -> bytes:
    """A zip whose entry has the 'encrypted' flag set (bit 0, local and central header)."""
    data = bytearray(make_zip([("asiakkaat.csv", CSV)]))
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    return bytes(data)


def lying_zip() -> bytes:
    """An entry whose header claims 10 bytes although it inflates to 10 MiB."""
    data = bytearray(make_zip([("asiakkaat.csv", b"0" * (10 * MIB))]))
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = data.find(sig)
        data[pos + off : pos + off + 4] = (10).to_bytes(4, "little")
    return bytes(data)


# (upload, words the message must contain): each one is refused as a whole.
BAD_UPLOADS: dict[str, tuple[Callable[[], list[tuple[str, bytes]]], list[str]]] = {
    "dotdot": (lambda: [("x.zip", make_zip([("../../etc/asiakkaat.csv", CSV)]))], ["../"]),
    "dotdot_backslash": (
        lambda: [("x.zip", make_zip([("a\\..\\..\\asiakkaat.csv", CSV)]))],
        ["../"],
    ),
    "absolute": (lambda: [("x.zip", make_zip([("/tmp/asiakkaat.csv", CSV)]))], ["absolu"]),
    "drive_letter": (lambda: [("x.zip", make_zip([("C:/asiakkaat.csv", CSV)]))], ["absolu"]),
    "symlink": (
        lambda: [("x.zip", make_zip([symlink_entry("asiakkaat.csv", "/etc/passwd")]))],
        ["symbolinen linkki", "symbolic link"],
    ),
    "bomb_ratio": (
        lambda: [("x.zip", make_zip([("asiakkaat.csv", b"0" * (50 * MIB))]))],
        ["100:1", "zip bomb"],
    ),
    "lying_header": (lambda: [("x.zip", lying_zip())], ["make the zip again"]),
    "encrypted": (lambda: [("x.zip", encrypted_zip())], ["salattu", "encrypted"]),
    "too_many_entries": (
        lambda: [("x.zip", make_zip([(f"d{i}/", b"") for i in range(201)]))],
        ["201 entries", "at most 200"],
    ),
    "nested_zip": (
        lambda: [("x.zip", make_zip([("inner.zip", make_zip([("a.csv", CSV)]))]))],
        [".csv, .xlsx, .parquet"],
    ),
    "exe_in_zip": (
        lambda: [("x.zip", make_zip([("asiakkaat.csv", CSV), ("run.exe", b"MZ")]))],
        ["run.exe", "Only table files"],
    ),
    "html_file": (lambda: [("asiakkaat.html", b"<html></html>")], ["Vain taulukkotiedostot"]),
    "not_a_zip": (lambda: [("x.zip", b"this is not a zip")], ["not a valid zip"]),
    "path_in_name": (lambda: [("../asiakkaat.csv", CSV)], ["folder path"]),
    "duplicate": (
        lambda: [("asiakkaat.csv", CSV), ("x.zip", make_zip([("dir/ASIAKKAAT.csv", CSV)]))],
        ["twice"],
    ),
    "empty": (lambda: [], ["No file"]),
}


@pytest.mark.parametrize("case", sorted(BAD_UPLOADS))
def test_bad_upload_is_refused_and_leaves_nothing(tmp_path: Path, case: str) -> None:
    make, words = BAD_UPLOADS[case]
    dest = tmp_path / "upload"
    with pytest.raises(UploadRefused) as err:
        unpack_upload(make(), dest)
    text = str(err.value)
    assert "FI: " in text and "EN: " in text
    assert err.value.message_fi != err.value.message_en
    for word in words:
        assert word in text
    assert not dest.exists()
    assert list(tmp_path.iterdir()) == []


def test_size_and_unpacked_limits(tmp_path: Path) -> None:
    limits = UploadLimits(max_upload_bytes=2048, max_unpacked_bytes=3000)
    with pytest.raises(UploadRefused, match="The upload is 3 KiB; at most 2 KiB"):
        unpack_upload([("asiakkaat.csv", b"x" * 2049)], tmp_path / "a", limits)
    # Many modest files (each under the ratio check) still hit the total unpacked limit.
    many = make_zip([(f"e{i}.csv", bytes(range(256)) * 4) for i in range(4)])
    with pytest.raises(UploadRefused, match="zip bomb"):
        unpack_upload([("x.zip", many)], tmp_path / "b", limits)
    assert list(tmp_path.iterdir()) == []


def test_clean_upload_is_written_flat(tmp_path: Path) -> None:
    zipped = make_zip(
        [
            ("vienti/", b""),
            ("vienti/tapahtumat.csv", CSV),
            ("vienti/tyopaikat.xlsx", b"PK\x03\x04"),
            ("__MACOSX/vienti/._tapahtumat.csv", b"\x00\x05"),
            ("vienti/.DS_Store", b"\x00"),
        ]
    )
    dest = unpack_upload([("asiakkaat.csv", CSV), ("vienti.zip", zipped)], tmp_path / "up")
    assert sorted(p.name for p in dest.iterdir()) == [
        "asiakkaat.csv",
        "tapahtumat.csv",
        "tyopaikat.xlsx",
    ]
    assert (dest / "tapahtumat.csv").read_bytes() == CSV


def test_highly_compressible_but_honest_csv_passes(tmp_path: Path) -> None:
    # 2 MiB of a repetitive but real-looking CSV compresses well below 100:1.
    rows = "".join(f"{i};Joensuu;2025-01-{i % 28 + 1:02d}\n" for i in range(80_000))
    dest = unpack_upload([("x.zip", make_zip([("asiakkaat.csv", rows.encode())]))], tmp_path / "u")
    assert (dest / "asiakkaat.csv").read_text() == rows


def test_refusals_never_touch_the_database(tmp_path: Path) -> None:
    db = tmp_path / "kpi.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE asiakkaat AS SELECT 1 AS asiakas_id")
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for i, (make, _) in enumerate(BAD_UPLOADS.values()):
        with pytest.raises(UploadRefused):
            unpack_upload(make(), tmp_path / f"upload{i}")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kpi.duckdb"]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT * FROM asiakkaat").fetchall() == [(1,)]


def test_mapping_toml_is_accepted_beside_the_tables_and_in_a_zip(tmp_path: Path) -> None:
    mapping = b'[asiakkaat.columns]\n"Asiakasnumero" = "asiakas_id"\n'
    direct = unpack_upload([("asiakkaat.csv", CSV), ("mapping.toml", mapping)], tmp_path / "a")
    assert sorted(p.name for p in direct.iterdir()) == ["asiakkaat.csv", "mapping.toml"]
    zipped = make_zip([("vienti/asiakkaat.csv", CSV), ("vienti/Mapping.toml", mapping)])
    inside = unpack_upload([("vienti.zip", zipped)], tmp_path / "b")
    assert (inside / "Mapping.toml").read_bytes() == mapping


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ([("asetukset.toml", b"a = 1\n")], "and mapping.toml, or a zip"),
        ([("mapping.toml", b""), ("x.zip", make_zip([("d/MAPPING.TOML", b"")]))], "twice"),
    ],
    ids=["other_toml", "mapping_twice"],
)
def test_no_other_toml_and_one_mapping_only(
    tmp_path: Path, files: list[tuple[str, bytes]], words: str
) -> None:
    with pytest.raises(UploadRefused) as err:
        unpack_upload(files, tmp_path / "up")
    assert words in err.value.message_en
    assert list(tmp_path.iterdir()) == []
