#!/usr/bin/env python3
# check-flatpak.py: sanity checks for the Flatpak manifest
#
# Copyright 2026 The Trellis developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak.py MANIFEST APP_ID COMMAND
#
# Checks that MANIFEST is valid JSON, names APP_ID and COMMAND, builds on the
# GNOME runtime, and keeps the sandbox tight: no network (Trellis never uses
# it) and no broad filesystem access (files go through the portal).

import json
import sys

FORBIDDEN_ARGS = (
    "--share=network",
    "--filesystem=host",
    "--filesystem=host-os",
    "--filesystem=home",
    "--filesystem=xdg-documents",
    "--device=all",
)


def main(argv):
    if len(argv) != 4:
        print("usage: check-flatpak.py MANIFEST APP_ID COMMAND", file=sys.stderr)
        return 2
    path, app_id, command = argv[1:]
    errors = []

    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: {e}", file=sys.stderr)
        return 1
    if not isinstance(manifest, dict):
        print(f"{path}: top level is not a JSON object", file=sys.stderr)
        return 1

    manifest_id = manifest.get("id", manifest.get("app-id"))
    if manifest_id != app_id:
        errors.append(f"id is {manifest_id!r}, expected {app_id!r}")
    if manifest.get("command") != command:
        errors.append(f"command is {manifest.get('command')!r}, expected {command!r}")
    if manifest.get("runtime") != "org.gnome.Platform":
        errors.append("runtime is not org.gnome.Platform")
    if manifest.get("sdk") != "org.gnome.Sdk":
        errors.append("sdk is not org.gnome.Sdk")
    if not isinstance(manifest.get("runtime-version"), str):
        errors.append("runtime-version must be a string")

    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        base = arg.split(":")[0]
        if base in FORBIDDEN_ARGS:
            errors.append(f"finish-args must not contain {arg}")

    modules = manifest.get("modules", [])
    if not modules or not isinstance(modules[-1], dict):
        errors.append("the last module must be the application")
    else:
        last = modules[-1]
        if last.get("name") != "trellis":
            errors.append(f"last module is {last.get('name')!r}, expected 'trellis'")
        if last.get("buildsystem") != "meson":
            errors.append("the trellis module must use buildsystem meson")

    for e in errors:
        print(f"{path}: {e}", file=sys.stderr)
    if not errors:
        print(f"{path}: ok")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
