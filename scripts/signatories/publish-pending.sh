#!/usr/bin/env bash
# The `publish` job of .github/workflows/signatures.yml: answer on the issue, or add the checked record
# to the one pull request of pending signatures. Kept here, out of the workflow, so that a test can replay
# a peak of approvals against a local bare repository (tests/test_signatures_publish.py).
#
#   publish-pending.sh OUT
#
# OUT holds what the read-only job wrote: status (the tool's exit status), result.txt (its message),
# path (the record's path), record.yml. Environment: ACTION (labeled or edited), ISSUE_NUMBER, REMOTE
# (the repository to push to), LABELS (the issue's labels, for its lang-xx), BRANCH (default
# signatures/pending), BASE (default main); `gh` answers.
# Only the record's file is ever written; nothing of the issue's text reaches this shell but through files.
set -euo pipefail

out="$1"
branch="${BRANCH:-signatures/pending}"
base="${BASE:-main}"

# A fence longer than any run of backticks in the file: what it holds can never close it. Read and
# matched by the shell itself: the pull request's body fences every pending record at each approval.
fence() {
  local text ticks='```'
  text="$(< "$1")"
  while [[ $text == *"$ticks"* ]]; do ticks="$ticks\`"; done
  printf '%s%s\n%s\n%s\n' "$ticks" "${2:-}" "$text" "$ticks"
}

if [ "$(cat "$out/status")" != 0 ]; then
  { echo "This issue cannot become a signature as it is:"; echo; fence "$out/result.txt" text; } > "$out/comment.md"
  gh issue comment "$ISSUE_NUMBER" --body-file "$out/comment.md"
  exit 0
fi
if [ "$ACTION" = edited ]; then
  for label in signature-verified-reply signature-verified-phone signature-verified-website; do
    gh issue edit "$ISSUE_NUMBER" --remove-label "$label" || true
  done
  { echo "The issue was edited; any approval was removed. The record as it would now be published:"; echo; fence "$out/record.yml" yaml; } > "$out/comment.md"
  gh issue comment "$ISSUE_NUMBER" --body-file "$out/comment.md"
  exit 0
fi

path="$(cat "$out/path")"
# Only a signatory's file, named by an id, is ever written.
printf '%s\n' "$path" | grep -Eqx 'data/signatories/[a-z0-9]+(-[a-z0-9]+)*\.yml' || { echo "::error::not a signatory's file: $path"; exit 1; }
# A file of main that changes is a listed organisation correcting its entry (signatories add --correct).
git fetch --quiet "$REMOTE" "+refs/heads/$base:refs/remotes/pending-base/$base"
main="refs/remotes/pending-base/$base"
if git cat-file -e "$main:$path" 2>/dev/null; then what=Correction; else what="New signatory"; fi
# The message names the issue, the entry and the issue's language: after deployment, the deploy
# workflow answers on the issue with the entry's address (python -m scripts signatories published).
ident="$(basename "$path" .yml)"
lang="$(printf '%s\n' "${LABELS:-}" | tr ' ' '\n' | sed -n 's/^lang-\([a-z][a-z]*\)$/\1/p' | head -n 1)"
message="$what from issue #$ISSUE_NUMBER ($ident${lang:+, $lang})"

# One file per organisation: two approvals never touch the same file, so a retry after a concurrent
# push only has to start again from the branch's new head. A branch with nothing left to merge (merged,
# squashed or rebased) starts again from main; every push is refused if the branch moved since it was
# read (--force-with-lease), so no approval ever replaces another's commit.
for attempt in 1 2 3 4 5; do
  if git fetch --quiet "$REMOTE" "refs/heads/$branch" 2>/dev/null; then tip="$(git rev-parse FETCH_HEAD)"; else tip=""; fi
  if [ -n "$tip" ] && ! git merge-base --is-ancestor "$tip" "$main" && ! git diff --quiet "$main" "$tip" -- data/signatories; then
    git switch --quiet -C "$branch" "$tip"
  else
    git switch --quiet -C "$branch" "$main"
  fi
  # Pending on the branch for another issue (changed there from main, and not to this record): refuse.
  if ! git diff --quiet "$main" HEAD -- "$path" && ! cmp -s "$out/record.yml" "$path"; then
    echo "::error::$path is already pending for another issue: merge or close that pull request first."
    exit 1
  fi
  mkdir -p "$(dirname "$path")"
  cp "$out/record.yml" "$path"
  git add "$path"
  git diff --cached --quiet || git commit --quiet -m "$message"
  if git push --quiet --force-with-lease="refs/heads/$branch:$tip" "$REMOTE" "HEAD:refs/heads/$branch"; then break; fi
  [ "$attempt" = 5 ] && exit 1
done

{ echo "Signatures, each verified in its issue. Merging this pull request publishes them exactly as shown:"; echo
  git diff --name-only "$main...HEAD" -- data/signatories | while read -r file; do
    echo "- \`$file\`"; echo; fence "$file"; echo
  done
  git log --format=%s "$main..HEAD" | sed -n 's/^\(New signatory\|Correction\) from issue \(#[0-9]*\) (.*)$/Closes \2/p' | sort -u
} > "$out/body.md"
# Another approval may have opened it meanwhile: then edit it.
if ! gh pr view "$branch" --json state --jq .state 2>/dev/null | grep -qx OPEN; then
  gh pr create --head "$branch" --base "$base" --title "Signatures" --body-file "$out/body.md" ||
    gh pr edit "$branch" --body-file "$out/body.md"
else
  gh pr edit "$branch" --body-file "$out/body.md"
fi
gh workflow run ci.yml --ref "$branch"
{ echo "Verified. The record below is in the pull request of pending signatures; it is published when that is merged:"; echo; fence "$out/record.yml" yaml; } > "$out/comment.md"
gh issue comment "$ISSUE_NUMBER" --body-file "$out/comment.md"
