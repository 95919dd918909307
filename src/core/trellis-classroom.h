/* trellis-classroom.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "trellis-learner.h"
#include "trellis-node.h"
#include "trellis-playlist.h"
#include "trellis-skill.h"

G_BEGIN_DECLS

#define TRELLIS_CLASSROOM_ERROR (trellis_classroom_error_quark ())

typedef enum
{
  TRELLIS_CLASSROOM_ERROR_NOT_FOUND,
  TRELLIS_CLASSROOM_ERROR_EXISTS,
  TRELLIS_CLASSROOM_ERROR_NOT_SQLITE,
  TRELLIS_CLASSROOM_ERROR_NOT_CLASSROOM,
  TRELLIS_CLASSROOM_ERROR_DAMAGED,
  TRELLIS_CLASSROOM_ERROR_TOO_NEW,
  TRELLIS_CLASSROOM_ERROR_BUSY,
  TRELLIS_CLASSROOM_ERROR_READ_ONLY,
  TRELLIS_CLASSROOM_ERROR_IO,
  TRELLIS_CLASSROOM_ERROR_INVALID,
  TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
  TRELLIS_CLASSROOM_ERROR_MIGRATION,
} TrellisClassroomError;

typedef enum
{
  TRELLIS_OPEN_FLAGS_NONE      = 0,
  TRELLIS_OPEN_FLAGS_READ_ONLY = 1 << 0,
} TrellisOpenFlags;

/**
 * TrellisClockFunc:
 *
 * Returns the current time (a new reference).  Injected so that tests and
 * the sample classroom are deterministic.
 */
typedef GDateTime *(*TrellisClockFunc) (gpointer user_data);

/* What a committed write changed, in TrellisClassroom::data-changed. */
typedef enum
{
  TRELLIS_DATA_PROGRESS   = 1 << 0,  /* progress marks and check-ins */
  TRELLIS_DATA_CHOICES    = 1 << 1,  /* options chosen in choice groups */
  TRELLIS_DATA_EVIDENCE   = 1 << 2,  /* evidence, and the mastery it feeds */
  TRELLIS_DATA_CURRICULUM = 1 << 3,  /* playlist items, choice groups or skills were removed or put back */
  TRELLIS_DATA_MASTERY    = 1 << 4,  /* mastery states were recomputed for many learners */
} TrellisDataKinds;

/* One piece of evidence written: whose, on which skill. */
typedef struct
{
  gint64 learner_id;
  gint64 skill_id;
} TrellisEvidenceKey;

/*
 * TrellisDataChange: the argument of TrellisClassroom::data-changed,
 * emitted once after each committed transaction that changed progress,
 * choices, evidence, the curriculum's items or skills (removed or put
 * back) or the mastery of the class (a refit), never inside one, never
 * after a rollback.  @learner_id is the learner whose data changed, or 0
 * when several did (an import, a curriculum change, a refit); @evidence
 * holds the (learner, skill) pairs evidence was written for, when known
 * (TrellisEvidenceKey; empty after an import).
 *
 * With %TRELLIS_DATA_CURRICULUM, the emission comes before the skill and
 * node lists show the change: listeners re-read them from an idle.
 */
typedef struct
{
  TrellisDataKinds  kinds;
  gint64            learner_id;
  GArray           *evidence;
} TrellisDataChange;

#define TRELLIS_TYPE_CLASSROOM (trellis_classroom_get_type ())

G_DECLARE_FINAL_TYPE (TrellisClassroom, trellis_classroom, TRELLIS, CLASSROOM, GObject)

GQuark            trellis_classroom_error_quark        (void);

TrellisClassroom *trellis_classroom_create             (const char        *path,
                                                        const char        *name,
                                                        GError           **error);
TrellisClassroom *trellis_classroom_open               (const char        *path,
                                                        TrellisOpenFlags   flags,
                                                        GError           **error);
gboolean          trellis_classroom_inspect            (const char        *path,
                                                        guint             *format_version,
                                                        GError           **error);

const char       *trellis_classroom_get_path           (TrellisClassroom  *self);
gboolean          trellis_classroom_get_read_only      (TrellisClassroom  *self);
guint             trellis_classroom_get_format_version (TrellisClassroom  *self);
const char       *trellis_classroom_get_name           (TrellisClassroom  *self);
gboolean          trellis_classroom_set_name           (TrellisClassroom  *self,
                                                        const char        *name,
                                                        GError           **error);
char             *trellis_classroom_check_integrity    (TrellisClassroom  *self);

void              trellis_classroom_set_clock          (TrellisClassroom  *self,
                                                        TrellisClockFunc   clock,
                                                        gpointer           user_data);
GDateTime        *trellis_classroom_now                (TrellisClassroom  *self);
char             *trellis_classroom_today              (TrellisClassroom  *self);
char             *trellis_classroom_timestamp          (TrellisClassroom  *self);

/* Settings stored in the classroom file (preferences, remembered choices). */
char             *trellis_classroom_get_setting        (TrellisClassroom  *self,
                                                        const char        *key);
