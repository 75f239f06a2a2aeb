"""Start the test identity provider and a Streamlit app configured against it, and stop
them again. Used by the sign-in browser tests (fixtures in conftest.py).

The provider is the npm package ``oidc-provider`` at the version pinned in package.json /
package-lock.json, installed with ``npm ci`` into tests/oidc/node_modules (git-ignored) the
first time it is needed. Under CI=true a missing node, npm or chromium fails the test;
elsewhere it skips it.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CLIENT_ID = "kpi-dashboard"
CLIENT_SECRET = "test-client-secret"


def need(tool: str) -> str:
    """The tool's path; missing: fail under CI=true, skip elsewhere."""
    path = tool if os.path.isabs(tool) and os.access(tool, os.X_OK) else shutil.which(tool)
    if path:
        return path
    message = f"{tool} is not installed (needed by the sign-in browser tests)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def install_provider() -> None:
    """``npm ci`` from the committed lock file, once (offline-first from npm's cache)."""
    pinned = json.loads((HERE / "package.json").read_text())["dependencies"]["oidc-provider"]
    installed = HERE / "node_modules" / "oidc-provider" / "package.json"
    if installed.is_file() and json.loads(installed.read_text())["version"] == pinned:
        return
    npm = need("npm")
    subprocess.run(
        [npm, "ci", "--prefix", str(HERE), "--no-audit", "--no-fund", "--prefer-offline"],
        check=True,
        timeout=300,
        capture_output=True,
    )


def wait_http(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: the server exited:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {timeout} s:\n{log.read_text(errors='replace')}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@dataclass(frozen=True)
class SignInSite:
    app_url: str  # http://localhost:<port>
    issuer: str  # http://127.0.0.1:<port>


@contextmanager
def streamlit_app(
    app: Path, port: int, secrets: Path, workdir: Path, env: dict[str, str]
) -> Iterator[str]:
    """``streamlit run app`` on localhost:port with only ``secrets`` as secrets; its URL."""
    log = workdir / f"streamlit-{port}.log"
    full_env = {**os.environ, **env, "PYTHONPATH": str(REPO)}
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(app),
             "--server.port", str(port), "--server.address", "localhost",
             "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none", "--secrets.files", str(secrets)],
            cwd=REPO, env=full_env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        url = f"http://localhost:{port}"
        wait_http(f"{url}/_stcore/health", server, log, 60)
        yield url
    finally:
        stop(server)


@contextmanager
def provider_and_app(
    app: Path, workdir: Path, roles_toml: str, extra_env: dict[str, str] | None = None
) -> Iterator[SignInSite]:
    """The provider on 127.0.0.1 and ``app`` on localhost, each on a free port."""
    node = need("node")
    install_provider()
    op_port, app_port = free_port(), free_port()
    app_url, issuer = f"http://localhost:{app_port}", f"http://127.0.0.1:{op_port}"
    redirect_uri = f"{app_url}/oauth2callback"
    secrets = workdir / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "{redirect_uri}"\n'
        f'cookie_secret = "{os.urandom(24).hex()}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    roles = workdir / "roles.toml"
    roles.write_text(roles_toml, encoding="utf-8")
    op_log = workdir / "provider.log"
    with open(op_log, "wb") as out:
        op = subprocess.Popen(
            [node, str(HERE / "provider.mjs"), str(op_port), redirect_uri],
            cwd=HERE,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_http(f"{issuer}/.well-known/openid-configuration", op, op_log, 30)
        env = {**(extra_env or {}), "KPI_ROLES_FILE": str(roles)}
        with streamlit_app(app, app_port, secrets, workdir, env) as url:
            assert url == app_url
            yield SignInSite(app_url=app_url, issuer=issuer)
    finally:
        stop(op)
