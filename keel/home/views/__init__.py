"""Pages of home: the workspace front page (views/home.py)."""
