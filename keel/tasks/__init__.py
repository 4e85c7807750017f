"""Tasks: projects, sections, tasks, comments, attachments, recurrence, progress, feeds.

A task's assignee is a member or a seat; a seat resolves to a person through
`keel.org.resolution.seat_assignee` at the moment of asking, never copied onto the task.
"""
