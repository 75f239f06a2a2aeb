"""Runtime configuration, read from the environment (prefix ``KPI_``) by pydantic-settings."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Where things live. Every value can be set as an environment variable, e.g. ``KPI_DB``."""

    model_config = SettingsConfigDict(env_prefix="KPI_", frozen=True)

    db: Path = PROJECT_ROOT / "data" / "kpi.duckdb"
    reference_dir: Path = PROJECT_ROOT / "reference"
    sample_dir: Path = PROJECT_ROOT / "sample_data" / "sample"
    small_number_threshold: int = 5
    # Allow-list of e-mail -> role, used when the sign-in token carries no roles claim.
    roles_file: Path = PROJECT_ROOT / ".streamlit" / "roles.toml"
    # The Data page's upload is checked and loaded in a child process (access/upload_runner.py)
    # under these limits: address space (RLIMIT_AS), and CPU seconds (RLIMIT_CPU) which are also
    # the wall-clock limit. Its temporary files go under upload_dir (mode 0700).
    upload_memory_mib: int = 4096
    upload_seconds: int = 600
    upload_dir: Path = Path(tempfile.gettempdir()) / "kpi-uploads"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
