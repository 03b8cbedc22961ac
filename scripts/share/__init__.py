"""Sharing and being found: page metadata, share links, preview images, robots.txt."""
