"""MkDocs configuration files read as text: where a setting is written, the ``INHERIT`` chain,
and the located problems of a configuration that both adapters report the same way.

Read with PyYAML's composer (nodes with their marks, no values constructed), so ``!ENV`` and
``!!python/name`` tags need no constructor and nothing of MkDocs is imported: the build, the
command line and the tests share these functions.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import yaml

from opsdocs.problems import Level, Problem
from opsdocs.render.spec import PARTS

Chain = list[tuple[Path, yaml.Node]]
"""Each configuration file from one up its ``INHERIT`` chain, with its own settings (not merged)."""


def plugin_name(part: str) -> str:
    """The name a part's plugin is listed under (``opsdocs/status``)."""
    return f"opsdocs/{part}"


def compose(path: Path) -> yaml.Node | None:
    """The YAML nodes of the file at ``path``; None when it cannot be read as YAML."""
    try:
        return yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def setting(node: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The node naming setting ``key`` of ``node`` and the setting's value: a mapping's key,
    or a list's entry (``- name`` or ``- name: options``, as MkDocs lists plugins)."""
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                return name, value
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and item.value == key:
                return item, yaml.MappingNode("tag:yaml.org,2002:map", [])
            found = setting(item, key) if isinstance(item, yaml.MappingNode) else None
            if found is not None:
                return found
    return None


def _located(node: yaml.Node | None, keys: tuple[str, ...]) -> tuple[int, tuple[int, int]]:
    """How many of ``keys`` the file of ``node`` writes, and the (line, column) of the deepest."""
    depth, found = 0, (1, 1)
    for key in keys:
        child = setting(node, key)
        if child is None:
            break
        named, node = child
        mark = (node if isinstance(node, yaml.ScalarNode) else named).start_mark
        depth, found = depth + 1, (mark.line + 1, mark.column + 1)
    return depth, found


def position(path: Path | None, *keys: str) -> tuple[int, int]:
    """The (line, column) in the file at ``path`` of the setting at ``keys`` (in ``plugins``,
    a plugin's name, whether it is a mapping or a list), or of the nearest enclosing setting
    the file writes (one it ``INHERIT``s is not looked into); (1, 1) when it writes none."""
    return _located(compose(path) if path is not None else None, keys)[1]


def inherit_chain(path: Path) -> Chain:
    """Each configuration file from ``path`` up its ``INHERIT`` chain, as far as they can be read."""
    chain: Chain = []
    while path.is_file() and len(chain) < 10 and path not in (p for p, _ in chain):
        node = compose(path)
        if not isinstance(node, yaml.MappingNode):
            break
        chain.append((path, node))
        parent = setting(node, "INHERIT")
        if parent is None or not isinstance(parent[1], yaml.ScalarNode):
            break
        path = (path.parent / parent[1].value).resolve()
    return chain


def shown(path: Path, root: Path) -> str:
    """``path`` as problems name it: relative to the project ``root`` when inside it."""
    path = path.resolve()
    return path.relative_to(root.resolve()).as_posix() if path.is_relative_to(root.resolve()) else str(path)


def setting_problem(
    config_file: Path, keys: tuple[str, ...], message: str, level: Level = "error"
) -> Problem:
    """A problem with the setting at ``keys`` of the configuration ``config_file``, located in
    the file of its ``INHERIT`` chain that writes it (the nearest that writes the most of it)."""
    chain = inherit_chain(config_file) or [(config_file, None)]
    found = [(_located(node, keys), index, path) for index, (path, node) in enumerate(chain)]
    (_depth, (line, column)), _, path = max(found, key=lambda one: (one[0][0], -one[1]))
    return Problem(shown(path, config_file.parent), line, column, message, level)


def _kind(node: yaml.Node) -> str:
    return "mapping" if isinstance(node, yaml.MappingNode) else "list"


def no_parts_problem(config_file: Path) -> Problem:
    """Why a configuration with the ``opsdocs`` plugin and no part's plugin builds nothing,
    and what to change, at its ``plugins``. The usual cause: ``plugins`` written as a list in a
    file another one ``INHERIT``s with ``plugins`` as a mapping (or the other way round), which
    MkDocs does not merge: the later one replaces the earlier."""
    listed = ", ".join(plugin_name(part) for part in PARTS)
    message = f"the opsdocs plugin is listed but none of its parts' plugins ({listed})"
    root = config_file.parent
    for (child, mine), (parent, theirs) in pairwise(inherit_chain(config_file)):
        ours, others = setting(mine, "plugins"), setting(theirs, "plugins")
        if ours is not None and others is not None and _kind(ours[1]) != _kind(others[1]):
            line, column = ours[0].start_mark.line + 1, ours[0].start_mark.column + 1
            return Problem(
                shown(child, root),
                line,
                column,
                f"{message}: {child.name} writes `plugins` as a {_kind(ours[1])} and the file it "
                f"inherits, {parent.name}, as a {_kind(others[1])}; MkDocs merges two mappings but "
                "replaces one kind by the other. Write `plugins` as a mapping in both files "
                "(`plugins: {search: {}, opsdocs: {…}, opsdocs/status: {}}`), or list every "
                f"plugin in {child.name}",
            )
    return setting_problem(
        config_file,
        ("plugins",),
        f"{message}: list the parts this site has, for example `opsdocs/status: {{}}`",
    )


def nav_entries(node: yaml.Node | None) -> Iterator[yaml.ScalarNode]:
    """Every page or address a ``nav`` value names (``- page.md``, ``- Title: page.md``)."""
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from nav_entries(item)
    elif isinstance(node, yaml.MappingNode):
        for _title, value in node.value:
            yield from nav_entries(value)


def nav_positions(config_file: Path) -> dict[str, tuple[str, int, int]]:
    """Where each entry of the configuration's ``nav`` is written: by entry, its file (as
    problems name it), line and column; from the nearest file of the chain that writes ``nav``."""
    for path, node in inherit_chain(config_file):
        nav = setting(node, "nav")
        if nav is not None:
            found: dict[str, tuple[str, int, int]] = {}
            for entry in nav_entries(nav[1]):
                mark = entry.start_mark
                found.setdefault(
                    entry.value, (shown(path, config_file.parent), mark.line + 1, mark.column + 1)
                )
            return found
    return {}
