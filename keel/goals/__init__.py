"""The five-year vision: statement, core values, long-term goals and yearly milestones.

Milestones point at the seats they need (the future org chart) and, later, at KPIs.
"""
