"""The Data page's earlier databases, against a stand-in for pipelines.backups (the loader
keeps the last three): listed newest first in Finnish or English formats; a role that may
load data restores one after a confirmation; others only see the list; without the module
the section is not there."""

from __future__ import annotations

import shutil
import sys
from datetime import date, datetime
from pathlib import Path
from types import ModuleType

import pytest
from streamlit.testing.v1 import AppTest

from pipelines.backups import Backup
from pipelines.validation_report import PipelineError
from tests.access.test_gate import AUTH, signed_in
from tests.app.conftest import APP, sample_db  # noqa: F401  (the session fixture)
from ui.i18n import Lang
from ui.sidebar import LANG_KEY


class FakeBackups(ModuleType):
    def __init__(self, kept: list[Backup], fail: bool = False) -> None:
        super().__init__("pipelines.backups")
        self.kept = kept
        self.fail = fail
        self.restored: list[tuple[Path, Backup]] = []

    def list_backups(self, db: Path) -> list[Backup]:
        return list(self.kept)

    def restore_backup(self, db: Path, backup: Backup) -> None:
        if self.fail:
            raise PipelineError.single(backup.path.name, "Tiedosto on rikki.", "File broken.")
        self.restored.append((db, backup))


KEPT = [
    Backup(Path("/b/kpi.duckdb.2"), date(2026, 10, 31), datetime(2026, 11, 2, 8, 5),
           {"asiakkaat": 1234, "tapahtumat": 56789}),
    Backup(Path("/b/kpi.duckdb.1"), date(2026, 9, 30), datetime(2026, 10, 1, 14, 30),
           {"asiakkaat": 1100}),
]  # fmt: skip


@pytest.fixture
def db(sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    copy = tmp_path / "kpi.duckdb"
    shutil.copy(sample_db, copy)
    monkeypatch.setenv("KPI_DB", str(copy))
    return copy


def fake(monkeypatch: pytest.MonkeyPatch, **kwargs: bool) -> FakeBackups:
    module = FakeBackups(KEPT, **kwargs)
    monkeypatch.setitem(sys.modules, "pipelines.backups", module)
    return module


def data_page(lang: Lang = "fi", roles: list[str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if roles is not None:
        at.secrets = AUTH
        at.user = signed_in(email="a@kunta.fi", roles=roles)
    at.query_params[LANG_KEY] = lang
    at.run()
    at.switch_page("app_pages/data_page.py").run()
    assert not at.exception, at.exception
    return at


def restore_buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button if str(b.key).startswith("restore_")]


@pytest.mark.parametrize(
    ("lang", "first", "rows"),
    [
        ("fi", "**Tiedot 31.10.2026 asti** · ladattu 2.11.2026 klo 8.05 · 58\u202f023 riviä",
         "asiakkaat 1\u202f234 · tapahtumat 56\u202f789"),
        ("en", "**Data up to 31 Oct 2026** · loaded 2 Nov 2026 08:05 · 58,023 rows",
         "asiakkaat 1,234 · tapahtumat 56,789"),
    ],
)  # fmt: skip
def test_backups_are_listed_in_the_viewers_formats(
    db: Path, monkeypatch: pytest.MonkeyPatch, lang: Lang, first: str, rows: str
) -> None:
    fake(monkeypatch)
    at = data_page(lang)
    lines = [m.value for m in at.markdown if "2026" in m.value and "·" in m.value]
    assert lines[0] == first
    assert rows in [c.value for c in at.caption]
    assert restore_buttons(at) == [("Palauta tämä" if lang == "fi" else "Restore this")] * 2


def test_a_restore_is_confirmed_first(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = fake(monkeypatch)
    at = data_page()
    at.button(key="restore_kpi.duckdb.1").click().run()
    assert module.restored == []
    assert "Palautetaanko tietokanta, jonka tiedot ovat 30.9.2026 asti" in at.warning[0].value
    at.button(key="restore_no_kpi.duckdb.1").click().run()  # cancelled
    assert module.restored == [] and at.warning.len == 0
    at.button(key="restore_kpi.duckdb.1").click().run()
    at.button(key="restore_yes_kpi.duckdb.1").click().run()
    assert not at.exception, at.exception
    assert module.restored == [(db, KEPT[1])]
    assert "Palautettu: tiedot 30.9.2026 asti." in [s.value for s in at.success]


def test_a_failed_restore_says_so(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake(monkeypatch, fail=True)
    at = data_page("en")
    at.button(key="restore_kpi.duckdb.2").click().run()
    at.button(key="restore_yes_kpi.duckdb.2").click().run()
    assert not at.exception, at.exception
    assert "The restore failed; the current data stays." in [e.value for e in at.error]
    assert any("File broken." in c.value for c in at.code)


def test_a_role_that_may_not_load_sees_no_restore(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake(monkeypatch)
    at = data_page(roles=["johto"])
    assert any("Tiedot 31.10.2026 asti" in m.value for m in at.markdown)
    assert restore_buttons(at) == []


def test_without_the_backups_module_there_is_no_section(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pipelines.backups", None)  # import fails
    at = data_page()
    assert "Aiemmat tietokannat" not in [s.value for s in at.subheader]
    assert restore_buttons(at) == []