gboolean          trellis_classroom_set_setting        (TrellisClassroom  *self,
                                                        const char        *key,
                                                        const char        *value,
                                                        GError           **error);

/* Learners */
GListModel       *trellis_classroom_get_learners       (TrellisClassroom  *self);
TrellisLearner   *trellis_classroom_find_learner       (TrellisClassroom  *self,
                                                        const char        *name_or_id,
                                                        GError           **error);
TrellisLearner   *trellis_classroom_lookup_learner     (TrellisClassroom  *self,
                                                        gint64             id);
TrellisLearner   *trellis_classroom_add_learner        (TrellisClassroom  *self,
                                                        const char        *name,
                                                        GError           **error);
gboolean          trellis_classroom_rename_learner     (TrellisClassroom  *self,
                                                        TrellisLearner    *learner,
                                                        const char        *name,
                                                        GError           **error);
gboolean          trellis_classroom_trash_learner      (TrellisClassroom  *self,
                                                        TrellisLearner    *learner,
                                                        GError           **error);
gboolean          trellis_classroom_restore_learner    (TrellisClassroom  *self,
                                                        TrellisLearner    *learner,
                                                        GError           **error);
gboolean          trellis_classroom_purge_trash        (TrellisClassroom  *self,
                                                        GError           **error);

/* Skills (trellis-classroom-curriculum.c) */
GListModel       *trellis_classroom_get_skills         (TrellisClassroom  *self);
TrellisSkill     *trellis_classroom_lookup_skill       (TrellisClassroom  *self,
                                                        gint64             id);
TrellisSkill     *trellis_classroom_find_skill         (TrellisClassroom  *self,
                                                        const char        *code_or_id,
                                                        GError           **error);
TrellisSkill     *trellis_classroom_add_skill          (TrellisClassroom  *self,
                                                        const char        *code,
                                                        const char        *name,
                                                        GError           **error);
gboolean          trellis_classroom_update_skill       (TrellisClassroom  *self,
                                                        TrellisSkill      *skill,
                                                        const char        *code,
                                                        const char        *name,
                                                        const char        *description,
                                                        GError           **error);
gboolean          trellis_classroom_delete_skill       (TrellisClassroom  *self,
                                                        TrellisSkill      *skill,
                                                        GError           **error);

/* What trellis_classroom_delete_skill_undoable() deleted, to put back. */
typedef struct _TrellisSkillSnapshot TrellisSkillSnapshot;

TrellisSkillSnapshot *trellis_classroom_delete_skill_undoable (TrellisClassroom     *self,
                                                               TrellisSkill         *skill,
                                                               GError              **error);
TrellisSkill     *trellis_classroom_restore_skill      (TrellisClassroom     *self,
                                                        TrellisSkillSnapshot *snapshot,
                                                        GError              **error);
void              trellis_skill_snapshot_free          (TrellisSkillSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisSkillSnapshot, trellis_skill_snapshot_free)

/* Playlists */
GListModel       *trellis_classroom_get_playlists      (TrellisClassroom  *self);
TrellisPlaylist  *trellis_classroom_lookup_playlist    (TrellisClassroom  *self,
                                                        gint64             id);
TrellisPlaylist  *trellis_classroom_find_playlist      (TrellisClassroom  *self,
                                                        const char        *title_or_id,
                                                        GError           **error);
TrellisPlaylist  *trellis_classroom_add_playlist       (TrellisClassroom  *self,
                                                        const char        *title,
                                                        GError           **error);
gboolean          trellis_classroom_rename_playlist    (TrellisClassroom  *self,
                                                        TrellisPlaylist   *playlist,
                                                        const char        *title,
                                                        GError           **error);
gboolean          trellis_classroom_update_playlist_details (TrellisClassroom  *self,
                                                             TrellisPlaylist   *playlist,
                                                             const char        *description,
                                                             const char        *starts_on,
                                                             const char        *ends_on,
                                                             GError           **error);
gboolean          trellis_classroom_delete_playlist    (TrellisClassroom  *self,
                                                        TrellisPlaylist   *playlist,
                                                        GError           **error);

/* A playlist's nodes, and the options of its choice groups */
GListModel       *trellis_classroom_get_nodes          (TrellisClassroom  *self,
                                                        TrellisPlaylist   *playlist,
                                                        TrellisNode       *parent);
TrellisNode      *trellis_classroom_add_node           (TrellisClassroom  *self,
                                                        TrellisPlaylist   *playlist,
                                                        TrellisNode       *parent,
                                                        TrellisNodeKind    kind,
                                                        const char        *title,
                                                        int                position,
                                                        GError           **error);
gboolean          trellis_classroom_move_node          (TrellisClassroom  *self,
                                                        TrellisNode       *node,
                                                        int                new_position,
                                                        GError           **error);
gboolean          trellis_classroom_delete_node        (TrellisClassroom  *self,
                                                        TrellisNode       *node,
                                                        GError           **error);

