"""The repository's commands: labels (what setup.yml creates), release-tag (a tag names this edition)."""

from __future__ import annotations

import sys

from scripts.core.commands import command, parser


@command("labels", "the labels the issue forms and workflows apply, one a line, tab-separated")
def labels(argv: list[str]) -> int:
    """Exit 0 with the labels printed; 2 when data/labels.yml cannot be read."""
    parser(
        "labels",
        "The labels of data/labels.yml (one per language where it says {lang}): name, colour and description, "
        "tab-separated, one a line, as .github/workflows/setup.yml reads them.",
        epilog="Exit 0: printed; 2: data/labels.yml cannot be read.",
    ).parse_args(argv)
    from scripts.core.load import DataError
    from scripts.repository.labels import as_tsv
    from scripts.repository.labels import labels as every_label

    try:
        print(as_tsv(every_label()), end="")
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


@command("release-tag", "check that a release tag names this edition: v + edition.version (exit 1 if not)")
def release_tag(argv: list[str]) -> int:
    """Exit 0 when TAG is `v` followed by edition.version of data/manifesto.yml; 1 when it differs."""
    arguments = parser(
        "release-tag",
        "Check that a release tag names the edition being released (data/manifesto.yml edition.version).",
        epilog="Exit 0: the tag is v<edition.version>; 1: it is not (nothing is released); 2: unreadable data.",
    )
    arguments.add_argument("tag", metavar="TAG", help="the tag pushed, e.g. v1.0")
    args = arguments.parse_args(argv)
    from scripts.core.load import DataError
    from scripts.core.manifesto import manifesto

    try:
        version = manifesto()["edition"]["version"]
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    if args.tag == f"v{version}":
        print(f"{args.tag} names edition {version}.")
        return 0
    print(
        f"tag {args.tag} does not name this edition: data/manifesto.yml says edition.version {version!r}. "
        f"Fix: delete the tag (git tag -d {args.tag} && git push origin :refs/tags/{args.tag}) and tag v{version}; "
        "or, for a new edition, raise edition.version first (HANDBOOK.md, Making a release).",
        file=sys.stderr,
    )
    return 1
