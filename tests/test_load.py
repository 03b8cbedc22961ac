"""The strict YAML reading of data/ and the interface strings: what YAML allows but a reviewer would not
see (aliases, merge keys, duplicate keys, tags) is refused with file, line and fix, quickly; a file that
is not UTF-8 or is a symbolic link is refused, never followed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.core.load import DataError, load_checked
from scripts.signatories.records import signatories

# A few hundred bytes that YAML expands to 9**7 strings (minutes and gigabytes): refused at its first anchor,
# before anything is built.
ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['x'] * 9)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f"], "abcdefg", strict=True)
)

REFUSED = [
    (ALIAS_BOMB, 1, "anchor"),
    ("name: x\nname: y\n", 2, "the key `name` a second time"),
    ("base: {city: Namur}\n<<: {city: Liège}\n", 2, "merge key"),
    ("name: !!python/object/apply:os.system [id]\n", 1, "a tag"),
    ("name: x\n---\nname: y\n", 2, "a second document"),
    ("a:\n  - {k: 1, k: 2}\n", 2, "the key `k` a second time"),
]


@pytest.mark.parametrize(("text", "line", "said"), REFUSED, ids=["bomb", "duplicate", "merge", "tag", "doc", "nested"])
def test_what_yaml_hides_is_refused_with_file_line_and_fix(tmp_path: Path, text: str, line: int, said: str) -> None:
    path = tmp_path / "manifesto.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_checked(path, "manifesto")
    message = str(refused.value)
    assert f"manifesto.yml:{line}: holds" in message and said in message and "Fix:" in message


def test_a_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "manifesto.yml"
    path.write_bytes("title: ok\ncity: Li\xe8ge\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"manifesto.yml:2: byte 0xE8 is not UTF-8\. Fix: save the file as UTF-8"):
        load_checked(path, "manifesto")


def test_a_symbolic_link_is_refused_and_its_target_never_shown(tmp_path: Path) -> None:
    secret = tmp_path / "outside.txt"
    secret.write_text("root:x:0:0:SECRET\n", encoding="utf-8")
    folder = tmp_path / "signatories"
    folder.mkdir()
    os.symlink(secret, folder / "le-maillon.yml")
    with pytest.raises(DataError) as refused:
        signatories(folder)
    assert "le-maillon.yml:1: is a symbolic link" in str(refused.value) and "SECRET" not in str(refused.value)
    os.symlink(secret, tmp_path / "manifesto.yml")
    with pytest.raises(DataError, match="symbolic link"):
        load_checked(tmp_path / "manifesto.yml", "manifesto")


@pytest.mark.parametrize("name", ["other.YML", "x.yml~", "notes.txt", ".le-maillon.yml.swp", "sub"])
def test_every_file_of_the_signatories_folder_is_read_or_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / "README.md").write_text("# the folder's README is allowed\n", encoding="utf-8")
    if name == "sub":
        (tmp_path / name).mkdir()
    else:
        (tmp_path / name).write_text("name: x\n", encoding="utf-8")
    with pytest.raises(DataError, match=f"{name}:1: is not a"):
        signatories(tmp_path)
