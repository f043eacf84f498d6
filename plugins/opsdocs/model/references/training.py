"""Checks of the learning paths: prerequisites come earlier, links lead to a page or runbook."""

from __future__ import annotations

from opsdocs.model.references.checker import Checker


def check_training(c: Checker, runbooks: set[str]) -> None:
    """Each module's prerequisites are earlier modules of its path; its links lead to a page
    under the docs folder or a known runbook."""
    docs = c.project.root / c.layout.docs_dir
    for path in c.project.training.paths:
        earlier: set[str] = set()
        for module in path.modules:
            for i, needed in enumerate(module.prerequisites):
                if needed not in earlier:
                    c.at(
                        module,
                        ("prerequisites", i),
                        f"prerequisites[{i}]: '{needed}' is not an earlier module of path '{path.id}'",
                    )
            for i, link in enumerate(module.links):
                if link.page is not None and not (docs / link.page.split("#")[0]).is_file():
                    c.at(
                        link, ("page",), f"links[{i}].page: no page '{link.page}' under {c.layout.docs_dir}/"
                    )
                c.known(link, ("runbook",), link.runbook, "runbook", runbooks, f"{c.layout.runbooks_dir}/")
            earlier.add(module.id)
