"""The templates of one build: the shipped ones (``render/templates``), each replaceable by a
file of the project at ``<custom_dir>/opsdocs/<same path>``, as Material's partials are.

Every build gets its own ``Templates``, so an override never reaches another build in the same
process (``mkdocs serve`` rebuilds, tests build many sites). What builds share is only the
compiled code of a template file, found by the file's path and the checksum of its text: the
same text at the same path always compiles to the same code, so sharing it can carry nothing
from one build into another, and a build does not compile the shipped templates again.

An override is a file of the project, reviewed like code. It receives what the shipped
template receives, which on the public site is drawn from the public view only. When an
override fails (a syntax error, an undefined variable), the error names its file and line.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.bccache import Bucket

from opsdocs.problems import Problem
from opsdocs.render.template_context import PAGE_TEMPLATES

SHIPPED = Path(__file__).parent / "templates"
"""The shipped templates; an override has the same path under ``<custom_dir>/opsdocs/``."""
OVERRIDES_FOLDER = "opsdocs"
"""The folder of the theme's ``custom_dir`` that holds overrides of opsdocs' templates."""


class TemplateError(Exception):
    """A template override that cannot be used: a located problem, ``path:line:col: error: …``."""


class _CompiledCode(jinja2.BytecodeCache):
    """Compiled templates by file path and text checksum, in memory: what builds may share."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, object]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self._code.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]  # type: ignore[assignment]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)


_COMPILED = _CompiledCode()
_JINJA_NAMES = frozenset({"loop", "caller", "varargs", "kwargs", "self", "super"})
"""Names Jinja itself gives a template, in loops, macros and blocks."""


def _environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    return jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # An environment lives for one build, whose files do not change while it runs.
        auto_reload=False,
        # Every environment has the settings above, so the same text compiles the same way.
        bytecode_cache=_COMPILED,
    )


