"""The status page without the theme's search: a visitor's first visit during an outage
downloads no search worker, no ``lunr`` and no search index.

Material fetches the search index on any page with a form named ``search`` and starts its
search worker for the search dialog (``data-md-component="search"``); the index of a whole help
center is most of what a first visit downloads. On the status page the dialog and its header
button are hidden, the form loses its name and the dialog no longer mounts; every other page
keeps search. ``search_history: true`` keeps search on the status page too.
"""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_BUTTON = '<label class="md-header__button md-icon" for="__search">'
SEARCH_FORM = ' name="search"'


def without_search(html: str) -> str:
    """``html``, a page Material rendered, with its search dialog and header button hidden, the
    dialog no longer a component the theme's script mounts and its form no longer the one the
    script fetches the index for."""
    start = html.find(SEARCH_DIALOG)
    if start < 0:
        return html
    form = html.find(SEARCH_FORM, start)
    if form >= 0:
        html = html[:form] + html[form + len(SEARCH_FORM) :]
    html = html.replace(SEARCH_DIALOG, '<div class="md-search" role="dialog" hidden>', 1)
    return html.replace(SEARCH_BUTTON, SEARCH_BUTTON.removesuffix(">") + " hidden>", 1)
