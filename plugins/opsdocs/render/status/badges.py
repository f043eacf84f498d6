"""Status badges as SVG, in shields.io's "flat" style, serialised with ElementTree.

``badges/overall.svg`` shows the overall indicator, ``badges/<component>.svg`` one component's
status: a grey label on the left (``badge.label``), the status on a coloured field on the right.
Text widths are estimated from Verdana 11px metrics and pinned with ``textLength``, so the text
fits without font files. Each badge is an accessible image: ``role="img"``, an ``aria-label``
and a ``<title>`` reading "<name>: <status>".
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from opsdocs.derive.overall import Indicator
from opsdocs.derive.status import StatusSnapshot
from opsdocs.model.base import Audience
from opsdocs.model.components import ComponentStatus
from opsdocs.render.context import RenderContext
from opsdocs.render.paths import StatusPages
from opsdocs.render.plan import SitePlan

SVG_NS = "http://www.w3.org/2000/svg"
HEIGHT = 20
PADDING = 6
"""Space left and right of each text, in pixels."""
LABEL_COLOUR = "#555"
FONT = "Verdana,Geneva,DejaVu Sans,sans-serif"
LIGHT_TEXT = "#fff"
DARK_TEXT = "#1b1b1b"

GREEN, YELLOW, ORANGE, RED, BLUE = "#2e7d32", "#f9a825", "#ef6c00", "#c62828", "#1565c0"
COMPONENT_COLOURS = {
    ComponentStatus.operational: GREEN,
    ComponentStatus.degraded_performance: YELLOW,
    ComponentStatus.partial_outage: ORANGE,
    ComponentStatus.major_outage: RED,
    ComponentStatus.under_maintenance: BLUE,
}
INDICATOR_COLOURS = {
    Indicator.none: GREEN,
    Indicator.minor: YELLOW,
    Indicator.major: ORANGE,
    Indicator.critical: RED,
    Indicator.maintenance: BLUE,
}

_NARROW = set("fijlrtI!.,:;'|()[] ")
_WIDE = set("mwMW@%")


def text_width(text: str) -> int:
    """The approximate width of ``text`` in Verdana 11px: ~7px a character, less or more for
    narrow and wide letters."""
    width = 0.0
    for char in text:
        if char in _NARROW:
            width += 4.0
        elif char in _WIDE:
            width += 10.5
        elif char.isupper() or char.isdigit():
            width += 7.5
        else:
            width += 6.8
    return round(width)


def _luminance(colour: str) -> float:
    """Relative luminance of a ``#rrggbb`` or ``#rgb`` colour (WCAG 2)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    full = _hex(colour)
    r, g, b = (int(full[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, other: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` or ``#rgb`` colours."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour(background: str) -> str:
    """White or near-black, whichever reads better on ``background``."""
    return max((LIGHT_TEXT, DARK_TEXT), key=lambda text: contrast(text, background))


def _hex(colour: str) -> str:
    """``#rgb`` as ``#rrggbb``."""
    return "#" + "".join(c * 2 for c in colour[1:]) if len(colour) == 4 else colour


def _text(parent: ET.Element, text: str, centre: float, width: int, fill: str) -> None:
    """A text with its drop shadow (shields' flat style), centred at ``centre``."""
    shadow = "#010101" if fill == LIGHT_TEXT else "#fff"
    attributes = {"x": f"{centre:g}", "textLength": str(width), "lengthAdjust": "spacingAndGlyphs"}
    shadow_attributes = {**attributes, "y": "15", "fill": shadow, "fill-opacity": ".3", "aria-hidden": "true"}
    ET.SubElement(parent, "text", shadow_attributes).text = text
    ET.SubElement(parent, "text", {**attributes, "y": "14", "fill": fill}).text = text


def badge_svg(label: str, message: str, colour: str, name: str) -> str:
    """A flat badge reading ``label`` | ``message`` on ``colour``; its accessible name is
    "``name``: ``message``"."""
    label_width, message_width = text_width(label), text_width(message)
    left, right = label_width + 2 * PADDING, message_width + 2 * PADDING
    total = left + right
    title = f"{name}: {message}"
    size = {"width": str(total), "height": str(HEIGHT)}
    svg = ET.Element(
        "svg",
        {"xmlns": SVG_NS, **size, "viewBox": f"0 0 {total} {HEIGHT}", "role": "img", "aria-label": title},
    )
    ET.SubElement(svg, "title").text = title
    gradient = ET.SubElement(svg, "linearGradient", {"id": "s", "x2": "0", "y2": "100%"})
    ET.SubElement(gradient, "stop", {"offset": "0", "stop-color": "#bbb", "stop-opacity": ".1"})
    ET.SubElement(gradient, "stop", {"offset": "1", "stop-opacity": ".1"})
    clip = ET.SubElement(svg, "clipPath", {"id": "r"})
    ET.SubElement(clip, "rect", {"width": str(total), "height": str(HEIGHT), "rx": "3", "fill": "#fff"})
    shapes = ET.SubElement(svg, "g", {"clip-path": "url(#r)"})
    ET.SubElement(shapes, "rect", {"width": str(left), "height": str(HEIGHT), "fill": LABEL_COLOUR})
    ET.SubElement(
        shapes, "rect", {"x": str(left), "width": str(right), "height": str(HEIGHT), "fill": colour}
    )
    ET.SubElement(shapes, "rect", {"width": str(total), "height": str(HEIGHT), "fill": "url(#s)"})
    font = {"font-family": FONT, "font-size": "11", "text-rendering": "geometricPrecision"}
    texts = ET.SubElement(svg, "g", {"text-anchor": "middle", **font})
    _text(texts, label, left / 2, label_width, text_colour(LABEL_COLOUR))
    _text(texts, message, left + right / 2, message_width, text_colour(colour))
    return ET.tostring(svg, encoding="unicode") + "\n"


def render_badges(ctx: RenderContext, snapshot: StatusSnapshot, plan: SitePlan, pages: StatusPages) -> None:
    """Add ``badges/overall.svg`` and a badge per component to ``plan``, among the status
    ``pages``."""
    label = ctx.labels("badge.label")
    indicator = snapshot.indicator
    overall = badge_svg(
        label,
        ctx.labels(f"status.indicator.{indicator.value}"),
        INDICATOR_COLOURS[indicator],
        ctx.project.site.product,
    )
    plan.add(pages.file("badges/overall.svg"), overall, Audience.public)
    for facts in snapshot.components:
        component = facts.component
        svg = badge_svg(
            label,
            ctx.labels(f"component.status.{facts.status.value}"),
            COMPONENT_COLOURS[facts.status],
            component.name,
        )
        plan.add(pages.file(f"badges/{component.id}.svg"), svg, Audience.public)
