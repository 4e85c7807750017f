"""Keel's overrides of Django's locale formats (settings.FORMAT_MODULE_PATH).

Django formats Chinese numbers without separators ("30000"). Chinese business software —
marketplaces' seller centres, banks, invoices — groups money by thousands with commas
("30,000"), so Keel does too. Dates and everything else stay Django's.
"""
