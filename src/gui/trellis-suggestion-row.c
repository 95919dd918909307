/* trellis-suggestion-row.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "trellis-suggestion-row.h"

/*
 * TrellisSuggestionRow: one suggestion of the recommendations pane as a
 * card: the reason, a "Why?" expander with the evidence in plain words and
 * the confidence, and the teacher's choices.  The row only reports the
 * choice (::decided); the pane records it.  "Open Learner" activates
 * win.select-learner with the learner's id.
 */
struct _TrellisSuggestionRow
{
  GtkListBoxRow      parent_instance;

  TrellisSuggestion *suggestion;

  GtkLabel          *reason_label;
  GtkExpander       *why_expander;
  GtkLabel          *evidence_label;
  GtkWidget         *dismiss_button;
  GtkWidget         *open_button;
};

G_DEFINE_FINAL_TYPE (TrellisSuggestionRow, trellis_suggestion_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Evidence members shown as "Label: value"; ids and internal margins are
 * left out. */
typedef enum
{
  VALUE_TEXT,
  VALUE_INT,
  VALUE_PERCENT,
  VALUE_DATE,
} ValueFormat;

static const struct
{
  const char  *member;
  const char  *label;
  ValueFormat  format;
} scalar_labels[] = {
  { "rule", N_("Rule"), VALUE_TEXT },
  { "playlist", N_("Unit"), VALUE_TEXT },
  { "title", N_("Goal"), VALUE_TEXT },
  { "today", N_("Today"), VALUE_DATE },
  { "target_date", N_("Target date"), VALUE_DATE },
  { "p_correct_threshold", N_("Predicted success threshold"), VALUE_PERCENT },
  { "min_attempts", N_("Attempts needed"), VALUE_INT },
  { "min_revisions", N_("Revisions that count"), VALUE_INT },
  { "mean_p_known", N_("Average mastery"), VALUE_PERCENT },
  { "min_p_known", N_("Lowest mastery"), VALUE_PERCENT },
  { "mean_threshold", N_("Average needed"), VALUE_PERCENT },
  { "min_threshold", N_("Lowest needed"), VALUE_PERCENT },
  { "unit_skills", N_("Skills in the unit"), VALUE_INT },
  { "remaining_minutes", N_("Minutes of work left"), VALUE_INT },
  { "available_minutes", N_("Class minutes left"), VALUE_INT },
  { "days_left", N_("Days left"), VALUE_INT },
  { "class_minutes_per_week", N_("Class minutes a week"), VALUE_INT },
  { "last_conference", N_("Last conference"), VALUE_DATE },
  { "last_revisited", N_("Profile last revisited"), VALUE_DATE },
  { "entries", N_("Profile entries"), VALUE_INT },
  { "days_since", N_("Days since"), VALUE_INT },
  { "cadence_days", N_("Conference every (days)"), VALUE_INT },
  { "stale_profile_weeks", N_("Revisit profiles every (weeks)"), VALUE_INT },
  { "days_overdue", N_("Days overdue"), VALUE_INT },
  { "updated_on", N_("Last updated"), VALUE_DATE },
  { "p_known_threshold", N_("Mastery threshold"), VALUE_PERCENT },
  { "class_size", N_("Learners in the class"), VALUE_INT },
  { "minutes", N_("Group length (minutes)"), VALUE_INT },
  { "gap_in_prerequisite", N_("Gap in prerequisite"), VALUE_TEXT },
  { "strong_threshold", N_("Strong from"), VALUE_PERCENT },
  { "learning_threshold", N_("Still learning below"), VALUE_PERCENT },
  { "window_days", N_("Period (days)"), VALUE_INT },
  { "accepted", N_("Accepted suggestions"), VALUE_INT },
  { "similar_margin", N_("Similar within"), VALUE_PERCENT },
  { "days", N_("Period (days)"), VALUE_INT },
};

static const struct
{
  const char *member;
  const char *heading;
} array_headings[] = {
  { "skills", N_("Skills") },
  { "nodes", N_("Sent back for revision") },
  { "past_due", N_("Past due") },
  { "learners", N_("Learners") },
  { "prerequisites", N_("Prerequisites") },
  { "recipients", N_("Received help or challenge") },
  { "overlooked", N_("Similar evidence, nothing accepted") },
};

static const struct
{
  const char *code;
  const char *label;
} reason_labels[] = {
  { "not_relevant", N_("Not relevant") },
  { "already_handled", N_("Already handled") },
  { "disagree", N_("Disagree") },
};

static char *describe_evidence (TrellisSuggestion *suggestion,
                                gboolean           markup);

static int
to_percent (double p)
{
  return (int) floor (p * 100.0 + 0.5);
}

static char *
format_value (JsonNode    *node,
              ValueFormat  format)
{
  /* A missing date means never; other missing values are left out. */
  if (JSON_NODE_HOLDS_NULL (node))
    return format == VALUE_DATE ? g_strdup (C_("evidence date", "never")) : NULL;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (format)
    {
    case VALUE_PERCENT:
      /* Translators: a percentage */
      return g_strdup_printf (_("%d%%"), to_percent (json_node_get_double (node)));

    case VALUE_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

    case VALUE_DATE:
      /* Timestamps show their day. */
      return g_strndup (json_node_get_string (node) ? json_node_get_string (node) : "", 10);

    case VALUE_TEXT:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      return NULL;
    }
}

/* One element of an evidence array: "Name: mastery 30%, 3 pieces of evidence". */
static void
describe_element (GString    *out,
                  JsonObject *element)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *name = NULL;

  if (json_object_has_member (element, "name") && !json_object_get_null_member (element, "name"))
    name = json_object_get_string_member (element, "name");
  else if (json_object_has_member (element, "title"))
    name = json_object_get_string_member (element, "title");

  if (json_object_has_member (element, "p_known"))
    /* Translators: a learner's mastery of a skill, a percentage */
    g_ptr_array_add (parts, g_strdup_printf (_("mastery %d%%"),
                                             to_percent (json_object_get_double_member (element, "p_known"))));
  if (json_object_has_member (element, "p_correct"))
    g_ptr_array_add (parts, g_strdup_printf (_("predicted success %d%%"),
                                             to_percent (json_object_get_double_member (element, "p_correct"))));
  if (json_object_has_member (element, "n_evidence"))
    {
      gint64 n = json_object_get_int_member (element, "n_evidence");

      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%d piece of evidence",
                                                            "%d pieces of evidence", (gulong) n),
                                               (int) n));
    }
  if (json_object_has_member (element, "target_date"))
    g_ptr_array_add (parts, g_strdup_printf (_("due %s"), json_object_get_string_member (element, "target_date")));
  if (json_object_has_member (element, "status"))
    {
      g_autofree char *status = g_strdup (json_object_get_string_member (element, "status"));

      g_strdelimit (status, "_", ' ');
      g_ptr_array_add (parts, g_strdup (status));
    }
  if (json_object_has_member (element, "updated_at"))
    {
      g_autofree char *day = g_strndup (json_object_get_string_member (element, "updated_at"), 10);

      g_ptr_array_add (parts, g_strdup_printf (_("on %s"), day));
    }
  if (json_object_has_member (element, "last_seen"))
    {
      if (json_object_get_null_member (element, "last_seen"))
        g_ptr_array_add (parts, g_strdup (_("never seen")));
      else
        g_ptr_array_add (parts, g_strdup_printf (_("last seen %s"),
                                                 json_object_get_string_member (element, "last_seen")));
    }
  if (json_object_has_member (element, "below"))
    {
      gint64 n = json_object_get_int_member (element, "below");

      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%d of the group below too",
                                                            "%d of the group below too", (gulong) n),
                                               (int) n));
    }
  if (json_object_has_member (element, "accepted"))
    {
      gint64 n = json_object_get_int_member (element, "accepted");

      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%d accepted",
                                                            "%d accepted", (gulong) n),
                                               (int) n));
    }
  if (json_object_has_member (element, "their_p_known"))
    g_ptr_array_add (parts, g_strdup_printf (_("a learner with %d%% got one"),
                                             to_percent (json_object_get_double_member (element, "their_p_known"))));

  g_ptr_array_add (parts, NULL);

  g_string_append (out, "• ");
  if (name != NULL)
    g_string_append (out, name);
  if (name != NULL && parts->len > 1)
    g_string_append (out, ": ");
  if (parts->len > 1)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) parts->pdata);

      g_string_append (out, joined);
    }
  g_string_append_c (out, '\n');
}

