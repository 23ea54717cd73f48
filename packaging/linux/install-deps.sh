#!/usr/bin/env bash
# Installs every Debian package that packaging/linux/debian-deps.txt lists for the given kinds
# (default: build run test). Idempotent: packages already present are skipped by apt itself,
# and 'apt-get update' runs only when a package is missing. Needs root (or sudo).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
list="$here/debian-deps.txt"
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(build run test)

wanted=()
while read -r name kind _; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  for k in "${kinds[@]}"; do
    [[ "$kind" == "$k" ]] && wanted+=("$name")
  done
done <"$list"

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#wanted[@]} packages present"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
