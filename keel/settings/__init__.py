"""Settings: base.py reads everything from the environment; test.py and production.py adjust."""
