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

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PREFIX = "KPI_"


class Settings(BaseSettings):
    """Where things live. Every value can be set as an environment variable, e.g. ``KPI_DB``."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, frozen=True)

    db: Path = PROJECT_ROOT / "data" / "kpi.duckdb"
    reference_dir: Path = PROJECT_ROOT / "reference"
    sample_dir: Path = PROJECT_ROOT / "sample_data" / "sample"
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