/**
 * trellis_suggestion_describe_evidence:
 *
 * The evidence behind @suggestion in plain words, one fact a line, then
 * the confidence.
 *
 * Returns: (transfer full): the text
 */
char *
trellis_suggestion_describe_evidence (TrellisSuggestion *suggestion)
{
  g_return_val_if_fail (suggestion != NULL, NULL);

  return describe_evidence (suggestion, FALSE);
}

/* With @markup, escaped, and the headings of lists in bold. */
static char *
describe_evidence (TrellisSuggestion *suggestion,
                   gboolean           markup)
{
  GString *out = g_string_new (NULL);
  JsonObject *evidence = suggestion->evidence;
  g_autofree char *confidence = NULL;

  if (evidence != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (scalar_labels); i++)
        {
          g_autofree char *value = NULL;
          g_autofree char *line = NULL;
          JsonNode *node = json_object_get_member (evidence, scalar_labels[i].member);

          if (node == NULL || (value = format_value (node, scalar_labels[i].format)) == NULL)
            continue;
          /* Translators: an evidence line, "Label: value" */
          line = g_strdup_printf (_("%s: %s"), _(scalar_labels[i].label), value);

          if (markup)
            {
              g_autofree char *escaped = g_markup_escape_text (line, -1);

              g_string_append (out, escaped);
            }
          else
            g_string_append (out, line);
          g_string_append_c (out, '\n');
        }

      for (guint i = 0; i < G_N_ELEMENTS (array_headings); i++)
        {
          JsonNode *node = json_object_get_member (evidence, array_headings[i].member);
          JsonArray *array;

          if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
            continue;
          array = json_node_get_array (node);
          if (json_array_get_length (array) == 0)
            continue;

          if (markup)
            g_string_append_printf (out, "<b>%s</b>\n", _(array_headings[i].heading));
          else
            g_string_append_printf (out, "%s\n", _(array_headings[i].heading));
          for (guint j = 0; j < json_array_get_length (array); j++)
            {
              JsonNode *element = json_array_get_element (array, j);
              g_autoptr(GString) line = g_string_new (NULL);

              if (!JSON_NODE_HOLDS_OBJECT (element))
                continue;
              describe_element (line, json_node_get_object (element));
              if (markup)
                {
                  g_autofree char *escaped = g_markup_escape_text (line->str, -1);

                  g_string_append (out, escaped);
                }
              else
                g_string_append (out, line->str);
            }
        }
    }

  /* Translators: how sure the recommender is, a percentage */
  confidence = g_strdup_printf (_("Confidence: %d%%"), to_percent (suggestion->confidence));
  if (markup)
    {
      g_autofree char *escaped = g_markup_escape_text (confidence, -1);

      g_string_append_printf (out, "<b>%s</b>", escaped);
    }
  else
    g_string_append (out, confidence);

  return g_string_free (out, FALSE);
}

