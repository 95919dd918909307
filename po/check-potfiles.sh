#!/usr/bin/env bash
# check-potfiles.sh: keep po/POTFILES.in in step with the sources
#
# Copyright 2026 The Trellis developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: po/check-potfiles.sh [SOURCE_ROOT]
#
# Fails when a file under src/ (or ui/) that marks strings for translation
# (_("…"), N_("…"), C_("…"), NC_("…") or translatable="yes") is missing from
# po/POTFILES.in, or when POTFILES.in lists a file that does not exist.
# Files whose strings must not be translated can be listed in po/POTFILES.skip.

set -euo pipefail

root=${1:-$(dirname "$0")/..}
cd "$root"

potfiles=po/POTFILES.in
skipfiles=po/POTFILES.skip

if [[ ! -f $potfiles ]]; then
  echo "check-potfiles: $potfiles not found in $(pwd)" >&2
  exit 1
fi

# Entries of a POTFILES-style file: no comments, no blank lines, no "[type: …]" prefix.
entries ()
{
  [[ -f $1 ]] || return 0
  sed -e 's/#.*//' -e 's/^\[[^]]*\][[:space:]]*//' -e 's/[[:space:]]*$//' "$1" | grep -v '^$' || true
}

status=0

listed=$(entries "$potfiles")
skipped=$(entries "$skipfiles")

# 1. Every listed file exists.
while IFS= read -r f; do
  [[ -z $f ]] && continue
  if [[ ! -f $f ]]; then
    echo "check-potfiles: $potfiles lists $f, which does not exist" >&2
    status=1
  fi
done <<< "$listed"

# 2. Every file with translatable strings is listed (or skipped).
dirs=()
for d in src ui; do
  [[ -d $d ]] && dirs+=("$d")
done

if (( ${#dirs[@]} > 0 )); then
  candidates=$(grep -rlE --include='*.c' --include='*.h' --include='*.ui' --include='*.xml' \
                 '(^|[^A-Za-z0-9_])(N|C|NC)?_ ?\( *"|translatable="yes"' "${dirs[@]}" | LC_ALL=C sort || true)
  while IFS= read -r f; do
    [[ -z $f ]] && continue
    if ! grep -qxF -- "$f" <<< "$listed" && ! grep -qxF -- "$f" <<< "$skipped"; then
      echo "check-potfiles: $f has translatable strings but is not in $potfiles" >&2
      status=1
    fi
  done <<< "$candidates"
fi

if (( status == 0 )); then
  echo "check-potfiles: $potfiles is complete"
fi
exit $status
