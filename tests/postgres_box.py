"""A real PostgreSQL server for the tests that need one, started on 127.0.0.1 by the tests."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text


def _pg_bindir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    if candidates:
        return Path(candidates[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A throw-away PostgreSQL cluster on 127.0.0.1 (initdb as Debian's postgres user when root)."""

    def __init__(self, bindir: Path, password: str | None = None) -> None:
        self.bindir = bindir
        self.run_as: list[str] = []
        self.workdir = Path(tempfile.mkdtemp(prefix="dealdesk-pg-"))
        if os.geteuid() == 0:  # initdb refuses to run as root: use Debian's postgres user
            self.run_as = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.workdir, "postgres")
        self.data, self.port = self.workdir / "data", _free_port()
        self.url = f"postgresql+psycopg://dealdesk@127.0.0.1:{self.port}"
        initdb = [str(bindir / "initdb"), "-D", str(self.data), "-U", "dealdesk", "-E", "UTF8", "--no-sync"]
        if password is None:
            initdb.append("--auth=trust")
        else:  # the server asks for the password (the tests connect over TCP only)
            secret = self.workdir / "password"
            secret.write_text(password + "\n")
            if self.run_as:
                shutil.chown(secret, "postgres")
            initdb += ["--auth=scram-sha-256", f"--pwfile={secret}"]
        subprocess.run([*self.run_as, *initdb], check=True, capture_output=True)

    def _ctl(self, *arguments: str) -> None:
        subprocess.run(
            [*self.run_as, str(self.bindir / "pg_ctl"), "-D", str(self.data), *arguments],
            check=True,
            capture_output=True,
        )

    def with_tls(self) -> Path:
        """The server speaks TLS with a certificate for "localhost" signed by a CA of its own; the
        CA's certificate (what a client verifies the server with) is returned. Before `start`."""
        tls = self.workdir / "tls"
        tls.mkdir()

        def openssl(*arguments: str) -> None:
            subprocess.run(["openssl", *arguments], check=True, capture_output=True, cwd=tls)

        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Test CA",
                "-keyout", "ca.key", "-out", "ca.crt")  # fmt: skip
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
                "-out", "server.csr")  # fmt: skip
        (tls / "san.cnf").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", "san.cnf", "-out", "server.crt")  # fmt: skip
        os.chmod(tls / "server.key", 0o600)
        if self.run_as:
            for name in ("server.key", "server.crt"):
                shutil.chown(tls / name, "postgres")
        self.tls = tls
        return tls / "ca.crt"

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.workdir}"
        options += " -c fsync=off -c full_page_writes=off"
        if getattr(self, "tls", None) is not None:
            options += (
                f" -c ssl=on -c ssl_cert_file={self.tls}/server.crt -c ssl_key_file={self.tls}/server.key"
            )
        self._ctl("-o", options, "-l", str(self.workdir / "log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._ctl("-m", mode, "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("immediate")
        shutil.rmtree(self.workdir, ignore_errors=True)

    def new_database(self, name: str, password: str | None = None) -> str:
        login = self.url.replace("dealdesk@", f"dealdesk:{password}@") if password else self.url
        new_database(login, name)
        return f"{self.url}/{name}"


def new_database(server: str, name: str) -> str:
    """A new, empty database on the server (an old one of that name dropped first)."""
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))  # name built from letters, digits, _
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{server}/{name}"


def _cluster(*, tls: bool = False, password: str | None = None) -> Cluster:
    bindir = _pg_bindir()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; .ci/run installs Debian's postgresql package")
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    cluster = Cluster(bindir, password)
    if tls:
        cluster.with_tls()
    cluster.start()
    return cluster


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a throw-away PostgreSQL cluster; skipped only outside CI when PostgreSQL is absent."""
    cluster = _cluster()
    try:
        yield cluster.url
    finally:
        cluster.remove()


@pytest.fixture
def own_postgres() -> Iterator[Cluster]:
    """A cluster of this test's own, to stop and start under a running Dealdesk."""
    cluster = _cluster()
    try:
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def postgres_url(postgres_server: str, request: pytest.FixtureRequest) -> str:
    """A new, empty database on the test server for one test."""
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    return new_database(postgres_server, name)
