"""A small text progress bar for long management commands (demo data, indexing)."""

import sys
from typing import TextIO


class ProgressBar:
    """Draws `label [#####-----] done/total` on one line; on a non-terminal, prints every 10%."""

    def __init__(
        self, *, total: int, label: str = "", stream: TextIO | None = None, width: int = 30
    ):
        self.total = max(total, 0)
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.done = 0
        self._last_decile = -1
        self._interactive = bool(getattr(self.stream, "isatty", lambda: False)())

    def advance(self, step: int = 1) -> None:
        self.done = min(self.done + step, self.total)
        self._draw()

    def _draw(self) -> None:
        fraction = self.done / self.total if self.total else 1.0
        decile = int(fraction * 10)
        if not self._interactive and decile == self._last_decile and self.done != self.total:
            return
        self._last_decile = decile
        filled = int(fraction * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        end = "\r" if self._interactive and self.done < self.total else "\n"
        self.stream.write(f"{self.label} [{bar}] {self.done}/{self.total}{end}")
        self.stream.flush()
