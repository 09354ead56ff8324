"""Safe YAML loading that remembers where every node came from.

Rule and config files are edited by people; their errors must read
`rules/agenda.yaml:14:5: …`. This loader rejects duplicate keys and aliases (no
"billion laughs"), and returns plain dicts/lists whose positions are kept in `Mark`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefing.errors import BriefingError

MAX_YAML_BYTES = 1_000_000


@dataclass(frozen=True)
class Mark:
    """A position in a YAML file, printed as `path:line:col`."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


class LocatedDict(dict):
    """A mapping that knows where it and each of its keys were written."""

    mark: Mark
    key_marks: dict


class LocatedList(list):
    """A sequence that knows where it and each of its items were written."""

    mark: Mark
    item_marks: list


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses aliases and duplicate keys and keeps marks."""

    def compose_node(self, parent, index):  # noqa: D102 - pyyaml hook
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "aliases (*name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)


# YAML 1.1 reads yes/no/on/off as booleans, so a cue list holding "on" or a country
# code "NO" would silently change type; only true/false are booleans here (YAML 1.2).
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
for _first in "tTfF":
    _Loader.yaml_implicit_resolvers.setdefault(_first, []).insert(0, (
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")))


# libyaml's parser (when PyYAML was built with it) composes large files ten times
# faster; it gets the same scalar resolution, so both read a file alike.
CLoader = type("CLoader", (yaml.CSafeLoader,), {
    "yaml_implicit_resolvers": _Loader.yaml_implicit_resolvers}) \
    if hasattr(yaml, "CSafeLoader") else None


def _mark(path: str, node: yaml.Node) -> Mark:
    return Mark(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _build(node: yaml.Node, path: str, loader: _Loader) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LocatedDict()
        out.mark = _mark(path, node)
        out.key_marks = {}
        for key_node, value_node in node.value:
            key = _build(key_node, path, loader)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise BriefingError(f"{_mark(path, key_node)}: a key must be a plain value")
            if key in out:
                raise BriefingError(
                    f"{_mark(path, key_node)}: duplicate key '{key}' "
                    f"(first at line {out.key_marks[key].line})")
            out.key_marks[key] = _mark(path, key_node)
            out[key] = _build(value_node, path, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        out = LocatedList(_build(n, path, loader) for n in node.value)
        out.mark = _mark(path, node)
        out.item_marks = [_mark(path, n) for n in node.value]
        return out
    if node.tag == "tag:yaml.org,2002:str":
        return node.value  # most scalars: skip the constructor's bookkeeping
    return loader.construct_object(node, deep=True)


def load_yaml(path: Path | str, text: str | None = None) -> Any:
    """Parse one YAML file; raise BriefingError with `path:line:col` on any problem."""
    path = str(path)
    if text is None:
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise BriefingError(f"{path}: cannot read ({exc.strerror})") from None
        if len(raw) > MAX_YAML_BYTES:
            raise BriefingError(f"{path}: larger than {MAX_YAML_BYTES} bytes")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BriefingError(f"{path}: not UTF-8 (byte {exc.start})") from None
    fast = _compose_fast(text, path)
    if fast is not None:
        return fast
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _build(node, path, loader)
    except yaml.MarkedYAMLError as exc:
        m = exc.problem_mark or exc.context_mark
        where = f"{path}:{m.line + 1}:{m.column + 1}" if m else path
        raise BriefingError(f"{where}: invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise BriefingError(f"{path}: invalid YAML: {exc}") from None
    finally:
        loader.dispose()


def _compose_fast(text: str, path: str) -> Any:
    """The file read with libyaml's composer (ten times faster on the gazetteer), or
    None to let the pure-Python loader read it — and word any error — instead.

    libyaml expands an alias into a shared node rather than refusing it, so a tree
    holding one node twice goes to the pure loader, which refuses aliases."""
    if CLoader is None:
        return None
    loader = CLoader(text)
    try:
        node = loader.get_single_node()
        if node is None or _shares_nodes(node):
            return None
        return _build(node, path, loader)
    except (yaml.YAMLError, BriefingError):
        return None
    finally:
        loader.dispose()


def _shares_nodes(root: yaml.Node) -> bool:
    """Whether a node appears twice in the tree (how libyaml resolves an alias)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node.value, list):
            for item in node.value:
                stack.extend(item if isinstance(item, tuple) else (item,))
    return False


def mark_of(obj: Any, key: Any = None, default: Mark | None = None) -> Mark | None:
    """Where `obj` (or its key `key`, or its item number `key`) was written."""
    if key is not None:
        if isinstance(obj, LocatedDict) and key in obj.key_marks:
            return obj.key_marks[key]
        if isinstance(obj, LocatedList) and isinstance(key, int) and key < len(obj.item_marks):
            return obj.item_marks[key]
    return getattr(obj, "mark", default)
