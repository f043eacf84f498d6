"""The project as the handbook shows it: ids resolved to names, lists in reading order, links.

Templates get one ``HandbookView`` per page, so every fragment reads the same facts the same
way, and every link is relative to the page it lands on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from babel.numbers import format_decimal, format_percent
from babel.units import format_unit

from opsdocs.model.deployment import RollbackStrategy
from opsdocs.model.process import Phase
from opsdocs.model.roadmap import FeatureFlag, FlagState
from opsdocs.model.severities import Severity
from opsdocs.model.support import Channel
from opsdocs.model.team import Contact, OnCall, Person, Role, RoleGroup
from opsdocs.render import links
from opsdocs.render.context import RenderContext
from opsdocs.render.paths import HandbookPages

CALENDAR_PATH = HandbookPages.calendar
"""Where the maintenance cycle's calendar is written; fragments link to it."""

_UNITS = ((1440, "duration-day"), (60, "duration-hour"), (1, "duration-minute"))


@dataclass(frozen=True)
class ContactCard:
    """A contact with everything resolved: its role's name, and its person's address and phone
    when the contact has none of its own (so each is typed once, in team.yml)."""

    contact: Contact
    person: Person | None
    role: str
    email: str | None
    phone: str | None

    @property
    def name(self) -> str:
        return self.contact.name


@dataclass(frozen=True)
class EscalationStep:
    """One escalation level with its contacts resolved."""

    level: int
    after: timedelta
    contacts: list[ContactCard]
    note: str


