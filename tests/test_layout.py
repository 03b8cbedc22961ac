"""The code's layout holds: hooks are loaded by mkdocs alone and keep nothing between builds."""

from __future__ import annotations

import ast
from pathlib import Path

from scripts.core.languages import mkdocs_config
from scripts.core.paths import ROOT

HOOKS = ROOT / "scripts" / "hooks"


def python_files() -> list[Path]:
    return sorted([*(ROOT / "scripts").rglob("*.py"), *(ROOT / "tests").rglob("*.py")])


def test_no_code_imports_a_hook_module() -> None:
    """mkdocs loads each hook by its path; an import by name would make a second copy of the module."""
    offenders = []
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            if any(n == "scripts.hooks" or n.startswith("scripts.hooks.") for n in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_hook_modules_keep_no_state_between_builds() -> None:
    """A hook takes what it needs from the event's arguments: no module-level list, dict or set to fill
    (UPPER_CASE tables are constants, filled once where they are written)."""
    mutable = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
    found = []
    hooks = sorted(HOOKS.glob("*.py"))
    assert len(hooks) > 1, f"no hook module in {HOOKS}"
    for path in hooks:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            if all(isinstance(t, ast.Name) and t.id.isupper() for t in targets):
                continue
            if isinstance(value, mutable) or (
                isinstance(value, ast.Call) and getattr(value.func, "id", "") in {"list", "dict", "set"}
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_every_hook_module_is_listed_in_mkdocs_yml_and_nothing_else() -> None:
    listed = mkdocs_config()["hooks"]
    on_disk = {f"scripts/hooks/{p.name}" for p in HOOKS.glob("*.py") if p.name != "__init__.py"}
    assert set(listed) == on_disk
    assert len(listed) == len(set(listed))
