"""Compiled templates shared by the languages' builds of one process.

mkdocs-static-i18n builds each language with a fresh Jinja environment, which compiles every
template of the theme again (a third of the site's own build time). Jinja's bytecode cache keys each
template by its name and a checksum of its source, so an edited template is compiled afresh
(`mkdocs serve`); nothing is written to disk.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


SHARED = MemoryBytecodeCache()
