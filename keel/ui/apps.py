from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "keel.ui"
    label = "ui"
