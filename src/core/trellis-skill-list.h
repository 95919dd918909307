/* trellis-skill-list.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trellis-classroom.h"

G_BEGIN_DECLS

#define TRELLIS_SKILL_LIST_ERROR (trellis_skill_list_error_quark ())

typedef enum
{
  TRELLIS_SKILL_LIST_ERROR_SELF,       /* a skill named as its own prerequisite */
  TRELLIS_SKILL_LIST_ERROR_CYCLE,      /* prerequisites that go round in a circle */
  TRELLIS_SKILL_LIST_ERROR_UNKNOWN,    /* a prerequisite code that names no skill */
  TRELLIS_SKILL_LIST_ERROR_DUPLICATE,  /* a code twice in one file */
  TRELLIS_SKILL_LIST_ERROR_MISSING,    /* an empty code or name */
  TRELLIS_SKILL_LIST_ERROR_PARSE,      /* a malformed file; the message names the line */
} TrellisSkillListError;

/* What importing a skill list did. */
typedef struct
{
  guint n_added;      /* new codes */
  guint n_updated;    /* existing codes whose name or prerequisites changed */
  guint n_unchanged;  /* existing codes the file left as they were */
} TrellisSkillImportReport;

/* How much goes with a skill when it is deleted. */
typedef struct
{
  gint64 n_evidence;     /* pieces of evidence */
  gint64 n_mastery;      /* learners' mastery estimates */
  gint64 n_nodes;        /* playlist items that show it */
  gint64 n_playlists;    /* playlists that cover it */
  gint64 n_goals;        /* goals linked to it */
  gint64 n_dependents;   /* skills that build on it */
} TrellisSkillUses;

GQuark      trellis_skill_list_error_quark            (void);

GPtrArray  *trellis_classroom_dup_skill_prerequisites (TrellisClassroom          *self,
                                                       TrellisSkill              *skill);
GPtrArray  *trellis_classroom_dup_skill_dependents    (TrellisClassroom          *self,
                                                       TrellisSkill              *skill);
gboolean    trellis_classroom_set_skill_prerequisites (TrellisClassroom          *self,
                                                       TrellisSkill              *skill,
                                                       GPtrArray                 *prerequisites,
                                                       GError                   **error);
gboolean    trellis_classroom_count_skill_uses        (TrellisClassroom          *self,
                                                       TrellisSkill              *skill,
                                                       TrellisSkillUses          *uses,
                                                       GError                   **error);

gboolean    trellis_classroom_import_skills_csv       (TrellisClassroom          *self,
                                                       const char                *data,
                                                       gsize                      length,
                                                       const char                *name,
                                                       TrellisSkillImportReport  *report,
                                                       GError                   **error);
gboolean    trellis_classroom_import_skills_csv_file  (TrellisClassroom          *self,
                                                       const char                *path,
                                                       TrellisSkillImportReport  *report,
                                                       GError                   **error);

G_END_DECLS
