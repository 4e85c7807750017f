"""The interface shell: base layout, navigation, components, static CSS and JS."""
