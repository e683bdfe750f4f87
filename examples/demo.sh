#!/usr/bin/env bash
# Quick start, step one: install what is missing, build, and print the
# request of the seed example ("Deleting a credential", API v6): credential
# 405, with the docs' example email and token.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps
[ -d build ] || meson setup build >/dev/null
meson compile -C build >/dev/null

cli=build/examples/te-credentials
export TE_DEMO_TOKEN=g351mw5xqhvkmh1vq6zfm51c62wyzib2  # the docs' example token
seed=(request --id 405 --basic-user noreply@thousandeyes.com --token-env TE_DEMO_TOKEN)

echo "## The seed example's request head, as it would be sent (Authorization redacted):"
"$cli" "${seed[@]}"
echo "## The same request as a curl command:"
"$cli" "${seed[@]}" --curl
echo "## The same request as API v7 (a Bearer token), for review:"
"$cli" request --api v7 --id 405 --bearer-token-env TE_DEMO_TOKEN --review