class Templates:
    """The Jinja environment of one build: the overrides in ``overrides`` (a folder that need
    not exist) first, then the shipped templates.

    Every value is escaped unless marked safe: generated pages are Markdown whose body is HTML,
    so HTML escaping is the right escaping for them; sanitized Markdown from data arrives
    already marked safe. ``root`` is the project's folder, for the paths in error messages.
    Every override is checked when the build starts; a problem with one is a ``TemplateError``.
    """

    def __init__(self, overrides: Path | None = None, *, root: Path | None = None) -> None:
        self.overrides = overrides.resolve() if overrides is not None and overrides.is_dir() else None
        self._root = root
        self._prefix = os.fspath(self.overrides) + os.sep if self.overrides is not None else ""
        loader: jinja2.BaseLoader = jinja2.PackageLoader("opsdocs.render", "templates")
        if self.overrides is not None:
            loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(self.overrides), loader])
        self.environment = _environment(loader)
        if self.overrides is not None:
            for path in sorted(self.overrides.rglob("*.j2")):
                if path.is_file():
                    self._check_override(path.relative_to(self.overrides).as_posix())

    def render(self, name: str, /, **values: object) -> str:
        """Render the template ``name`` (a path under ``render/templates``) with ``values``,
        which must be the variables ``PAGE_TEMPLATES`` lists for it: what the docs promise an
        override receives is what it gets."""
        expected = PAGE_TEMPLATES[name].values.keys()
        if values.keys() != expected:
            extra, missing = sorted(values.keys() - expected), sorted(expected - values.keys())
            raise TypeError(f"{name} given {extra} beyond and lacking {missing} of templates/contract.yml")
        try:
            return self.environment.get_template(name).render(**values)
        except Exception as exc:
            raise self._located(exc) from None

    def call_macro(self, name: str, macro: str, /, *args: object) -> str:
        """Call the macro ``macro`` of the template ``name``, a library of macros."""
        try:
            return str(getattr(self.environment.get_template(name).module, macro)(*args))
        except Exception as exc:
            raise self._located(exc) from None

    def macros(self, name: str) -> dict[str, tuple[str, ...]]:
        """The macros the template ``name`` defines, by name, each with its parameters."""
        module = vars(self.environment.get_template(name).module)
        return {
            key: tuple(module[key].arguments)
            for key in sorted(module)
            if isinstance(module[key], jinja2.runtime.Macro) and not key.startswith("_")
        }

    def unknown_names(self, name: str) -> list[tuple[str, int]]:
        """The names the template ``name`` reads that nothing gives it, with the first line
        of each: a page template receives its ``PAGE_TEMPLATES`` variables, a macro its
        parameters, every template Jinja's globals (``range``, ...) and what it sets or
        imports itself. Such a name is undefined whenever it is read."""
        source, filename, _ = self.environment.loader.get_source(self.environment, name)  # type: ignore[union-attr]
        parsed = self.environment.parse(source, name, filename)
        page = PAGE_TEMPLATES.get(name)
        known = {*self.environment.globals, *(page.values if page is not None else ()), *_JINJA_NAMES}
        for node in parsed.find_all((nodes.Name, nodes.Macro, nodes.Import, nodes.FromImport)):
            if (isinstance(node, nodes.Name) and node.ctx != "load") or isinstance(node, nodes.Macro):
                known.add(node.name)
            elif isinstance(node, nodes.Import):
                known.add(node.target)
            elif isinstance(node, nodes.FromImport):
                known.update(item if isinstance(item, str) else item[1] for item in node.names)
        lines: dict[str, int] = {}
        for node in parsed.find_all(nodes.Name):
            if node.ctx == "load" and node.name not in known:
                lines[node.name] = min(lines.get(node.name, node.lineno), node.lineno)
        return sorted(lines.items(), key=lambda item: (item[1], item[0]))

    # --- overrides' problems ------------------------------------------------------------------

    def _check_override(self, name: str) -> None:
        """Stop at once on an override that cannot work, whatever pages this build has: one
        that does not compile, reads a name it is not given, or (for a library of macros)
        lacks a macro of the shipped one."""
        source = os.fspath(self.overrides / name) if self.overrides is not None else name
        page = PAGE_TEMPLATES.get(name)
        library = (SHIPPED / name).is_file() and page is None
        try:
            unknown = self.unknown_names(name)
            mine = self.macros(name) if library else {}
        except Exception as exc:
            raise self._located(exc, source) from None
        if unknown:
            word, line = unknown[0]
            given = f"it receives {', '.join(sorted(page.values))}" if page else "a macro gets its parameters"
            raise self._problem(source, line, f"'{word}' is not a name this template is given; {given}")
        missing = sorted(Templates().macros(name).keys() - mine.keys()) if library else []
        if missing:
            message = (
                f"an override of {name} replaces all of it, and it lacks the macros {', '.join(missing)}"
            )
            raise self._problem(source, 1, message)

    def _located(self, exc: Exception, source: str | None = None) -> Exception:
        """``exc`` as a located problem when an override caused it; else ``exc`` itself, a
        fault of opsdocs, whose traceback is what its maintainers need."""
        if self.overrides is None:
            return exc
        if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename and self._is_override(exc.filename):
            return self._problem(exc.filename, exc.lineno, f"template syntax error: {exc.message}")
        if isinstance(exc, UnicodeDecodeError) and source is not None:
            return self._problem(source, 1, f"a template must be UTF-8 text ({exc.reason})")
        where = (source, 1) if source is not None else None
        tb = exc.__traceback__
        while tb is not None:
            if self._is_override(tb.tb_frame.f_code.co_filename):
                where = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
            tb = tb.tb_next
        if where is None:
            return exc
        message = str(exc) if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: {exc}"
        return self._problem(where[0], where[1], message)

    def _is_override(self, filename: str) -> bool:
        return bool(self._prefix) and filename.startswith(self._prefix)

    def _problem(self, filename: str, line: int, message: str) -> Exception:
        path = Path(filename)
        if self._root is not None and path.is_relative_to(self._root):
            filename = path.relative_to(self._root).as_posix()
        return TemplateError(str(Problem(filename, line, 1, message)))
