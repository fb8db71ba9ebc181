#!/usr/bin/env bash
# macOS: the .app (PyInstaller's BUNDLE in packaging/dealdesk.spec) in a .dmg with a link to
# /Applications. Run on a Mac after `make bundle` (the workflow .github/workflows/packages.yml does).
# Not signed or notarized: Gatekeeper asks once (right-click › Open) until a Developer ID is set up.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
app="dist/Dealdesk.app"
test -d "$app" || { echo "$app is missing: run make bundle on macOS first" >&2; exit 1; }
stage=$(mktemp -d)
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "Dealdesk $version" -srcfolder "$stage" -ov -format UDZO "dist/dealdesk-$version-macos.dmg"
rm -rf "$stage"
echo "dist/dealdesk-$version-macos.dmg"
