"""What the templates get and how pages are written out: context, home screen, menu, compact output, CSS."""
