/* trellis-classroom-private.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * TrellisClassroom is split over trellis-classroom.c (the file, learners,
 * transactions) and trellis-classroom-curriculum.c (skills, playlists and
 * their nodes); both see the instance structure through this header.
 */
struct _TrellisClassroom
{
  GObject           parent_instance;

  sqlite3          *db;
  char             *path;
  char             *name;
  guint             format_version;
  gboolean          read_only;

  GListStore       *learners;
  /* Learners removed undoably, kept alive until purged or restored. */
  GPtrArray        *trash;

  GListStore       *skills;
  GListStore       *playlists;
  /*
   * Node lists, made on demand and kept: playlist id → its top-level
   * nodes, choice group id → its options (gint64 * → GListStore *).
   */
  GHashTable       *top_nodes;
  GHashTable       *child_nodes;

  TrellisClockFunc  clock;
  gpointer          clock_data;

  /* What the open transaction changed, for ::data-changed after COMMIT. */
  TrellisDataKinds  pending_kinds;
  gint64            pending_learner_id;   /* -1: none yet, 0: several */
  GArray           *pending_evidence;     /* TrellisEvidenceKey */
};

void     _trellis_classroom_init_curriculum  (TrellisClassroom  *self);
void     _trellis_classroom_clear_curriculum (TrellisClassroom  *self);
gboolean _trellis_classroom_load_curriculum  (TrellisClassroom  *self,
                                              GError           **error);

/* trellis-skill-list.c */
gboolean _trellis_classroom_load_skill_prerequisites  (TrellisClassroom  *self,
                                                       GError           **error);
void     _trellis_classroom_forget_skill_prerequisite (TrellisClassroom  *self,
                                                       gint64             id);
/*
 * Notes, inside a transaction, that it changes @kinds of @learner_id's data
 * (0: several learners) and, when @skill_id is not 0, writes evidence on
 * that skill.  ::data-changed is emitted once after the COMMIT.
 */
void     _trellis_classroom_note_change      (TrellisClassroom  *self,
                                              TrellisDataKinds   kinds,
                                              gint64             learner_id,
                                              gint64             skill_id);
/*
 * Emits ::data-changed at once for @kinds that another connection to the
 * same file committed (a refit in a worker thread), outside any of this
 * connection's transactions.
 */
void     _trellis_classroom_emit_change      (TrellisClassroom  *self,
                                              TrellisDataKinds   kinds,
                                              gint64             learner_id);

G_END_DECLS
