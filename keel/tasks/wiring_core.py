"""Hooks this part of the tasks app registers at start-up."""


def connect() -> None:
    """Nothing to register yet."""
