/* trellis-json.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * The stable JSON forms of `trellis-cli info|list|show --json`: a learner's
 * whole record (a family's right to see it), a playlist with its nodes in
 * order and per-learner progress, a skill.  Keys are documented in
 * README.md; new keys may be added, existing ones never change meaning.
 */
JsonNode *trellis_json_info     (TrellisClassroom  *classroom);
JsonNode *trellis_json_list     (TrellisClassroom  *classroom,
                                 const char        *what,
                                 GError           **error);
JsonNode *trellis_json_learner  (TrellisClassroom  *classroom,
                                 const char        *name_or_id,
                                 GError           **error);
JsonNode *trellis_json_playlist (TrellisClassroom  *classroom,
                                 const char        *name_or_id,
                                 GError           **error);
JsonNode *trellis_json_skill    (TrellisClassroom  *classroom,
                                 const char        *name_or_id,
                                 GError           **error);
char     *trellis_json_to_string (JsonNode         *node);

G_END_DECLS