const char *
trellis_suggestion_reason_get_label (const char *reason)
{
  if (reason == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (reason_labels); i++)
    {
      if (g_strcmp0 (reason, reason_labels[i].code) == 0)
        return _(reason_labels[i].label);
    }

  return reason;
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[DECIDED], 0, (guint) TRELLIS_DECISION_ACCEPTED, NULL);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  const char *reason = g_variant_get_string (parameter, NULL);

  g_signal_emit (widget, signals[DECIDED], 0, (guint) TRELLIS_DECISION_DISMISSED,
                 reason[0] != '\0' ? reason : NULL);
}

static void
snooze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[DECIDED], 0, (guint) TRELLIS_DECISION_SNOOZED, NULL);
}

static void
open_learner_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(TrellisSuggestionRow) self = g_object_ref (TRELLIS_SUGGESTION_ROW (widget));
  gint64 id;

  if (self->suggestion->learners->len == 0)
    return;

  /* Selecting the learner rebuilds the pane, and this row goes. */
  id = g_array_index (self->suggestion->learners, TrellisSuggestionLearner, 0).id;
  gtk_widget_activate_action (widget, "win.select-learner", "x", id);
}

static void
trellis_suggestion_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_SUGGESTION_ROW);

  G_OBJECT_CLASS (trellis_suggestion_row_parent_class)->dispose (object);
}

