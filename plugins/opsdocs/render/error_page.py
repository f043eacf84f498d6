"""The page ``mkdocs serve`` shows while the project has problems: every located problem,
``path:line:col: error: ...``, in place of the site, until an edit fixes them.

A whole HTML document on its own (no theme, no script, no request to anywhere), every text
escaped: the problems quote the data, which is untrusted. It has a ``</body>`` for the
development server to put its live-reload script before, so the browser shows the site again
as soon as the files are fixed.
"""

from __future__ import annotations

from html import escape

_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#1f2328}"
    "h1{font-size:1.4rem;color:#b42318}"
    "pre{white-space:pre-wrap;background:#fff5f5;border:1px solid #f3c2c2;padding:1rem;"
    "border-radius:.4rem;line-height:1.5}"
)


def error_page(message: str, title: str = "The site cannot be built") -> str:
    """The HTML page that lists ``message`` (the build's error: its located lines, one a line)."""
    lines = [line for line in message.splitlines() if line.strip()]
    listed = "\n".join(escape(line) for line in lines)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n"
        "<p>Fix these in the project's files; this page reloads when they are saved.</p>\n"
        f'<pre id="opsdocs-problems">{listed}</pre>\n'
        "</body>\n</html>\n"
    )
