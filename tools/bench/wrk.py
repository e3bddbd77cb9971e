"""Drive Debian's `wrk` against one address and read its summary."""

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

REPORT_SCRIPT = Path(__file__).with_name("wrk_report.lua")
MARKER = "WRK_JSON "


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    bytes: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    # Socket errors (connect, read, write, timeout) and answers with a status above 399.
    errors: dict[str, int]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def wrk_run(
    url: str,
    *,
    seconds: float,
    threads: int = 2,
    connections: int = 8,
    headers: dict[str, str] | None = None,
    timeout_seconds: int = 30,
) -> WrkResult:
    """Run wrk for `seconds` against `url` and return its counts and latencies."""
    binary = shutil.which("wrk")
    if binary is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk).")
    command = [
        binary,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        f"--timeout={timeout_seconds}s",
        "-s",
        str(REPORT_SCRIPT),
    ]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    command.append(url)
    finished = subprocess.run(  # noqa: S603 - fixed arguments
        command, capture_output=True, text=True, timeout=seconds + timeout_seconds + 30, check=False
    )
    for line in finished.stdout.splitlines():
        if line.startswith(MARKER):
            data = json.loads(line.removeprefix(MARKER))
            break
    else:
        raise RuntimeError(f"wrk printed no summary: {finished.stdout} {finished.stderr}")
    return WrkResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        bytes=data["bytes"],
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        errors={
            name: data[name]
            for name in ("connect", "read", "write", "timeout", "status")
            if data[name]
        },
    )
