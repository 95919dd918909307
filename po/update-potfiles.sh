#!/usr/bin/env bash
# update-potfiles.sh: rewrite po/POTFILES.in from the files git tracks
#
# Copyright 2026 The Trellis developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Lists the data files and every tracked source under src/ that marks
# strings for translation; po/check-potfiles.sh (a test) checks the result.
set -euo pipefail
cd "$(dirname "$0")/.."

{
  echo "# Files with translatable strings; regenerate with po/update-potfiles.sh"
  {
    ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml
    git ls-files src | grep -E '\.(c|ui)$' |
      xargs grep -lE '(^|[^A-Za-z0-9_])(N_|C_|NC_|_) ?\("|translatable="yes"' || true
  } | LC_ALL=C sort -u
} > po/POTFILES.in
