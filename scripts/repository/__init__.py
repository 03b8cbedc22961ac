"""The GitHub repository around the site: the labels its forms and workflows apply, the release's tag."""
