"""/<ws>/search/…: the results page and the shell box's dropdown."""

from django.urls import path

from keel.search.views import search as views

urlpatterns = [
    path("", views.search_page, name="search"),
    path("suggest/", views.search_suggest, name="search_suggest"),
]
