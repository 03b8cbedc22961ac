"""The changes of the text and its editions: records, the changes page, the Atom feeds."""
