#!/bin/sh
# Runs the workspace's pinned pnpm without installing anything globally.
if [ -x node_modules/.bin/pnpm ]; then exec node_modules/.bin/pnpm "$@"; fi
exec npx --yes pnpm@10.34.9 "$@"
