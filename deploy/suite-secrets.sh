#!/usr/bin/env bash
# The suite's secrets for npm start: strong random values made on the first start, kept in a git-ignored file
# only its owner reads, and reused on every later start. A variable already set in the environment wins.
#   source deploy/suite-secrets.sh && load_suite_secrets .run/secrets.env   # exports them (start-suite.sh)
#   bash deploy/suite-secrets.sh .run/secrets.env                          # prints NAME=value lines (tests)

# Every secret a service or partner-sim reads; partner-sim and the adapters share the partner keys.
SUITE_SECRET_NAMES=(JWT_SECRET INTERNAL_API_TOKEN AGGREGATOR_API_KEY AGGREGATOR_CALLBACK_SECRET BANK_API_KEY DEMO_PASSWORD)

random_secret() {
  # 32 bytes from the kernel, as 64 hex characters.
  od -An -tx1 -N32 /dev/urandom | tr -d ' \n'
}

# Makes the file (mode 0600 from the start: the umask is set before it exists) and any secret it lacks.
ensure_suite_secrets() {
  local file=$1 name
  mkdir -p "$(dirname "$file")"
  (umask 077 && touch "$file")
  chmod 600 "$file"
  for name in "${SUITE_SECRET_NAMES[@]}"; do
    grep -q "^$name=" "$file" || echo "$name=$(random_secret)" >> "$file"
  done
}

load_suite_secrets() {
  local file=$1 name
  ensure_suite_secrets "$file"
  for name in "${SUITE_SECRET_NAMES[@]}"; do
    [ -n "${!name:-}" ] || export "$name=$(sed -n "s/^$name=//p" "$file" | head -n 1)"
  done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  [ $# -eq 1 ] || { echo "usage: suite-secrets.sh <file>" >&2; exit 2; }
  load_suite_secrets "$1"
  for name in "${SUITE_SECRET_NAMES[@]}"; do echo "$name=${!name}"; done
fi
