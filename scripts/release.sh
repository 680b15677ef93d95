#!/usr/bin/env bash
# Tags a release and moves the major tag: scripts/release.sh 1.2.3
# Run on a clean main whose dist/ is fresh (check-dist passes); it pushes the two tags only.
set -euo pipefail
version=${1:?usage: scripts/release.sh X.Y.Z}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "not a version: $version" >&2; exit 1; }
[ -z "$(git status --porcelain)" ] || { echo "the work tree is not clean" >&2; exit 1; }
grep -q "\"version\": \"$version\"" package.json || { echo "package.json is not at $version" >&2; exit 1; }
major="v${version%%.*}"
git tag -a "v$version" -m "v$version"
git tag -fa "$major" -m "$major → v$version"
git push origin "v$version"
# Moving the major tag is a tag update by nature; no branch is ever forced.
git push --force origin "refs/tags/$major"
