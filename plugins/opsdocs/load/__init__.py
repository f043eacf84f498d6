"""Load: read YAML data files and Markdown front matter, keeping where every value came from."""

from opsdocs.load.markdown_source import MarkdownSource, load_markdown_file
from opsdocs.load.source import FieldPath, SourceDoc
from opsdocs.load.yaml_source import load_yaml_file, parse_yaml_text

__all__ = [
    "FieldPath",
    "MarkdownSource",
    "SourceDoc",
    "load_markdown_file",
    "load_yaml_file",
    "parse_yaml_text",
]
