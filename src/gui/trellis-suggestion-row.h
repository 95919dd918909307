/* trellis-suggestion-row.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-recommender.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SUGGESTION_ROW (trellis_suggestion_row_get_type ())

G_DECLARE_FINAL_TYPE (TrellisSuggestionRow, trellis_suggestion_row, TRELLIS, SUGGESTION_ROW, GtkListBoxRow)

GtkWidget         *trellis_suggestion_row_new            (TrellisSuggestion    *suggestion);
TrellisSuggestion *trellis_suggestion_row_get_suggestion (TrellisSuggestionRow *self);
gboolean           trellis_suggestion_row_get_expanded   (TrellisSuggestionRow *self);
void               trellis_suggestion_row_set_expanded   (TrellisSuggestionRow *self,
                                                          gboolean              expanded);
/* Whether "Open Learner" shows (for a suggestion about one learner) */
void               trellis_suggestion_row_set_can_open   (TrellisSuggestionRow *self,
                                                          gboolean              can_open);
/* Whether Accept, Dismiss and Snooze are offered (not in a read-only file) */
void               trellis_suggestion_row_set_editable   (TrellisSuggestionRow *self,
                                                          gboolean              editable);
/* Plain-words lines for the evidence of @suggestion (for the "Why?" expander) */
char              *trellis_suggestion_describe_evidence  (TrellisSuggestion    *suggestion);
/* A translated label for a dismissal reason code ("not_relevant" …), or @reason */
const char        *trellis_suggestion_reason_get_label   (const char           *reason);

G_END_DECLS
