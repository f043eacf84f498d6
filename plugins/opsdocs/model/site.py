"""The site: product, organisation, time zone, public address, language (``data/site.yml``)."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, HttpUrl, field_validator

from opsdocs.model.base import Day, SpelledRecord


class Site(SpelledRecord):
    """Facts about the product the sites describe."""

    product: str = Field(description="Product name, shown in titles and the status banner.")
    organisation: str = Field(description="Organisation that runs the product.")
    timezone: str = Field(description="IANA time zone for times written without an offset.")
    url: HttpUrl = Field(description="Public address of the public site.")
    language: str = Field("en", description="Language of the data's text (en, es).")
    description: str = ""
    repository_url: HttpUrl | None = Field(
        None, description="Web address of this repository, for 'edit this data' links."
    )
    edit_uri: str = Field("edit/main/", description="Path from repository_url to edit a file.")
    tracking_start: Day | None = Field(
        None, description="First day of status history; components may start later."
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not an IANA time zone (e.g. America/Santiago)") from None
        return value

    @property
    def zone(self) -> ZoneInfo:
        """The site's time zone."""
        return ZoneInfo(self.timezone)
