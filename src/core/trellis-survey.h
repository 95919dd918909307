/* trellis-survey.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-classroom.h"

G_BEGIN_DECLS

/*
 * Learner agency surveys: a short list of Likert items (1–4 by default)
 * that the teacher edits, administered a few times a term.  Responses are
 * entered by the teacher or imported from a CSV file; either way one
 * administration is one transaction.
 */

#define TRELLIS_SURVEY_ERROR (trellis_survey_error_quark ())

typedef enum
{
  TRELLIS_SURVEY_ERROR_INVALID,     /* a bad value, date, prompt, learner or item */
  TRELLIS_SURVEY_ERROR_NOT_FOUND,   /* no such survey or item */
  TRELLIS_SURVEY_ERROR_PARSE,       /* a malformed CSV file; the message names the line */
} TrellisSurveyError;

GQuark trellis_survey_error_quark (void);

#define TRELLIS_SURVEY_SCALE_MIN 1
#define TRELLIS_SURVEY_SCALE_MAX 4

typedef struct
{
  gint64  id;
  guint   position;
  char   *prompt;
  int     scale_min;
  int     scale_max;
} TrellisSurveyItem;

void               trellis_survey_item_free        (TrellisSurveyItem *item);

typedef struct
{
  gint64 learner_id;
  gint64 item_id;
  int    value;
} TrellisSurveyResponse;

/* The default items, untranslated (NULL-terminated); they are stored translated. */
const char * const *trellis_survey_default_prompts (void);

/* A new survey with @prompts (NULL: the default items), on a 1–4 scale. Returns its id, or 0. */
gint64             trellis_survey_create           (TrellisClassroom             *classroom,
                                                    const char                   *title,
                                                    const char * const           *prompts,
                                                    GError                      **error);
/*
 * The class's agency survey: the first one created.  When there is none,
 * 0 without an error; or, with @create, a new one with the default items
 * (trellis_survey_create (classroom, NULL, NULL)).  Returns its id, or 0.
 */
gint64             trellis_survey_get_default      (TrellisClassroom             *classroom,
                                                    gboolean                      create,
                                                    GError                      **error);
/* The items in order (TrellisSurveyItem). */
GPtrArray         *trellis_survey_get_items        (TrellisClassroom             *classroom,
                                                    gint64                        survey_id,
                                                    GError                      **error);
/* Appends an item; returns its id, or 0. */
gint64             trellis_survey_add_item         (TrellisClassroom             *classroom,
                                                    gint64                        survey_id,
                                                    const char                   *prompt,
                                                    GError                      **error);
gboolean           trellis_survey_set_item_prompt  (TrellisClassroom             *classroom,
                                                    gint64                        item_id,
                                                    const char                   *prompt,
                                                    GError                      **error);
gboolean           trellis_survey_move_item        (TrellisClassroom             *classroom,
                                                    gint64                        item_id,
                                                    guint                         position,
                                                    GError                      **error);
/* Removes an item and its responses. */
gboolean           trellis_survey_remove_item      (TrellisClassroom             *classroom,
                                                    gint64                        item_id,
                                                    GError                      **error);

/* What trellis_survey_remove_item_undoable() removed: the item and its answers. */
typedef struct _TrellisSurveyItemSnapshot TrellisSurveyItemSnapshot;

/*
 * trellis_survey_remove_item(), keeping the item's row and the answers
 * given to it, ids and all, so that trellis_survey_restore_item() can put
 * them back.  Returns the snapshot, or NULL with @error.
 */
TrellisSurveyItemSnapshot *trellis_survey_remove_item_undoable (TrellisClassroom           *classroom,
                                                                gint64                      item_id,
                                                                GError                    **error);
/*
 * Puts a removed item back as it was (one transaction): same id, prompt,
 * scale and position, with its answers.  If its survey or an
 * administration or learner it was answered in is gone meanwhile, nothing
 * is restored and @error says so.  A snapshot can be restored once.
 * Returns the item's id, or 0.
 */
gint64                     trellis_survey_restore_item         (TrellisClassroom           *classroom,
                                                                TrellisSurveyItemSnapshot  *snapshot,
                                                                GError                    **error);
void                       trellis_survey_item_snapshot_free   (TrellisSurveyItemSnapshot  *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisSurveyItemSnapshot, trellis_survey_item_snapshot_free)

/*
 * Records one administration (on @administered_on, YYYY-MM-DD) with its
 * responses, in one transaction; nothing is written on error.  Each
 * learner answers each item at most once; values lie on the item's scale.
 * Returns the administration's id, or 0.
 */
gint64             trellis_survey_record           (TrellisClassroom             *classroom,
                                                    gint64                        survey_id,
                                                    const char                   *administered_on,
                                                    const TrellisSurveyResponse  *responses,
                                                    gsize                         n_responses,
                                                    GError                      **error);

/*
 * Imports one administration from CSV (RFC 4180, UTF-8, comma-separated),
 * in the wide layout a spreadsheet or a form export has:
 *
 *   learner,I can choose how I learn best,I set goals and check them
 *   S260101,3,4
 *   Ada Lovelace,2,
 *
 * The first row is the header: the first column holds the learner (any
 * heading), every other heading is an item's exact prompt or its number
 * (1 for the first item).  A learner is found by SIS id, else by exact
 * name if exactly one learner has it.  An empty cell is no answer.  Any
 * bad row is an error naming its line; nothing is written then.
 * Returns the administration's id, or 0; @n_responses (nullable) gets the
 * number of responses recorded.
 */
gint64             trellis_survey_import_csv       (TrellisClassroom             *classroom,
                                                    gint64                        survey_id,
                                                    const char                   *administered_on,
                                                    const char                   *data,
                                                    gsize                         length,
                                                    guint                        *n_responses,
                                                    GError                      **error);
gint64             trellis_survey_import_csv_file  (TrellisClassroom             *classroom,
                                                    gint64                        survey_id,
                                                    const char                   *administered_on,
                                                    const char                   *path,
                                                    guint                        *n_responses,
                                                    GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisSurveyItem, trellis_survey_item_free)

G_END_DECLS
