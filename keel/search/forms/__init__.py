from keel.search.forms.search import SearchForm

__all__ = ["SearchForm"]
