#!/usr/bin/env bash
# The counter app's API types, generated from the gateway's OpenAPI document (needs `npm run build` first).
#   write: regenerate apps/counter-web/src/api/openapi.d.ts
#   check: fail when the checked-in types differ from what the gateway describes now
set -euo pipefail
cd "$(dirname "$0")/../../.."
mode=${1:?usage: api-types.sh write|check}
checked_in=apps/counter-web/src/api/openapi.d.ts
mkdir -p .run
node dist/apps/gateway/src/openapi/write-openapi-document.js .run/openapi.json
npx --no-install openapi-typescript .run/openapi.json --output .run/openapi.d.ts >/dev/null
case "$mode" in
  write) cp .run/openapi.d.ts "$checked_in"; echo "api-types: wrote $checked_in" ;;
  check)
    if ! diff -u "$checked_in" .run/openapi.d.ts >.run/openapi-types.diff; then
      echo "api-types: $checked_in is out of date with the gateway's OpenAPI document; run npm run web:api-types" >&2
      head -n 40 .run/openapi-types.diff >&2
      exit 1
    fi
    echo "api-types: up to date" ;;
  *) echo "usage: api-types.sh write|check" >&2; exit 2 ;;
esac
