"""The template reference of ``docs/opsdocs/templates.md``, generated from the code: each page
template with the variables it receives (``template_context.PAGE_TEMPLATES``, which every
render is held to), and each library of macros with its macros' parameters, read from the
shipped templates themselves. ``make schemas`` writes it; a test checks the page is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

from opsdocs.render.template_context import PAGE_TEMPLATES
from opsdocs.render.templates import Templates

BEGIN = "<!-- Generated from the code by `make schemas`; do not edit by hand. -->"
END = "<!-- End of the generated reference. -->"


def shipped_templates() -> list[str]:
    """The path of every shipped template, under ``render/templates``."""
    return sorted(name for name in Templates().environment.list_templates() if name.endswith(".j2"))


def template_reference() -> str:
    """The reference as Markdown, between the ``BEGIN`` and ``END`` lines."""
    templates = Templates()
    lines = [BEGIN, "", "### Page templates", ""]
    for name in sorted(PAGE_TEMPLATES):
        page = PAGE_TEMPLATES[name]
        lines += [f"#### `{name}`", "", f"{page.renders[:1].upper()}{page.renders[1:]}.", ""]
        lines += ["| variable | what it is |", "|---|---|"]
        lines += [f"| `{variable}` | {text} |" for variable, text in sorted(page.values.items())]
        lines.append("")
    lines += ["### Macro libraries", ""]
    lines += ["An override of a library replaces all of it: it must define every macro below.", ""]
    for name in shipped_templates():
        if name in PAGE_TEMPLATES:
            continue
        lines += [f"#### `{name}`", ""]
        macros = templates.macros(name)
        lines += [f"- `{macro}({', '.join(parameters)})`" for macro, parameters in macros.items()]
        lines.append("")
    return "\n".join([*lines, END])


def with_reference(page: str) -> str:
    """``page`` with its generated reference (from ``BEGIN`` to ``END``) made current."""
    before, _, rest = page.partition(BEGIN)
    _, _, after = rest.partition(END)
    return before + template_reference() + after


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.write_text(with_reference(target.read_text(encoding="utf-8")), encoding="utf-8")
    print(target)
