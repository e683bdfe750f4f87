#!/usr/bin/env bash
# Quick start, step one: install what is missing, build, print the request of
# the seed example ("Deleting a credential", API v6: credential 405, with the
# docs' example email and token), explain the docs' example response, then
# really delete credential 405 from the local API double on 127.0.0.1
# (no account, no network needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps
echo "## Building the library's programs in build/ (about a minute the first time)"
[ -d build ] || meson setup build >/dev/null
source tests/build_progress.sh
build_with_progress build build/

cli=build/examples/te-credentials
export TE_DEMO_TOKEN=g351mw5xqhvkmh1vq6zfm51c62wyzib2  # the docs' example token
seed=(request --id 405 --basic-user noreply@thousandeyes.com --token-env TE_DEMO_TOKEN)

echo "## The seed example's request head, as it would be sent (Authorization redacted):"
"$cli" "${seed[@]}"
echo "## The same request as a curl command:"
"$cli" "${seed[@]}" --curl
echo "## The same request as API v7 (a Bearer token), for review:"
"$cli" request --api v7 --id 405 --bearer-token-env TE_DEMO_TOKEN --review
echo "## The docs' example response, explained (status, rate limit, decision):"
"$cli" explain-response tests/data/seed-response.http
echo "## The same response as a 429, as one JSON object: retry when the window resets:"
sed 's/^HTTP\/1.1 204 No Content/HTTP\/1.1 429 Too Many Requests/' tests/data/seed-response.http |
    "$cli" explain-response --json

echo "## A real deletion: te-credentials delete against the API double on 127.0.0.1"
dir=$(mktemp -d)
build/te-api-double --port-file "$dir/port" --ids 405 \
    --basic-user noreply@thousandeyes.com --basic-token-env TE_DEMO_TOKEN >/dev/null &
double=$!
trap 'kill $double 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do [ -s "$dir/port" ] && break; sleep 0.05; done
base="http://127.0.0.1:$(cat "$dir/port")"
echo "(the double holds credential 405; it answers on $base)"
"$cli" delete --id 405 --base-url "$base" --allow-insecure-http \
    --basic-user noreply@thousandeyes.com --token-env TE_DEMO_TOKEN --verbose
echo "## Again: it is gone, so the API answers 404 and the command fails (exit 1):"
status=0
"$cli" delete --id 405 --base-url "$base" --allow-insecure-http \
    --basic-user noreply@thousandeyes.com --token-env TE_DEMO_TOKEN || status=$?
echo "(exit status $status)"
[ "$status" -eq 1 ]
echo "## Done: credential 405 was deleted by a real HTTP request to the API double."