static void
trellis_suggestion_row_finalize (GObject *object)
{
  TrellisSuggestionRow *self = TRELLIS_SUGGESTION_ROW (object);

  g_clear_pointer (&self->suggestion, trellis_suggestion_unref);

  G_OBJECT_CLASS (trellis_suggestion_row_parent_class)->finalize (object);
}

static void
trellis_suggestion_row_class_init (TrellisSuggestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_suggestion_row_dispose;
  object_class->finalize = trellis_suggestion_row_finalize;

  /**
   * TrellisSuggestionRow::decided:
   * @decision: a #TrellisDecision
   * @reason: (nullable): the teacher's reason
   */
  signals[DECIDED] =
    g_signal_new ("decided",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-suggestion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisSuggestionRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSuggestionRow, why_expander);
  gtk_widget_class_bind_template_child (widget_class, TrellisSuggestionRow, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSuggestionRow, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisSuggestionRow, open_button);

  gtk_widget_class_install_action (widget_class, "suggestion.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "suggestion.dismiss", "s", dismiss_action);
  gtk_widget_class_install_action (widget_class, "suggestion.snooze", NULL, snooze_action);
  gtk_widget_class_install_action (widget_class, "suggestion.open-learner", NULL, open_learner_action);
}

static void
trellis_suggestion_row_init (TrellisSuggestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trellis_suggestion_row_new:
 * @suggestion: the suggestion to show
 */
GtkWidget *
trellis_suggestion_row_new (TrellisSuggestion *suggestion)
{
  TrellisSuggestionRow *self;
  g_autofree char *evidence = NULL;

  g_return_val_if_fail (suggestion != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_SUGGESTION_ROW, NULL);
  self->suggestion = trellis_suggestion_ref (suggestion);

  gtk_label_set_text (self->reason_label, suggestion->reason);
  evidence = describe_evidence (suggestion, TRUE);
  gtk_label_set_markup (self->evidence_label, evidence);

  trellis_suggestion_row_set_can_open (self, TRUE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, suggestion->reason,
                                  -1);

  return GTK_WIDGET (self);
}

/**
 * trellis_suggestion_row_get_suggestion:
 *
 * Returns: (transfer none): the suggestion
 */
TrellisSuggestion *
trellis_suggestion_row_get_suggestion (TrellisSuggestionRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SUGGESTION_ROW (self), NULL);

  return self->suggestion;
}

gboolean
trellis_suggestion_row_get_expanded (TrellisSuggestionRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SUGGESTION_ROW (self), FALSE);

  return gtk_expander_get_expanded (self->why_expander);
}

void
trellis_suggestion_row_set_expanded (TrellisSuggestionRow *self,
                                     gboolean              expanded)
{
  g_return_if_fail (TRELLIS_IS_SUGGESTION_ROW (self));

  gtk_expander_set_expanded (self->why_expander, expanded);
}

void
trellis_suggestion_row_set_editable (TrellisSuggestionRow *self,
                                     gboolean              editable)
{
  g_return_if_fail (TRELLIS_IS_SUGGESTION_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestion.accept", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestion.dismiss", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestion.snooze", editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dismiss_button), editable);
}

void
trellis_suggestion_row_set_can_open (TrellisSuggestionRow *self,
                                     gboolean              can_open)
{
  g_return_if_fail (TRELLIS_IS_SUGGESTION_ROW (self));

  can_open = can_open && self->suggestion->learners->len == 1;
  gtk_widget_set_visible (self->open_button, can_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestion.open-learner", can_open);
}
