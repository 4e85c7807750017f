"""The KPI demo content in other languages (keel/kpis/demo.py has the English)."""
