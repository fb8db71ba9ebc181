"""Use cases: every read and write of the app goes through here. Plain Python, never Qt.

One package per capability (core, access, fields, deals, setup, customers, analytics, documents,
importing); `container` builds them all once for the GUI and the CLI. This file imports nothing,
so importing one service never loads the others.
"""
