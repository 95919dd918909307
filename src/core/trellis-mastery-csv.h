/* trellis-mastery-csv.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A response log: CSV with a header holding at least the columns
 * user_id, skill_name and correct (0 or 1), in any order; other columns
 * are ignored; rows in time order.  Names become dense indices in order of
 * first appearance.
 */
typedef struct
{
  gsize       n_rows;
  guint32    *learner;       /* n_rows */
  guint32    *skill;         /* n_rows */
  guint8     *correct;       /* n_rows */
  GPtrArray  *learner_names; /* index → name */
  GPtrArray  *skill_names;   /* index → name */
  GHashTable *skill_index;   /* name → index + 1 */
} TrellisMasteryLog;

TrellisMasteryLog *trellis_mastery_log_load  (const char         *path,
                                              GError            **error);
TrellisMasteryLog *trellis_mastery_log_parse (const char         *data,
                                              gsize               length,
                                              const char         *name,
                                              GError            **error);
void               trellis_mastery_log_free  (TrellisMasteryLog  *log);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisMasteryLog, trellis_mastery_log_free)

G_END_DECLS
