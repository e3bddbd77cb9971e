"""`make lint`: no first-party import inside a function unless pyproject.toml names it.

Imports hidden in functions are how upward dependencies and cycles creep in unseen.
`[tool.souk.inline-imports]` in pyproject.toml maps each allowed "importer -> imported" (the
importer may end in `.*` for a whole package) to its reason; an entry no import uses any more
fails too, so the list only shrinks. An app's `apps.py` needs no entry: Django imports it before
any model is loaded, so what its AppConfig and receivers use is imported when they run.

    python -m tools.inline_imports        # exit 1, one line per offending import
"""

import ast
import sys
import tomllib
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class InlineImport:
    path: Path
    line: int
    importer: str
    imported: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.importer} -> {self.imported}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_names(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level or node.module is None:
        return []  # relative imports: none in this project
    return [node.module]


def _imported_modules(node: ast.Import | ast.ImportFrom) -> list[str]:
    """The modules an import brings: `from cms import selectors` is `cms.selectors`."""
    names = _imported_names(node)
    if isinstance(node, ast.ImportFrom) and names:
        package = ROOT.joinpath(*names[0].split("."))
        submodules = [
            f"{names[0]}.{alias.name}"
            for alias in node.names
            if (package / f"{alias.name}.py").exists() or (package / alias.name).is_dir()
        ]
        return submodules or names
    return names


def inline_imports(*, packages: list[str]) -> list[InlineImport]:
    """Every import of one of `packages` made inside a function of theirs."""
    found = []
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            found += _visit(tree, path, packages, stack=[])
    return found


def _visit(node: ast.AST, path: Path, packages: list[str], *, stack: list) -> list:
    found = []
    for child in ast.iter_child_nodes(node):
        in_function = any(isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) for n in stack)
        if isinstance(child, ast.Import | ast.ImportFrom) and in_function:
            if path.name != "apps.py":
                for name in _imported_modules(child):
                    if name.split(".")[0] in packages:
                        found.append(InlineImport(path, child.lineno, _module_name(path), name))
        found += _visit(child, path, packages, stack=[*stack, child])
    return found


def _allowed(entry: str, found: InlineImport) -> bool:
    importer, imported = (part.strip() for part in entry.split("->"))
    return fnmatchcase(found.importer, importer) and (
        found.imported == imported or found.imported.startswith(imported + ".") or imported == "*"
    )


def main() -> int:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = [*config["tool"]["importlinter"]["root_packages"], "tools"]
    allowed: dict[str, str] = config["tool"]["souk"]["inline-imports"]
    found = inline_imports(packages=packages)
    unnamed = [item for item in found if not any(_allowed(entry, item) for entry in allowed)]
    unused = [entry for entry in allowed if not any(_allowed(entry, item) for item in found)]
    for item in unnamed:
        print(f"{item}: an import inside a function, not named in pyproject.toml")  # noqa: T201
    for entry in unused:
        print(f"pyproject.toml names {entry!r}, which no import uses any more")  # noqa: T201
    if unnamed or unused:
        return 1
    print(f"Inline imports: {len(found)}, each named with its reason.")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
