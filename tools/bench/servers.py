"""Start and stop what the benchmark and the load tests serve from: Redis and gunicorn.

Each runs as a child process of the caller, on a free port of 127.0.0.1, and is stopped by its
own process id when the `with` block ends, whatever happened inside it.
"""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from tools.bench import CONSTANT_PATH

ROOT = Path(__file__).resolve().parent.parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class ServerError(RuntimeError):
    """A server did not start, or stopped answering."""


def port_free() -> int:
    """A TCP port nobody listens on right now (the kernel's choice)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _stop(process: subprocess.Popen, *, grace: float = 10.0) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=grace)


class Redis:
    """A private redis-server (Debian's package) that keeps nothing on disk."""

    def __init__(self, *, port: int | None = None, log_path: Path | None = None):
        self.port = port or port_free()
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def __enter__(self) -> "Redis":
        binary = shutil.which("redis-server")
        if binary is None:
            raise ServerError("redis-server is not installed (apt-get install redis-server).")
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                binary,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--logfile",
                str(self.log_path or ""),
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"redis-server on port {self.port} exited at start.")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.05)
        self.__exit__(None, None, None)
        raise ServerError(f"redis-server on port {self.port} did not answer.")

    def __exit__(self, *exc_info) -> None:
        if self.process is not None:
            _stop(self.process)

    def cpu_seconds(self) -> float:
        return process_cpu_seconds(self.process.pid) if self.process else 0.0


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for its parent."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def process_cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used, from /proc (clock ticks of 10 ms)."""
    with open(f"/proc/{pid}/stat", "rb") as stat:
        # The command name (field 2) may hold spaces: count fields after its closing ")".
        fields = stat.read().rsplit(b")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / CLOCK_TICKS


def children_of(pid: int) -> list[int]:
    """The process ids whose parent is `pid`."""
    children = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[1]) == pid:
            children.append(int(entry.name))
    return sorted(children)


class Gunicorn:
    """gunicorn with N sync workers serving tools.bench.wsgi (Django, plus the constant path).

    `env` is the whole environment of the server (settings, database, cache, engine ...).
    """

    def __init__(
        self,
        *,
        env: Mapping[str, str],
        workers: int = 2,
        port: int | None = None,
        log_path: Path,
        timeout: int = 30,
        startup_seconds: float = 120.0,
        preload: bool = False,
    ):
        self.env = dict(env)
        self.workers = workers
        self.port = port or port_free()
        self.log_path = log_path
        self.timeout = timeout
        self.startup_seconds = startup_seconds
        # Load Django once in the master, then fork: half the start-up CPU with two workers
        # (the tests); production loads it in each worker, as the benchmark does.
        self.preload = preload
        self.process: subprocess.Popen | None = None
        self._log = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Gunicorn":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                # The interpreter running this code, so its packages (the project's .venv).
                sys.executable,
                "-m",
                "gunicorn",
                "tools.bench.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--worker-class",
                "sync",
                "--timeout",
                str(self.timeout),
                # gunicorn 27 opens a control socket in ~/.gunicorn by default: shared by every
                # gunicorn of this user, it would clash with another benchmark or test run.
                "--no-control-socket",
                "--log-level",
                "warning",
                *(["--preload"] if self.preload else []),
            ],  # fmt: skip
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        try:
            self._wait_until_ready()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_until_ready(self) -> None:
        """Every worker has loaded Django once the constant path answers as many times in a row
        as there are workers, and gunicorn lists them all."""
        deadline = time.monotonic() + self.startup_seconds
        answered = 0
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"gunicorn exited at start: see {self.log_path}")
            try:
                status = self.get_status(CONSTANT_PATH)
            except OSError:
                status = None
            answered = answered + 1 if status == 200 else 0
            if answered >= self.workers * 2 and len(self.worker_pids()) == self.workers:
                return
            time.sleep(0.1 if status == 200 else 0.5)
        raise ServerError(f"gunicorn did not answer in {self.startup_seconds:.0f} s")

    def get_status(self, path: str, timeout: float = 5.0) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    def __exit__(self, *exc_info) -> None:
        if self.process is not None and self.process.poll() is None:
            # Quick shutdown: what was measured is over, nothing in flight matters any more.
            # gunicorn 27's processes then linger about five seconds before they exit (the
            # interpreter waiting on a thread at exit): after one second, they are killed.
            workers = self.worker_pids()
            if self._log is not None:
                self._log.write(b"[tools.bench] stop: quick shutdown, workers killed after 1 s\n")
                self._log.flush()
            self.process.send_signal(signal.SIGINT)
            deadline = time.monotonic() + 1.0
            while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
                time.sleep(0.05)
            for pid in workers:
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
            try:
                self.process.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self._log is not None:
            self._log.close()

    def wait_idle(self, *, interval: float = 0.5, timeout: float = 120.0) -> None:
        """Until the workers stop using CPU: wrk leaves up to one request per connection in
        gunicorn's backlog when it stops, which the workers still render (the client gone);
        the next measure must not pay for them."""
        deadline = time.monotonic() + timeout
        last = self.worker_cpu()
        while time.monotonic() < deadline:
            time.sleep(interval)
            now = self.worker_cpu()
            # Two clock ticks (20 ms) in half a second: a worker at rest, not one rendering.
            if set(now) == set(last) and sum(now.values()) - sum(last.values()) <= 0.02:
                return
            last = now
        raise ServerError(f"gunicorn's workers still busy after {timeout:.0f} s")

    def worker_pids(self) -> list[int]:
        return children_of(self.process.pid) if self.process else []

    def worker_cpu(self) -> dict[int, float]:
        """CPU seconds used so far by each worker, by process id."""
        usage = {}
        for pid in self.worker_pids():
            try:
                usage[pid] = process_cpu_seconds(pid)
            except OSError:
                continue
        return usage


def cpu_between(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds the workers used between two readings; a worker that is not in both
    readings (restarted after a timeout) makes the figure unknowable."""
    if set(before) != set(after):
        raise ServerError(
            f"gunicorn's workers changed during the measure ({sorted(before)} -> "
            f"{sorted(after)}): one was killed or restarted, see the server log."
        )
    return sum(after[pid] - before[pid] for pid in after)
