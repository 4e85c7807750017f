"""The org chart: departments (functions), seats (positions) and who holds them, today and planned.

Seats own work across Keel; `keel.org.resolution.seat_assignee` answers "who does this now".
"""
