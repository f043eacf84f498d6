"""Where the tests find things: the repository (the example project), the small fixture
projects, and the schemas outputs are read back with. Every shelf of tests imports them from
here, so a test file can move between shelves without its paths changing."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
MINIMAL = FIXTURES / "minimal"
STATUSPAGE_SCHEMA = TESTS / "schemas" / "statuspage-v2.schema.json"
WEBHOOK_SCHEMA = TESTS / "schemas" / "statuspage-webhook.schema.json"
