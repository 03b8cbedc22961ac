"""The authors' text: its parts, the whole-text page, original note numbers, French spacing, paragraph numbers."""
