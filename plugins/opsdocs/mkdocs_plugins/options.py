"""Every option of the opsdocs plugins, typed, and the one reading of them into a ``SiteSpec``.

The plugins declare these schemas; ``opsdocs generate`` validates a configuration's options
with the same schemas and reads them with the same ``site_spec``, so both adapters describe
the same site from the same file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from opsdocs.derive.status import StatusOptions
from opsdocs.derive.uptime import UptimePolicy
from opsdocs.render.spec import (
    PARTS,
    STALE_AFTER_MINUTES,
    ApiLanguage,
    PartOptions,
    SiteSpec,
    StatusRendering,
)


class ShareOfDowntime(BaseConfigOption[float]):
    """A share of an interval counted as downtime: a number from 0 to 1."""

    def __init__(self, default: float) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise ValidationError(f"a share of downtime is a number from 0 to 1 (0.3: 30%), not {value!r}")
        return float(value)


class PositiveInt(BaseConfigOption[int]):
    """A whole number, 1 or more."""

    def __init__(self, default: int, unit: str) -> None:
        super().__init__()
        self.default = default
        self.unit = unit

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(f"a whole number of {self.unit}, 1 or more, not {value!r}")
        return value


class LabelMap(BaseConfigOption[dict[str, str]]):
    """Labels by key: a mapping of texts."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, str] = {}

    def run_validation(self, value: object) -> dict[str, str]:
        if not isinstance(value, dict):
            raise ValidationError(f"labels are a mapping of label keys to texts, not {type(value).__name__}")
        for key, text in value.items():
            if not isinstance(key, str) or not isinstance(text, str):
                raise ValidationError(f"label {key!r}: a label is a text, not {type(text).__name__}")
        return dict(value)


class ProjectSettings(Config):
    """Options of the ``opsdocs`` plugin, shared by every ``opsdocs/*`` plugin."""

    audience = c.Choice(("staff", "public"), default="staff")
    data_dir = c.Type(str, default="data")
    runbooks_dir = c.Type(str, default="runbooks")
    docs_dir = c.Optional(c.Type(str))
    """The project's hand-written pages, which data links to; defaults to MkDocs' ``docs_dir``."""
    labels = LabelMap()


class FeatureConfig(Config):
    """Options every feature plugin has."""

    enabled = c.Type(bool, default=True)


class StatusConfig(FeatureConfig):
    """Options of the ``opsdocs/status`` plugin."""

    standalone = c.Type(bool, default=False)
    """Put the status page at the site's root, for a status site hosted on its own."""
    history_days = PositiveInt(90, "days")
    partial_outage_weight = ShareOfDowntime(0.3)
    stale_after_minutes = PositiveInt(STALE_AFTER_MINUTES, "minutes")
    """The page's script warns visitors once the data it shows is older than this."""
    search_history = c.Type(bool, default=False)
    """Put incident, maintenance and history pages in the search index (off: a lighter first visit)."""
    api_language = c.Choice(tuple(ApiLanguage), default=ApiLanguage.statuspage.value)
    """``statuspage``: the API's fixed texts in Statuspage's English; ``site``: in the site's language."""
    checks_history = c.Type(str, default="")
    """The folder of ``opsdocs probe``'s history, relative to the project; '' for none."""


class HandbookConfig(FeatureConfig):
    """Options of the ``opsdocs/handbook`` plugin."""

    partial_outage_weight = ShareOfDowntime(0.3)
    """Share of a partial outage counted as downtime in the reliability report's uptime."""


SCHEMAS: Mapping[str, type[FeatureConfig]] = {
    part: {"status": StatusConfig, "handbook": HandbookConfig}.get(part, FeatureConfig) for part in PARTS
}
"""Each part's plugin options, by part."""


def validated(schema: type[Config], values: Mapping[str, Any], where: str) -> Config:
    """``values`` read by ``schema``, defaults filled in; a bad value is a ``ValueError`` naming
    ``where`` (the file and plugin) and the option. Options the schema does not know are left
    to MkDocs, which warns about them."""
    options = schema()
    options.load_dict(dict(values))
    failed, _ = options.validate()
    for key, error in failed:
        raise ValueError(f"{where}: {key}: {error}")
    return options


def site_spec(
    settings: ProjectSettings,
    features: Mapping[str, Config],
    *,
    language: str,
    site_url: str,
    directory_urls: bool,
    pages_dir: str,
    custom_dir: Path | None,
) -> SiteSpec:
    """The site a configuration describes: ``settings`` are the ``opsdocs`` plugin's options,
    ``features`` the validated options of each part's plugin that is listed, by part; the rest
    are MkDocs settings (the theme's language and ``custom_dir``)."""
    parts = frozenset(part for part, options in features.items() if options.enabled)
    status = features.get("status") or validated(StatusConfig, {}, "")
    handbook = features.get("handbook") or validated(HandbookConfig, {}, "")
    options = PartOptions(
        status=StatusOptions(
            history_days=status.history_days,
            policy=UptimePolicy(partial_outage_weight=status.partial_outage_weight),
        ),
        status_rendering=StatusRendering(
            search_history=status.search_history,
            api_language=ApiLanguage(status.api_language),
            stale_after_minutes=status.stale_after_minutes,
        ),
        reliability=UptimePolicy(partial_outage_weight=handbook.partial_outage_weight),
        checks_history=status.checks_history,
    )
    overrides = custom_dir / "opsdocs" if custom_dir is not None else None
    return SiteSpec(
        public=settings.audience == "public",
        parts=parts,
        standalone_status="status" in parts and bool(status.standalone),
        options=options,
        language=language,
        site_url=site_url,
        directory_urls=directory_urls,
        labels=dict(settings.labels),
        pages_dir=pages_dir,
        template_overrides=overrides if overrides is not None and overrides.is_dir() else None,
    )
