/* trellis-store-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * Small helpers shared by the core's objects and stores: setters of
 * optional text, the end of an edit transaction, SQLite columns and
 * bindings, ids given as text, and names kept in string tables.
 * trellis-store.c carries no translatable text; the helpers that do
 * live in trellis-classroom.c.
 */

gboolean    _trellis_replace_string     (char                **field,
                                         const char          *value);

gboolean    _trellis_finish_edit        (TrellisClassroom    *classroom,
                                         gboolean             written,
                                         GError             **error);

gboolean    _trellis_set_invalid        (GError             **error,
                                         const char          *message);
gboolean    _trellis_set_not_found      (GError             **error,
                                         const char          *message);

const char *_trellis_column_text        (sqlite3_stmt        *stmt,
                                         int                  column);
char       *_trellis_column_dup         (sqlite3_stmt        *stmt,
                                         int                  column);
void        _trellis_bind_text_or_null  (sqlite3_stmt        *stmt,
                                         int                  index,
                                         const char          *text);
gboolean    _trellis_bind_id_or_null    (sqlite3_stmt        *stmt,
                                         int                  index,
                                         gint64               id);

/* Reads an object's database id (trellis_learner_get_id and the like). */
typedef gint64 (*TrellisIdFunc) (gpointer object);

gpointer    _trellis_model_lookup_id    (GListModel          *model,
                                         TrellisIdFunc        get_id,
                                         gint64               id);
gboolean    _trellis_parse_id           (const char          *text,
                                         gint64              *id);

gboolean    _trellis_string_table_find  (const char * const  *names,
                                         guint                n_names,
                                         const char          *text,
                                         guint               *index);

/* In trellis-classroom.c, for their translatable messages */
gboolean    _trellis_check_learner      (TrellisClassroom    *classroom,
                                         TrellisLearner      *learner,
                                         GError             **error);
gboolean    _trellis_normalize_text     (const char          *text,
                                         char               **result,
                                         GError             **error);

G_END_DECLS
