"""opsdocs: a product's operations, kept as YAML and Markdown, published as MkDocs sites.

Data flows one way: files -> model -> derived facts -> pages and files -> engine.
The layers live in the subpackages ``load``, ``model``, ``derive`` and ``render``;
``mkdocs_plugins`` and ``cli`` are the thin adapters on top.
"""

__version__ = "0.1.0"
