"""common.app_server: a server that cannot start is a clear error with its log, not a hang."""

from __future__ import annotations

from pathlib import Path

import pytest

from common.app_server import AppServerError, dashboard, free_port


def test_a_script_that_does_not_exist_is_an_error_with_the_servers_words(tmp_path: Path) -> None:
    with (
        pytest.raises(AppServerError, match="streamlit exited") as caught,
        dashboard(tmp_path / "none.duckdb", script="no_such_app.py"),
    ):
        pass  # pragma: no cover - never reached
    assert "no_such_app.py" in str(caught.value)


def test_free_port_is_a_usable_port() -> None:
    assert 1024 <= free_port() <= 65535
