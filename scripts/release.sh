#!/usr/bin/env bash
# Releases the action: scripts/release.sh [--check] X.Y.Z (run by .github/workflows/release.yml).
# Checks that package.json is at X.Y.Z, that CHANGELOG.md has a released "## X.Y.Z" section and that dist/
# equals a fresh bundle of a clean tree; then tags vX.Y.Z (or finds that tag on this commit), publishes the
# GitHub release with that section as its notes (gh, with GH_TOKEN) and moves the major tag vX to it when it is
# the newest vX release. It pushes tags only, never a branch. --check stops after the checks and prints the notes.
set -euo pipefail
cd "$(dirname "$0")/.."

check_only=false
if [ "${1:-}" = --check ]; then
  check_only=true
  shift
fi
fail() {
  echo "release: $*" >&2
  exit 1
}
version=${1:-}
version=${version#v}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "not a version: '${1:-}' (expected X.Y.Z, e.g. 1.2.3)"
tag="v$version"
major="v${version%%.*}"

package_version=$(node -p 'require("./package.json").version')
[ "$package_version" = "$version" ] || fail "package.json is at $package_version, not $version: bump it first"

# The section under "## X.Y.Z" (or "## X.Y.Z (YYYY-MM-DD)"), up to the next "## ".
heading=$(grep -E "^## ${version//./\\.}( |$)" CHANGELOG.md || true)
[ -n "$heading" ] || fail "CHANGELOG.md has no \"## $version\" section"
if grep -qi unreleased <<<"$heading"; then fail "CHANGELOG.md still calls $version unreleased: '$heading'"; fi
notes=$(awk -v heading="$heading" '
  $0 == heading { inside = 1; next }
  inside && /^## / { exit }
  inside && !started && /^[[:space:]]*$/ { next }
  inside { started = 1; print }
' CHANGELOG.md)
[ -n "${notes//[[:space:]]/}" ] || fail "the \"$heading\" section of CHANGELOG.md is empty"

[ -z "$(git status --porcelain)" ] || fail "the work tree is not clean"
npm run bundle >/dev/null || fail "npm run bundle failed"
if [ -n "$(git status --porcelain -- dist)" ]; then
  git status --short -- dist >&2
  fail "dist/ differs from a fresh bundle: run npm run bundle and commit dist/"
fi

if $check_only; then
  echo "$tag is ready to release; its notes:"
  echo "$notes"
  exit 0
fi

head=$(git rev-parse HEAD)
git fetch --quiet origin "refs/tags/$tag:refs/tags/$tag" 2>/dev/null || true # a shallow checkout may lack it
if git rev-parse --quiet --verify "refs/tags/$tag" >/dev/null; then
  [ "$(git rev-parse "$tag^{commit}")" = "$head" ] || fail "$tag already exists on another commit"
else
  git tag -a "$tag" -m "$tag"
  git push origin "refs/tags/$tag"
fi
if gh release view "$tag" >/dev/null 2>&1; then
  echo "The release $tag exists already."
else
  gh release create "$tag" --verify-tag --title "$tag" --notes-file - <<<"$notes"
fi

git fetch --quiet --force origin "refs/tags/$major.*:refs/tags/$major.*"
newest=$(git tag --list "$major.*.*" | sort -V | tail -n 1)
if [ "$newest" = "$tag" ]; then
  git tag -f "$major" "$tag^{commit}"
  # Moving a major tag is what it is for; no branch is ever forced.
  git push --force origin "refs/tags/$major"
  echo "$major now points at $tag."
else
  echo "$major stays where it is: $newest is newer than $tag."
fi