class HandbookView:
    """What the handbook's templates read, for the page built from ``page_src``."""

    def __init__(self, ctx: RenderContext, page_src: str) -> None:
        self.ctx = ctx
        self.page_src = page_src
        self.project = ctx.project
        self.labels = ctx.labels
        self.dates = ctx.dates

    # --- links ------------------------------------------------------------------------------

    def link(self, to: str) -> str:
        """A relative link from this page to the page or file ``to``."""
        return self.ctx.link(self.page_src, to)

    @property
    def calendar_link(self) -> str:
        """The maintenance cycle's iCalendar file, from this page; '' on a site without the
        handbook part, which writes it."""
        return self.link(CALENDAR_PATH) if self.ctx.paths.handbook is not None else ""

    def site_href(self, target: str) -> str | None:
        """A link from data to ``target``, from this page (see ``opsdocs.render.links``); None
        for a page of a part this site does not have."""
        return links.site_href(target, self.link, self.ctx.paths.lacks)

    @staticmethod
    def mailto(email: str | None) -> str | None:
        """A ``mailto:`` link to ``email``."""
        return links.mailto(email)

    @staticmethod
    def tel(phone: str | None) -> str | None:
        """A ``tel:`` link to ``phone``; None when it is not only a phone number."""
        return links.tel(phone)

    def channel_href(self, channel: Channel) -> str | None:
        """Where a support channel's address leads, by the channel's kind."""
        return links.channel_href(channel.kind, channel.address, self.link, self.ctx.paths.lacks)

    # --- words and numbers ------------------------------------------------------------------

    def window(self, phase: Phase) -> str:
        """A phase's time window, e.g. ``0–15 min`` or ``1–4 h``."""
        return self.span(phase.starts_after, phase.ends_after)

    def span(self, start: timedelta, end: timedelta) -> str:
        """``start``–``end`` in the largest unit both are whole in (``15–60 min``, ``4–24 h``)."""
        first, last = (max(0, round(t.total_seconds() / 60)) for t in (start, end))
        for size, unit in _UNITS:
            if first % size == 0 and last % size == 0 and last >= size:
                locale = self.dates.locale
                number = format_decimal(first // size, locale=locale)
                return f"{number}–{format_unit(last // size, unit, length='short', locale=locale)}"
        return f"{self.dates.duration(start)} – {self.dates.duration(end)}"

    def percent(self, value: int) -> str:
        """A whole percentage in the site's language, e.g. ``20 %``."""
        return format_percent(value / 100, locale=self.dates.locale)

    def rollout(self, flag: FeatureFlag) -> str:
        """Share of users who get the flag: the rollout's percentage, all when on, none when off."""
        if flag.rollout_percent is not None:
            return self.percent(flag.rollout_percent)
        return self.percent(100 if flag.state == FlagState.on else 0)

    # --- ids to names -----------------------------------------------------------------------

    def role_name(self, role_id: str | None) -> str:
        """The name of the role ``role_id``; empty when the role is not on this site (an
        internal role on the public site: not even its id is shown)."""
        if not role_id:
            return ""
        role = self.project.team.roles_by_id.get(role_id)
        return role.name if role else ""

    def role_names(self, role_ids: list[str]) -> list[str]:
        """Names of several roles, in the given order."""
        return [name for name in map(self.role_name, role_ids) if name]

    def severity(self, severity_id: str | None) -> Severity | None:
        """The severity ``severity_id``, if there is one."""
        return self.project.severities.by_id.get(severity_id) if severity_id else None

    def card(self, contact: Contact) -> ContactCard:
        """``contact`` with its role, person, email and phone resolved."""
        person = self.project.team.people_by_id.get(contact.person) if contact.person else None
        if contact.role:
            role = self.role_name(contact.role)
        else:
            role = ", ".join(self.role_names(person.roles)) if person else ""
        return ContactCard(
            contact=contact,
            person=person,
            role=role,
            email=contact.email or (person.email if person else None),
            phone=contact.phone or (person.phone if person else None),
        )

    def card_for(self, contact_id: str) -> ContactCard | None:
        """The contact ``contact_id``, resolved; None when it is not on this site."""
        contact = self.project.contacts.by_id.get(contact_id)
        return self.card(contact) if contact else None

    # --- lists in reading order ---------------------------------------------------------------

    @property
    def severities(self) -> list[Severity]:
        """Severities, most severe first."""
        return sorted(self.project.severities.severities, key=lambda s: s.level)

    @property
    def contact_groups(self) -> list[tuple[str, list[ContactCard]]]:
        """Contacts under their ``group`` heading, groups in order of first appearance;
        contacts without a group come last, under ``''``."""
        groups: dict[str, list[ContactCard]] = {}
        for contact in self.project.contacts.contacts:
            groups.setdefault(contact.group.strip(), []).append(self.card(contact))
        ungrouped = groups.pop("", None)
        result = list(groups.items())
        if ungrouped:
            result.append(("", ungrouped))
        return result

    @property
    def escalation(self) -> list[EscalationStep]:
        """The escalation path, lowest level first."""
        levels = sorted(self.project.contacts.escalation, key=lambda lv: (lv.level, lv.after))
        return [
            EscalationStep(
                level=lv.level,
                after=lv.after,
                contacts=[c for c in (self.card_for(i) for i in lv.contacts) if c is not None],
                note=lv.note,
            )
            for lv in levels
        ]

    @property
    def on_call(self) -> tuple[OnCall, ContactCard | None] | None:
        """How on-call works, with the contact paged first resolved."""
        on_call = self.project.contacts.on_call
        return (on_call, self.card_for(on_call.contact)) if on_call else None

    @property
    def role_groups(self) -> list[tuple[RoleGroup | None, list[Role]]]:
        """Each role group with its roles; roles of no (known) group last, under None."""
        roles = self.project.team.roles
        groups = self.project.team.groups
        known = {g.id for g in groups}
        result: list[tuple[RoleGroup | None, list[Role]]] = [
            (g, [r for r in roles if r.group == g.id]) for g in groups
        ]
        loose = [r for r in roles if r.group not in known]
        if loose:
            result.append((None, loose))
        return result

    @property
    def rollback(self) -> list[RollbackStrategy]:
        """Rollback strategies, lightest level first."""
        return sorted(self.project.deployment.rollback, key=lambda r: r.level)

    @property
    def channels(self) -> list[Channel]:
        """Support channels on this site (the staff site has the internal ones too)."""
        return list(self.project.support.channels)
