"""The code's layout holds: one package per concern, a small core beneath them, and one hooks module,
loaded by mkdocs alone, that keeps nothing between builds."""

from __future__ import annotations

import ast
from pathlib import Path

from scripts.core.languages import mkdocs_config
from scripts.core.paths import ROOT

SCRIPTS = ROOT / "scripts"
HOOKS = SCRIPTS / "hooks.py"
LONGEST_MODULE = 400  # lines


def python_files() -> list[Path]:
    return sorted([*SCRIPTS.rglob("*.py"), *(ROOT / "tests").rglob("*.py")])


def imported_modules(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.lineno, node.module), *((node.lineno, f"{node.module}.{a.name}") for a in node.names)]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return found


def test_no_code_imports_the_hooks_module() -> None:
    """mkdocs loads the hooks module by its path; an import by name would make a second copy of it."""
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in python_files()
        for line, name in imported_modules(path)
        if name == "scripts.hooks" or name.startswith("scripts.hooks.")
    ]
    assert offenders == []


def test_the_hooks_module_keeps_no_state_between_builds() -> None:
    """A step takes what it needs from the event's arguments: no module-level list, dict or set to fill
    (UPPER_CASE tables are constants, filled once where they are written)."""
    mutable = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
    found = []
    for node in ast.parse(HOOKS.read_text(encoding="utf-8")).body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if all(isinstance(t, ast.Name) and t.id.isupper() for t in targets):
            continue
        if isinstance(value, mutable) or (
            isinstance(value, ast.Call) and getattr(value.func, "id", "") in {"list", "dict", "set"}
        ):
            found.append(f"scripts/hooks.py:{node.lineno}")
    assert found == []


def test_mkdocs_yml_lists_the_one_hooks_module() -> None:
    assert mkdocs_config()["hooks"] == ["scripts/hooks.py"]
    assert HOOKS.is_file()


def test_every_event_translates_data_errors_and_keeps_the_plugins_order() -> None:
    """Each mkdocs event of the hooks module passes through the one translation of data errors, and none
    sets its own priority: static-i18n's priorities decide when the other languages are built."""
    tree = ast.parse(HOOKS.read_text(encoding="utf-8"))
    events = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("on_")]
    assert len(events) >= 10
    for event in events:
        decorators = [ast.unparse(d) for d in event.decorator_list]
        assert decorators == ["data_errors"], f"{event.name}: {decorators}"
    assert "event_priority" not in HOOKS.read_text(encoding="utf-8")


def test_no_module_is_longer_than_the_limit() -> None:
    long = {
        str(path.relative_to(ROOT)): n
        for path in SCRIPTS.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST_MODULE
    }
    assert long == {}


def test_the_core_imports_no_concern() -> None:
    """Imports run downward: the concerns use the core, never the reverse."""
    upward = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in (SCRIPTS / "core").glob("*.py")
        for line, name in imported_modules(path)
        if name.startswith("scripts.") and not name.startswith("scripts.core")
    ]
    assert upward == []


def test_every_schema_is_in_data_schemas() -> None:
    """The formats' documentation in one place, not inside the code's folders."""
    assert sorted(p.name for p in ROOT.glob("scripts/**/*.schema.json")) == []
    assert (ROOT / "data" / "schemas" / "manifesto.schema.json").is_file()


def test_no_folder_is_named_for_a_build_phase() -> None:
    """Folders name what a reader could look for (signatories, citation…), not when the build runs it."""
    folders = {p.name for p in SCRIPTS.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders.isdisjoint({"data", "site", "hooks"}), folders


# The few unbounded caches, each keyed by values from a fixed, small set: they cannot grow with edits.
UNBOUNDED_CACHES = {
    "scripts/core/load.py:schema": "one entry per schema name",
    "scripts/citation/reference.py:_style": "one entry per CSL style and locale",
    "scripts/signatories/page.py:collator": "no argument",
    "scripts/share/image.py:font": "one entry per font face and size of the preview image",
    "scripts/share/image.py:drawing_version": "no argument",
    "scripts/signatories/page.py:badge_font": "one entry per font size of the badge's two lines",
    "scripts/checks/anchors.py:_parsed": "one entry per built page, in a check that runs once",
}


def test_caches_keyed_by_content_are_bounded() -> None:
    """`make serve` rebuilds in one process: a cache keyed by a file's content must have a size limit."""
    unbounded = []
    for path in SCRIPTS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and any(
                ast.unparse(d) in {"cache", "functools.cache", "lru_cache(maxsize=None)"} for d in node.decorator_list
            ):
                unbounded.append(f"{path.relative_to(ROOT)}:{node.name}")
    assert sorted(unbounded) == sorted(UNBOUNDED_CACHES)
