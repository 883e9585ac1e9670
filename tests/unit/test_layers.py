"""The one direction of imports (docs/ARCHITECTURE.md): a module may import its own layer
or lower ones, never a higher one, and no two modules import each other, however
indirectly. Imports under `if TYPE_CHECKING:` are left out: they never run, and type
hints may name what a lower layer is handed from above (the `Services` a conversation
gets)."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "server" / "klarchat"

# Lowest first. A module belongs to the layer of its longest matching prefix.
LAYERS: list[tuple[str, ...]] = [
    (
        "klarchat.config",
        "klarchat.config_sources",
        "klarchat.defaults",
        "klarchat.clock",
        "klarchat.protocol",
        "klarchat.identity",
        "klarchat.session_keys",
        "klarchat.key_files",
        "klarchat.background",
        "klarchat.ratelimit",
        "klarchat.privacy.categories",
        "klarchat.log_setup",
    ),
    ("klarchat.store", "klarchat.bus"),
    (
        "klarchat.consent",
        "klarchat.privacy",
        "klarchat.adapters",
        "klarchat.sessions",
        "klarchat.events",
        "klarchat.metrics",
        "klarchat.audit",
        "klarchat.rights",
        "klarchat.retention",
        "klarchat.readability",
        "klarchat.chain",
        "klarchat.oversight",
        "klarchat.opening_hours",
        "klarchat.compliance",
        "klarchat.provider_health",
    ),
    ("klarchat.conversation",),
    ("klarchat.services",),
    ("klarchat.web", "klarchat.operator"),
    ("klarchat.app", "klarchat.cli", "klarchat.__main__"),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    matches = [
        (len(prefix), rank)
        for rank, prefixes in enumerate(LAYERS)
        for prefix in prefixes
        if module == prefix or module.startswith(prefix + ".")
    ]
    assert matches, f"{module} is in no layer: add it to LAYERS and to docs/ARCHITECTURE.md"
    return max(matches)[1]


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def runtime_imports(path: Path) -> set[str]:
    """The klarchat modules `path` imports when it runs (at the top or in a function)."""
    found: set[str] = set()
    skip: set[int] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            skip.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if _exists(candidate) else node.module)
    return {name for name in found if name.split(".")[0] == "klarchat"}


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").exists() or (PACKAGE / relative).is_dir()


def import_graph() -> dict[str, set[str]]:
    return {module_name(path): runtime_imports(path) for path in PACKAGE.rglob("*.py")}


GRAPH = import_graph()


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_module_imports_a_higher_layer(module: str) -> None:
    upward = [
        imported for imported in sorted(GRAPH[module]) if layer_of(imported) > layer_of(module)
    ]
    assert upward == [], f"{module} (layer {layer_of(module)}) imports a higher layer: {upward}"


def test_no_import_cycle() -> None:
    graph = {
        module: {i for i in imports if i in GRAPH} - {module} for module, imports in GRAPH.items()
    }
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as exc:
        pytest.fail(f"import cycle: {' -> '.join(exc.args[1])}")
