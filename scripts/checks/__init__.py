"""Checks that read the built site and the data: links, anchors, external links, privacy, publishing."""
