/* trellis-gradebook.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * Gradebook items: the assignment columns imported from an LMS, which the
 * teacher maps to a skill or a playlist node now or later.  Their scores
 * are kept as evidence either way; mastery only counts mapped evidence.
 */

typedef struct
{
  gint64  id;
  char   *source;
  char   *lms_id;
  char   *title;
  double  points_possible;  /* < 0: unknown */
  gint64  skill_id;         /* 0: not mapped */
  gint64  node_id;          /* 0: not mapped */
  guint   n_scores;
} TrellisGradebookItem;

void       trellis_gradebook_item_free   (TrellisGradebookItem  *item);

/* The classroom's gradebook items by title; (element-type TrellisGradebookItem) */
GPtrArray *trellis_gradebook_list_items  (TrellisClassroom      *classroom,
                                          GError               **error);

/*
 * Maps @item_id to @skill_id and @node_id (0: none) and moves its evidence
 * with it, then recomputes the mastery states of the learners with
 * evidence on the item, all in one transaction.
 */
gboolean   trellis_gradebook_map_item    (TrellisClassroom      *classroom,
                                          gint64                 item_id,
                                          gint64                 skill_id,
                                          gint64                 node_id,
                                          GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisGradebookItem, trellis_gradebook_item_free)

G_END_DECLS
