"""Runtime configuration, read from the environment (prefix ``KPI_``) by pydantic-settings.

The only module that reads the environment (tests/common/test_settings.py checks it).
``get_settings()`` is fresh whenever a ``KPI_`` variable changes, so a test can point the app
at a temporary database by setting ``KPI_DB``; the same environment gives the same, cached,
object (building one costs about a millisecond).
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PREFIX = "KPI_"


class Settings(BaseSettings):
    """Where things live. Every value can be set as an environment variable, e.g. ``KPI_DB``."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, frozen=True)

    db: Path = PROJECT_ROOT / "data" / "kpi.duckdb"
    reference_dir: Path = PROJECT_ROOT / "reference"
    sample_dir: Path = PROJECT_ROOT / "sample_data" / "sample"
    # The director's texts per goal and period (access.notes): apart from the loaded data,
    # which a load replaces; never inside the database file.
    notes_db: Path = PROJECT_ROOT / "data" / "notes.sqlite"
    # The small-number rule's threshold (docs/spec/METRICS.md): counts 1..threshold-1 are
    # shown as "<threshold" on every screen and in every download.
    small_number_threshold: int = Field(default=5, ge=2)
    # Allow-list of e-mail -> role, used when the sign-in token carries no roles claim.
    roles_file: Path = PROJECT_ROOT / ".streamlit" / "roles.toml"
    # Test hook of pipelines.staging: a load sleeps at this named stage for this many
    # seconds, so that a test can kill it midway (KPI_PIPELINES_PAUSE_AT, ..._SECONDS).
    pipelines_pause_at: str | None = None
    pipelines_pause_seconds: float = 60.0
    # The Data page's upload is checked and loaded in a child process (access/upload_runner.py)
    # under these limits: address space (RLIMIT_AS), and CPU seconds (RLIMIT_CPU) which are also
    # the wall-clock limit. Its temporary files go under upload_dir (mode 0700).
    upload_memory_mib: int = 4096
    upload_seconds: int = 600
    upload_dir: Path = Path(tempfile.gettempdir()) / "kpi-uploads"

    # Official statistics: Statistics Finland's PxWeb API, table 12r5 (docs/statistics.md).
    statfin_api_url: str = "https://pxdata.stat.fi/PXWeb/api/v1/fi/StatFin"
    statfin_table: str = "tyonv/statfin_tyonv_pxt_12r5.px"
    statfin_area_variable: str = "Alue"
    statfin_month_variable: str = "Kuukausi"
    statfin_indicator_variable: str = "Tiedot"
    statfin_country_code: str = "SSS"
    statfin_municipality_prefix: str = "KU"
    statfin_unemployed_code: str = "TYOTTOMATLOPUSSA"
    statfin_rate_code: str = "TYOTOSUUS"
    statfin_vacancies_code: str = "AVPAIKATLOPUSSA"
    statfin_labour_force_code: str = "TYOVOIMATK"
    statfin_timeout_s: float = 30.0
    # Official and own counts of unemployed job seekers differ "too much" above this share.
    statfin_difference_threshold: float = 0.05

    # The director's Monday e-mail (docs/production.md "The Monday e-mail").
    dashboard_url: str = "http://localhost:8501"
    smtp_host: str = "localhost"
    smtp_port: int = 587
    smtp_starttls: bool = True
    # The CA certificate(s) that sign the mail server's certificate (default: the system's).
    smtp_ca_file: Path | None = None
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_timeout_s: float = 30.0
    digest_from: str = "kpi@localhost"
    digest_to: list[str] = []


def _kpi_environment() -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith(PREFIX)))


@lru_cache(maxsize=8)
def _settings_for(environment: tuple[tuple[str, str], ...]) -> Settings:
    del environment  # the cache key: Settings() reads the same environment itself
    return Settings()


class _SettingsReader:
    """``get_settings()``: the settings of the current environment."""

    def __call__(self) -> Settings:
        return _settings_for(_kpi_environment())

    def cache_clear(self) -> None:
        _settings_for.cache_clear()


get_settings = _SettingsReader()
