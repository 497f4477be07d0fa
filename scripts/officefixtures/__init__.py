"""The Word and Excel fixtures of fixtures/office/: consistent figures, printed tables, and their renderings.

``figures`` holds the disclosures' figures and derives every printed table from
them, so that the identities hold by construction; ``word`` and ``excel`` print
those tables with the quirks real files have; ``broken`` makes the files that
must be refused. ``scripts/make_office_fixtures.py`` runs them all.
"""
