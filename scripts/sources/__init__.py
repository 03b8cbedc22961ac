"""The works the text cites: the registry (data/sources.yml) and the sources page."""
