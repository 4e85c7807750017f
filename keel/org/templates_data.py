"""Starting structures a new workspace can apply: the e-commerce departments.

Names are lazy translations; `department_template_apply` turns them into text in the
workspace's language at creation, so a Chinese shop gets “市场” and keeps it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# (name, colour 1..8). Colours follow the list so the chart is readable from the first day.
ECOMMERCE_DEPARTMENTS = [
    (_("Management"), 1),
    (_("Marketing"), 2),
    (_("Sales"), 3),
    (_("Purchasing"), 4),
    (_("Operations/Logistics"), 5),
    (_("Customer service"), 6),
    (_("Finance"), 7),
]