/* What trellis_classroom_delete_node_undoable() deleted, to put back. */
typedef struct _TrellisNodeSnapshot TrellisNodeSnapshot;

TrellisNodeSnapshot *trellis_classroom_delete_node_undoable (TrellisClassroom    *self,
                                                             TrellisNode         *node,
                                                             GError             **error);
TrellisNode      *trellis_classroom_restore_node       (TrellisClassroom    *self,
                                                        TrellisNodeSnapshot *snapshot,
                                                        GError             **error);
void              trellis_node_snapshot_free           (TrellisNodeSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisNodeSnapshot, trellis_node_snapshot_free)

gboolean          trellis_classroom_set_choice_bounds  (TrellisClassroom  *self,
                                                        TrellisNode       *node,
                                                        guint              choose_min,
                                                        guint              choose_max,
                                                        GError           **error);

/* Which fields of a #TrellisNodeFields trellis_classroom_update_node() sets */
typedef enum
{
  TRELLIS_NODE_FIELD_TITLE             = 1 << 0,
  TRELLIS_NODE_FIELD_INSTRUCTIONS      = 1 << 1,
  TRELLIS_NODE_FIELD_RESOURCE_URL      = 1 << 2,
  TRELLIS_NODE_FIELD_ESTIMATED_MINUTES = 1 << 3,
  TRELLIS_NODE_FIELD_SOCIAL_MODE       = 1 << 4,
  TRELLIS_NODE_FIELD_SUGGESTED_DATE    = 1 << 5,
  TRELLIS_NODE_FIELD_TARGET_DATE       = 1 << 6,
  TRELLIS_NODE_FIELD_MUST_SHOW         = 1 << 7,
  TRELLIS_NODE_FIELD_IS_STARTER        = 1 << 8,
  TRELLIS_NODE_FIELD_IS_CHALLENGE      = 1 << 9,
} TrellisNodeFieldMask;

/*
 * New values for a node's fields; only those in @mask are set.  Texts may
 * be %NULL or empty (cleared), except the title; dates are YYYY-MM-DD;
 * estimated_minutes is -1 for none.
 */
typedef struct
{
  TrellisNodeFieldMask  mask;
  const char           *title;
  const char           *instructions;
  const char           *resource_url;
  int                   estimated_minutes;
  TrellisSocialMode     social_mode;
  const char           *suggested_date;
  const char           *target_date;
  const char           *must_show;
  gboolean              is_starter;
  gboolean              is_challenge;
} TrellisNodeFields;

gboolean          trellis_classroom_update_node        (TrellisClassroom        *self,
                                                        TrellisNode             *node,
                                                        const TrellisNodeFields *fields,
                                                        GError                 **error);
char            **trellis_classroom_dup_node_formats   (TrellisClassroom  *self,
                                                        TrellisNode       *node,
                                                        GError           **error);
gboolean          trellis_classroom_set_node_formats   (TrellisClassroom   *self,
                                                        TrellisNode        *node,
                                                        const char * const *formats,
                                                        GError            **error);
GPtrArray        *trellis_classroom_dup_node_skills    (TrellisClassroom  *self,
                                                        TrellisNode       *node,
                                                        GError           **error);
gboolean          trellis_classroom_set_node_skills    (TrellisClassroom  *self,
                                                        TrellisNode       *node,
                                                        GPtrArray         *skills,
                                                        GError           **error);
TrellisNode      *trellis_classroom_duplicate_node     (TrellisClassroom  *self,
                                                        TrellisNode       *node,
                                                        GError           **error);
TrellisPlaylist  *trellis_classroom_duplicate_playlist (TrellisClassroom  *self,
                                                        TrellisPlaylist   *playlist,
                                                        const char        *title,
                                                        GError           **error);
gboolean          trellis_classroom_move_node_to_parent (TrellisClassroom  *self,
                                                         TrellisNode       *node,
                                                         TrellisNode       *parent,
                                                         int                position,
                                                         GError           **error);

/* Counts for `info`; learners in the trash are not counted. */
gint64            trellis_classroom_count              (TrellisClassroom  *self,
                                                        const char        *what);

/* For core modules: the connection, transactions and statements. */
sqlite3          *trellis_classroom_get_db             (TrellisClassroom  *self);
gboolean          trellis_classroom_begin              (TrellisClassroom  *self,
                                                        GError           **error);
gboolean          trellis_classroom_commit             (TrellisClassroom  *self,
                                                        GError           **error);
void              trellis_classroom_rollback           (TrellisClassroom  *self);
gboolean          trellis_classroom_exec               (TrellisClassroom  *self,
                                                        const char        *sql,
                                                        GError           **error);
sqlite3_stmt     *trellis_classroom_prepare            (TrellisClassroom  *self,
                                                        const char        *sql,
                                                        GError           **error);
gboolean          trellis_classroom_step               (TrellisClassroom  *self,
                                                        sqlite3_stmt      *stmt,
                                                        GError           **error);
void              trellis_classroom_set_db_error       (TrellisClassroom  *self,
                                                        int                rc,
                                                        GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
