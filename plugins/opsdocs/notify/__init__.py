"""Telling subscribers what a build published: ``opsdocs notify``.

What was published is read from the status page's public API files only (``api/v2/``), which
the public site builds from the public view of the data, so nothing internal can be sent.
``publication`` reads a publication (a folder, or the live site over HTTP), ``events``
compares two of them, ``sentlog`` remembers what each channel has had, ``messages`` words an
event for a webhook (Statuspage's payload) or a person (Apprise), ``channels`` delivers it, and
``run`` ties them together.
"""
