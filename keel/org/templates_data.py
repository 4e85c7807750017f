"""Starting structures a new workspace can apply: the e-commerce departments.

Names are lazy translations; `department_template_apply` turns them into text in the
workspace's language at creation, so a Chinese shop gets “市场” and keeps it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# (stable key, name, colour 1..8). Colours follow the list so the chart reads well at once;
# the key lets code (the demo) find a department whatever language it was named in.
ECOMMERCE_DEPARTMENTS = [
    ("management", _("Management"), 1),
    ("marketing", _("Marketing"), 2),
    ("sales", _("Sales"), 3),
    ("purchasing", _("Purchasing"), 4),
    ("operations", _("Operations/Logistics"), 5),
    ("service", _("Customer service"), 6),
    ("finance", _("Finance"), 7),
]
