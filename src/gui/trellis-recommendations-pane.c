/* trellis-recommendations-pane.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-progress.h"
#include "trellis-recommendations-pane-private.h"
#include "trellis-suggestion-row.h"

/*
 * TrellisRecommendationsPane: the recommendations sidebar (DESIGN.md
 * principle 1: data informs, the teacher decides).  It shows the
 * classroom's current suggestions grouped by kind, most urgent first,
 * for the whole class or for one learner (:learner), each as a card the
 * teacher accepts, dismisses (with an optional reason) or snoozes, and the
 * history of those decisions.
 *
 * A TrellisRecommender keeps the suggestions; the pane refreshes it when
 * the classroom's learners change and after each decision.  Evidence and
 * progress edits (TrellisClassroom::data-changed, from any window) are
 * collected and applied incrementally from an idle, so that a burst of
 * marks costs one update and never blocks the edit itself; curriculum
 * changes and refits are applied there too, as one full refresh.  A full recompute of the
 * sample classroom takes a few milliseconds, so it runs on the main thread
 * (the time is logged with G_MESSAGES_DEBUG=Trellis).
 */
struct _TrellisRecommendationsPane
{
  TrellisClassroomView parent_instance;

  /* The base class's, which owns them and keeps our handlers on them. */
  TrellisClassroom   *classroom;
  TrellisLearner     *learner;

  TrellisRecommender *recommender;
  gboolean            show_history;
  gboolean            built;
  char               *last_toast;
  GtkWindow          *root;

  GtkWidget          *scope_box;
  GtkWidget          *class_button;
  GtkLabel           *title_label;
  GtkLabel           *scope_label;
  GtkStack           *stack;
  GtkWidget          *groups_box;
  AdwStatusPage      *empty_status_page;
  GtkListBox         *history_list;

  /* Data changes not applied yet (TrellisEvidenceKey; learner ids). */
  GArray             *pending_evidence;
  GArray             *pending_learners;
  gboolean            pending_all;
  guint               pending_id;
};

G_DEFINE_FINAL_TYPE (TrellisRecommendationsPane, trellis_recommendations_pane, TRELLIS_TYPE_CLASSROOM_VIEW)

enum {
  PROP_0,
  PROP_SHOW_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (TrellisRecommendationsPane *self);
static void on_recommender_changed_cb (TrellisRecommendationsPane *self);

static gboolean
is_writable (TrellisRecommendationsPane *self)
{
  return self->classroom != NULL && !trellis_classroom_get_read_only (self->classroom);
}

static gboolean
names_learner (TrellisSuggestion *suggestion,
               gint64             learner_id)
{
  for (guint i = 0; i < suggestion->learners->len; i++)
    {
      if (g_array_index (suggestion->learners, TrellisSuggestionLearner, i).id == learner_id)
        return TRUE;
    }

  return FALSE;
}

static void
show_toast (TrellisRecommendationsPane *self,
            AdwToast                   *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (TrellisRecommendationsPane *self,
            const GError               *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
update_scope (TrellisRecommendationsPane *self)
{
  gtk_widget_set_visible (self->class_button, self->learner != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recommendations.show-class", self->learner != NULL);

  gtk_label_set_label (self->title_label, self->show_history ? _("Past Decisions") : _("Suggestions"));

  if (self->learner != NULL)
    {
      /* Translators: the scope of the suggestions, %s is a learner's name */
      g_autofree char *text = g_strdup_printf (_("For %s"), trellis_learner_get_display_name (self->learner));

      gtk_label_set_label (self->scope_label, text);
      adw_status_page_set_description (self->empty_status_page,
                                       _("Nothing in this learner’s evidence, progress or records calls for a decision. "
                                         "Suggestions appear here as soon as it does."));
    }
  else
    {
      gtk_label_set_label (self->scope_label, _("Whole class"));
      adw_status_page_set_description (self->empty_status_page,
                                       _("When the evidence shows a learner who is stuck, a skill for a small group "
                                         "or a conference that is due, it appears here. Nothing changes until you decide."));
    }
}

static char *
format_decided_at (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return g_strndup (timestamp, 10);

  local = g_date_time_to_local (utc);
  /* Translators: the date and time of a decision, see g_date_time_format() */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

static GtkWidget *
create_history_row (TrellisSuggestion *s)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = format_decided_at (s->decided_at);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *decision;

  switch (s->decision)
    {
    case TRELLIS_DECISION_ACCEPTED:
      decision = _("Accepted");
      break;

    case TRELLIS_DECISION_DISMISSED:
      decision = _("Dismissed");
      break;

    case TRELLIS_DECISION_SNOOZED:
      decision = _("Snoozed");
      break;

    case TRELLIS_DECISION_NONE:
    default:
      decision = "";
      break;
    }

  /* Translators: a past decision, "Small group: Accepted" */
  title = g_strdup_printf (_("%s: %s"), trellis_suggestion_kind_get_title (s->kind), decision);

  g_string_append (subtitle, when);
  if (s->decision_reason != NULL)
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, trellis_suggestion_reason_get_label (s->decision_reason));
    }
  if (s->decision == TRELLIS_DECISION_SNOOZED && s->snoozed_until != NULL)
    {
      g_string_append (subtitle, " · ");
      /* Translators: %s is a date */
      g_string_append_printf (subtitle, _("until %s"), s->snoozed_until);
    }
  if (s->reason != NULL)
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, s->reason);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
rebuild_history (TrellisRecommendationsPane *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  if (self->classroom == NULL)
    return;

  history = trellis_recommender_history (self->classroom,
                                         self->learner ? trellis_learner_get_id (self->learner) : 0,
                                         &error);
  if (history == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < history->len; i++)
    gtk_list_box_append (self->history_list, create_history_row (g_ptr_array_index (history, i)));
}

static void
update_page (TrellisRecommendationsPane *self)
{
  gboolean any_history = gtk_widget_get_first_child (GTK_WIDGET (self->history_list)) != NULL;
  gboolean any_suggestion = gtk_widget_get_first_child (self->groups_box) != NULL;

  if (self->show_history)
    gtk_stack_set_visible_child_name (self->stack, any_history ? "history" : "history-empty");
  else
    gtk_stack_set_visible_child_name (self->stack, any_suggestion ? "suggestions" : "empty");
}

static gboolean
same_suggestions (GPtrArray *a,
                  GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      if (!trellis_suggestion_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
        return FALSE;
    }

  return TRUE;
}

/* Recomputes everything; rebuilds the cards only when something changed,
 * so that a refresh after an edit elsewhere keeps the pane as it is. */
static void
refresh (TrellisRecommendationsPane *self)
{
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (self->recommender == NULL)
    {
      rebuild (self);
      return;
    }

  old = g_ptr_array_ref (trellis_recommender_get_suggestions (self->recommender));

  g_signal_handlers_block_by_func (self->recommender, on_recommender_changed_cb, self);
  start = g_get_monotonic_time ();
  if (!trellis_recommender_refresh (self->recommender, &error))
    show_error (self, error);
  g_debug ("Recommendations recomputed in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_signal_handlers_unblock_by_func (self->recommender, on_recommender_changed_cb, self);

  if (!self->built || !same_suggestions (old, trellis_recommender_get_suggestions (self->recommender)))
    rebuild (self);
}

/* Edits made in another window (conference mode, an import) show when
 * the teacher comes back to this one. */
static void
on_root_is_active_cb (TrellisRecommendationsPane *self,
                      GParamSpec                 *pspec,
                      GtkWindow                  *window)
{
  if (gtk_window_is_active (window) && self->recommender != NULL)
    refresh (self);
}

/*
 * Finds the option @node_id and the choice group it belongs to; FALSE if
 * it is not an option of a choice group (any more).
 */
static gboolean
find_choice_option (TrellisClassroom  *classroom,
                    gint64             node_id,
                    TrellisNode      **out_group,
                    TrellisNode      **out_option)
{
  GListModel *playlists = trellis_classroom_get_playlists (classroom);

  for (guint p = 0; p < g_list_model_get_n_items (playlists); p++)
    {
      g_autoptr(TrellisPlaylist) playlist = g_list_model_get_item (playlists, p);
      GListModel *nodes = trellis_classroom_get_nodes (classroom, playlist, NULL);

      for (guint n = 0; n < g_list_model_get_n_items (nodes); n++)
        {
          g_autoptr(TrellisNode) group = g_list_model_get_item (nodes, n);
          GListModel *options;

          if (trellis_node_get_kind (group) != TRELLIS_NODE_KIND_CHOICE)
            continue;

          options = trellis_classroom_get_nodes (classroom, playlist, group);
          for (guint o = 0; o < g_list_model_get_n_items (options); o++)
            {
              g_autoptr(TrellisNode) option = g_list_model_get_item (options, o);

              if (trellis_node_get_id (option) == node_id)
                {
                  *out_group = g_steal_pointer (&group);
                  *out_option = g_steal_pointer (&option);
                  return TRUE;
                }
            }
        }
    }

  return FALSE;
}

/*
 * Accepting "ready for more" assigns the challenge option it names as the
 * learner's choice in that group.  Returns the toast title, or NULL when
 * the suggestion names no option.
 */
static char *
assign_challenge (TrellisRecommendationsPane  *self,
                  TrellisSuggestion           *s,
                  GError                     **error)
{
  g_autoptr(TrellisNode) group = NULL;
  g_autoptr(TrellisNode) option = NULL;
  TrellisLearner *learner;

  if (s->node_id <= 0 || s->learners->len != 1 ||
      !find_choice_option (self->classroom, s->node_id, &group, &option))
    return NULL;

  learner = trellis_classroom_lookup_learner (self->classroom,
                                              g_array_index (s->learners, TrellisSuggestionLearner, 0).id);
  if (learner == NULL ||
      !trellis_progress_choose (self->classroom, learner, group, &option, 1, error))
    return NULL;

  /* Translators: the first %s is an activity, the second a learner */
  return g_markup_printf_escaped (_("“%s” assigned to %s"),
                                  trellis_node_get_title (option),
                                  trellis_learner_get_display_name (learner));
}

static void
decide (TrellisRecommendationsPane *self,
        TrellisSuggestion          *s,
        TrellisDecision             decision,
        const char                 *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 id = 0;

  switch (decision)
    {
    case TRELLIS_DECISION_ACCEPTED:
      id = trellis_recommender_accept (self->classroom, s, reason, &error);
      break;

    case TRELLIS_DECISION_DISMISSED:
      id = trellis_recommender_dismiss (self->classroom, s, reason, &error);
      break;

    case TRELLIS_DECISION_SNOOZED:
      id = trellis_recommender_snooze (self->classroom, s, NULL, reason, &error);
      break;

    case TRELLIS_DECISION_NONE:
    default:
      g_assert_not_reached ();
    }

  if (id == 0)
    {
      show_error (self, error);
      return;
    }

  if (decision == TRELLIS_DECISION_ACCEPTED && s->kind == TRELLIS_SUGGESTION_SMALL_GROUP)
    {
      /* The core names the group so. */
      g_autofree char *group = g_strdup_printf (_("Small group: %s"), s->skill_name ? s->skill_name : "");

      /* Translators: %s is the new group's title */
      title = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                    "Group “%s” created with %u learner",
                                                    "Group “%s” created with %u learners",
                                                    s->learners->len),
                                       group, s->learners->len);
    }
  else if (decision == TRELLIS_DECISION_ACCEPTED && s->kind == TRELLIS_SUGGESTION_PEER_PAIR)
    {
      g_autofree char *group = g_strdup_printf (_("Pair: %s"), s->skill_name ? s->skill_name : "");

      /* Translators: %s is the new pair's title */
      title = g_markup_printf_escaped (_("Pair “%s” recorded"), group);
    }
  else if (decision == TRELLIS_DECISION_ACCEPTED && s->kind == TRELLIS_SUGGESTION_READY_FOR_MORE &&
           (title = assign_challenge (self, s, &error)) != NULL)
    ;
  else if (decision == TRELLIS_DECISION_ACCEPTED)
    {
      if (error != NULL)
        show_error (self, error);
      title = g_strdup (_("Suggestion accepted"));
    }
  else if (decision == TRELLIS_DECISION_DISMISSED)
    title = g_strdup (_("Suggestion dismissed"));
  else
    title = g_strdup (_("Suggestion snoozed for a week"));

  toast = adw_toast_new (title);

  /* Accepting a suggestion about one learner: offer to open them. */
  if (decision == TRELLIS_DECISION_ACCEPTED && s->learners->len == 1 &&
      (self->learner == NULL ||
       trellis_learner_get_id (self->learner) != g_array_index (s->learners, TrellisSuggestionLearner, 0).id))
    {
      adw_toast_set_button_label (toast, _("_Open Learner"));
      adw_toast_set_action_name (toast, "win.select-learner");
      adw_toast_set_action_target_value (toast,
                                         g_variant_new_int64 (g_array_index (s->learners, TrellisSuggestionLearner, 0).id));
    }

  show_toast (self, toast);

  /* A conference that is due: accepting opens the learner in conference mode. */
  if (decision == TRELLIS_DECISION_ACCEPTED && s->kind == TRELLIS_SUGGESTION_CONFERENCE_DUE &&
      s->learners->len == 1)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.select-learner", "x",
                                  g_array_index (s->learners, TrellisSuggestionLearner, 0).id);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.conference", NULL);
    }

  refresh (self);
  rebuild_history (self);
  update_page (self);
}

static void
on_row_decided_cb (TrellisSuggestionRow       *row,
                   guint                       decision,
                   const char                 *reason,
                   TrellisRecommendationsPane *self)
{
  g_autoptr(TrellisSuggestion) s = trellis_suggestion_ref (trellis_suggestion_row_get_suggestion (row));

  if (!is_writable (self))
    return;

  decide (self, s, (TrellisDecision) decision, reason);
}

static GtkWidget *
create_group (TrellisRecommendationsPane *self,
              TrellisSuggestionKind       kind,
              guint                       n_suggestions,
              GtkListBox                **list_box)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (trellis_suggestion_kind_get_title (kind));
  g_autofree char *count_text = g_strdup_printf ("%u", n_suggestions);
  GtkWidget *count = gtk_label_new (count_text);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_name (group, trellis_suggestion_kind_to_string (kind));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_end (header, 6);
  gtk_box_append (GTK_BOX (header), heading);
  gtk_widget_set_hexpand (count, TRUE);
  gtk_label_set_xalign (GTK_LABEL (count), 1);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (header), count);
  gtk_box_append (GTK_BOX (group), header);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, trellis_suggestion_kind_get_title (kind),
                                  -1);
  gtk_box_append (GTK_BOX (group), list);

  *list_box = GTK_LIST_BOX (list);
  return group;
}

/* Rebuilds the cards from the recommender's suggestions, keeping the
 * "Why?" expanders that were open. */
static void
rebuild (TrellisRecommendationsPane *self)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkListBox *list = NULL;
  GtkWidget *child;
  GPtrArray *suggestions;
  int current_kind = -1;
  gint64 learner_id;

  while ((child = gtk_widget_get_first_child (self->groups_box)) != NULL)
    {
      GtkWidget *group_list = gtk_widget_get_last_child (child);

      for (GtkWidget *row = gtk_widget_get_first_child (group_list);
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          if (TRELLIS_IS_SUGGESTION_ROW (row) &&
              trellis_suggestion_row_get_expanded (TRELLIS_SUGGESTION_ROW (row)))
            g_hash_table_add (expanded,
                              g_strdup (trellis_suggestion_row_get_suggestion (TRELLIS_SUGGESTION_ROW (row))->key));
        }

      gtk_box_remove (GTK_BOX (self->groups_box), child);
    }

  if (self->recommender != NULL)
    {
      suggestions = trellis_recommender_get_suggestions (self->recommender);
      learner_id = self->learner != NULL ? trellis_learner_get_id (self->learner) : 0;

      for (guint i = 0; i < suggestions->len; i++)
        {
          TrellisSuggestion *s = g_ptr_array_index (suggestions, i);
          GtkWidget *row;

          if (learner_id != 0 && !names_learner (s, learner_id))
            continue;

          if ((int) s->kind != current_kind)
            {
              guint n = 0;

              for (guint j = i; j < suggestions->len; j++)
                {
                  TrellisSuggestion *other = g_ptr_array_index (suggestions, j);

                  if (other->kind != s->kind)
                    break;
                  if (learner_id == 0 || names_learner (other, learner_id))
                    n++;
                }

              gtk_box_append (GTK_BOX (self->groups_box), create_group (self, s->kind, n, &list));
              current_kind = (int) s->kind;
            }

          row = trellis_suggestion_row_new (s);
          trellis_suggestion_row_set_editable (TRELLIS_SUGGESTION_ROW (row), is_writable (self));
          trellis_suggestion_row_set_can_open (TRELLIS_SUGGESTION_ROW (row), learner_id == 0);
          if (g_hash_table_contains (expanded, s->key))
            trellis_suggestion_row_set_expanded (TRELLIS_SUGGESTION_ROW (row), TRUE);
          g_signal_connect_object (row, "decided", G_CALLBACK (on_row_decided_cb), self, 0);
          gtk_list_box_append (list, row);
        }
    }

  self->built = self->recommender != NULL;
  update_page (self);
}

static void
on_recommender_changed_cb (TrellisRecommendationsPane *self)
{
  rebuild (self);
}

/* Applies the data changes collected since the last idle, incrementally
 * where the recommender can, and rebuilds the cards once. */
static gboolean
apply_pending_cb (gpointer user_data)
{
  TrellisRecommendationsPane *self = user_data;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean ok = TRUE;

  self->pending_id = 0;
  if (self->recommender == NULL)
    return G_SOURCE_REMOVE;

  if (self->pending_all)
    {
      self->pending_all = FALSE;
      g_array_set_size (self->pending_evidence, 0);
      g_array_set_size (self->pending_learners, 0);
      refresh (self);
      return G_SOURCE_REMOVE;
    }

  old = g_ptr_array_ref (trellis_recommender_get_suggestions (self->recommender));
  g_signal_handlers_block_by_func (self->recommender, on_recommender_changed_cb, self);

  for (guint i = 0; ok && i < self->pending_evidence->len; i++)
    {
      TrellisEvidenceKey *key = &g_array_index (self->pending_evidence, TrellisEvidenceKey, i);

      ok = trellis_recommender_evidence_changed (self->recommender, key->learner_id, key->skill_id, &error);
    }
  for (guint i = 0; ok && i < self->pending_learners->len; i++)
    ok = trellis_recommender_progress_changed (self->recommender, g_array_index (self->pending_learners, gint64, i),
                                               &error);

  g_signal_handlers_unblock_by_func (self->recommender, on_recommender_changed_cb, self);
  g_array_set_size (self->pending_evidence, 0);
  g_array_set_size (self->pending_learners, 0);
  g_debug ("Recommendations updated in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  if (!ok)
    show_error (self, error);

  if (!same_suggestions (old, trellis_recommender_get_suggestions (self->recommender)))
    rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
on_data_changed_cb (TrellisRecommendationsPane *self,
                    const TrellisDataChange    *change)
{
  /* An import, a remapped gradebook item, items or skills removed or put
   * back, a refit: recompute everything. */
  if (change->learner_id == 0 ||
      (change->kinds & (TRELLIS_DATA_CURRICULUM | TRELLIS_DATA_MASTERY)) != 0)
    self->pending_all = TRUE;

  for (guint i = 0; !self->pending_all && i < change->evidence->len; i++)
    {
      TrellisEvidenceKey *key = &g_array_index (change->evidence, TrellisEvidenceKey, i);
      gboolean seen = FALSE;

      for (guint j = 0; !seen && j < self->pending_evidence->len; j++)
        {
          TrellisEvidenceKey *other = &g_array_index (self->pending_evidence, TrellisEvidenceKey, j);

          seen = other->learner_id == key->learner_id && other->skill_id == key->skill_id;
        }
      if (!seen)
        g_array_append_val (self->pending_evidence, *key);
    }

  if (!self->pending_all && (change->kinds & (TRELLIS_DATA_PROGRESS | TRELLIS_DATA_CHOICES)) != 0)
    {
      gboolean seen = FALSE;

      for (guint j = 0; !seen && j < self->pending_learners->len; j++)
        seen = g_array_index (self->pending_learners, gint64, j) == change->learner_id;
      if (!seen)
        g_array_append_val (self->pending_learners, change->learner_id);
    }

  if (self->pending_id == 0)
    self->pending_id = g_idle_add (apply_pending_cb, self);
}

static void
on_learners_changed_cb (TrellisRecommendationsPane *self)
{
  refresh (self);
  if (self->show_history)
    rebuild_history (self);
  update_page (self);
}

static void
on_learner_display_name_cb (TrellisRecommendationsPane *self)
{
  update_scope (self);
}

static void
show_class_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  trellis_recommendations_pane_set_learner (TRELLIS_RECOMMENDATIONS_PANE (widget), NULL);
}

static void
disconnect_classroom (TrellisRecommendationsPane *self,
                      TrellisClassroom           *classroom)
{
  if (classroom == NULL)
    return;

  g_signal_handlers_disconnect_by_func (trellis_classroom_get_learners (classroom),
                                        on_learners_changed_cb, self);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  self->pending_all = FALSE;
  g_array_set_size (self->pending_evidence, 0);
  g_array_set_size (self->pending_learners, 0);
  if (self->recommender != NULL)
    g_signal_handlers_disconnect_by_func (self->recommender, on_recommender_changed_cb, self);
  g_clear_object (&self->recommender);
}

static void
trellis_recommendations_pane_root (GtkWidget *widget)
{
  TrellisRecommendationsPane *self = TRELLIS_RECOMMENDATIONS_PANE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (trellis_recommendations_pane_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->root = GTK_WINDOW (root);
      g_signal_connect_object (root, "notify::is-active",
                               G_CALLBACK (on_root_is_active_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
trellis_recommendations_pane_unroot (GtkWidget *widget)
{
  TrellisRecommendationsPane *self = TRELLIS_RECOMMENDATIONS_PANE (widget);

  if (self->root != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->root, on_root_is_active_cb, self);
      self->root = NULL;
    }

  GTK_WIDGET_CLASS (trellis_recommendations_pane_parent_class)->unroot (widget);
}

static void
trellis_recommendations_pane_classroom_changed (TrellisClassroomView *view,
                                                TrellisClassroom     *old_classroom)
{
  TrellisRecommendationsPane *self = TRELLIS_RECOMMENDATIONS_PANE (view);
  TrellisClassroom *classroom = trellis_classroom_view_get_classroom (view);

  disconnect_classroom (self, old_classroom);
  self->classroom = NULL;
  trellis_recommendations_pane_set_learner (self, NULL);

  self->classroom = classroom;
  if (classroom != NULL)
    {
      self->recommender = trellis_recommender_new (classroom);
      g_signal_connect_swapped (self->recommender, "changed",
                                G_CALLBACK (on_recommender_changed_cb), self);
      g_signal_connect_swapped (trellis_classroom_get_learners (classroom), "items-changed",
                                G_CALLBACK (on_learners_changed_cb), self);
    }

  self->built = FALSE;
  refresh (self);
  rebuild_history (self);
  update_page (self);
}

static void
trellis_recommendations_pane_learner_changed (TrellisClassroomView *view,
                                              TrellisLearner       *old_learner)
{
  TrellisRecommendationsPane *self = TRELLIS_RECOMMENDATIONS_PANE (view);

  self->learner = trellis_classroom_view_get_learner (view);

  /* Moving to another learner also picks up edits made on the page of
   * the previous one; the cards change with the scope anyway. */
  update_scope (self);
  self->built = FALSE;
  refresh (self);
  rebuild_history (self);
  update_page (self);
}

static void
trellis_recommendations_pane_dispose (GObject *object)
{
  TrellisRecommendationsPane *self = TRELLIS_RECOMMENDATIONS_PANE (object);
  GtkWidget *child;

  disconnect_classroom (self, self->classroom);
  /* The base class lets them go after this. */
  self->learner = NULL;
  self->classroom = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_RECOMMENDATIONS_PANE);

  /* The separator has no id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_recommendations_pane_parent_class)->dispose (object);
}

static void
trellis_recommendations_pane_finalize (GObject *object)
{
  TrellisRecommendationsPane *self = TRELLIS_RECOMMENDATIONS_PANE (object);

  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->pending_evidence, g_array_unref);
  g_clear_pointer (&self->pending_learners, g_array_unref);

  G_OBJECT_CLASS (trellis_recommendations_pane_parent_class)->finalize (object);
}

static void
trellis_recommendations_pane_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  TrellisRecommendationsPane *self = TRELLIS_RECOMMENDATIONS_PANE (object);

  switch (prop_id)
    {
    case PROP_SHOW_HISTORY:
      g_value_set_boolean (value, self->show_history);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_recommendations_pane_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  TrellisRecommendationsPane *self = TRELLIS_RECOMMENDATIONS_PANE (object);

  switch (prop_id)
    {
    case PROP_SHOW_HISTORY:
      trellis_recommendations_pane_set_show_history (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_recommendations_pane_class_init (TrellisRecommendationsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisClassroomViewClass *view_class = TRELLIS_CLASSROOM_VIEW_CLASS (klass);

  object_class->dispose = trellis_recommendations_pane_dispose;
  object_class->finalize = trellis_recommendations_pane_finalize;
  object_class->get_property = trellis_recommendations_pane_get_property;
  object_class->set_property = trellis_recommendations_pane_set_property;

  widget_class->root = trellis_recommendations_pane_root;
  widget_class->unroot = trellis_recommendations_pane_unroot;

  view_class->classroom_changed = trellis_recommendations_pane_classroom_changed;
  view_class->learner_changed = trellis_recommendations_pane_learner_changed;

  properties[PROP_SHOW_HISTORY] =
    g_param_spec_boolean ("show-history", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-recommendations-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisRecommendationsPane, scope_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisRecommendationsPane, class_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisRecommendationsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisRecommendationsPane, scope_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisRecommendationsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisRecommendationsPane, groups_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisRecommendationsPane, empty_status_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisRecommendationsPane, history_list);

  gtk_widget_class_install_action (widget_class, "recommendations.show-class", NULL, show_class_action);
  gtk_widget_class_install_property_action (widget_class, "recommendations.show-history", "show-history");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recommendations");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (TRELLIS_TYPE_SUGGESTION_ROW);
}

static void
trellis_recommendations_pane_init (TrellisRecommendationsPane *self)
{
  GtkLayoutManager *layout;

  self->pending_evidence = g_array_new (FALSE, FALSE, sizeof (TrellisEvidenceKey));
  self->pending_learners = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  trellis_classroom_view_connect_classroom (TRELLIS_CLASSROOM_VIEW (self), "data-changed",
                                            G_CALLBACK (on_data_changed_cb), G_CONNECT_SWAPPED);
  trellis_classroom_view_connect_learner (TRELLIS_CLASSROOM_VIEW (self), "notify::display-name",
                                          G_CALLBACK (on_learner_display_name_cb), G_CONNECT_SWAPPED);

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggestions"),
                                  -1);

  update_scope (self);
  update_page (self);
}

GtkWidget *
trellis_recommendations_pane_new (void)
{
  return g_object_new (TRELLIS_TYPE_RECOMMENDATIONS_PANE, NULL);
}

/**
 * trellis_recommendations_pane_get_classroom:
 *
 * Returns: (transfer none) (nullable): the classroom
 */
TrellisClassroom *
trellis_recommendations_pane_get_classroom (TrellisRecommendationsPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self), NULL);

  return self->classroom;
}

void
trellis_recommendations_pane_set_classroom (TrellisRecommendationsPane *self,
                                            TrellisClassroom           *classroom)
{
  g_return_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self));

  trellis_classroom_view_set_classroom (TRELLIS_CLASSROOM_VIEW (self), classroom);
}

/**
 * trellis_recommendations_pane_get_learner:
 *
 * Returns: (transfer none) (nullable): the learner the pane is scoped to,
 *   or %NULL for the whole class
 */
TrellisLearner *
trellis_recommendations_pane_get_learner (TrellisRecommendationsPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self), NULL);

  return self->learner;
}

void
trellis_recommendations_pane_set_learner (TrellisRecommendationsPane *self,
                                          TrellisLearner             *learner)
{
  g_return_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self));

  trellis_classroom_view_set_learner (TRELLIS_CLASSROOM_VIEW (self), learner);
}

gboolean
trellis_recommendations_pane_get_show_history (TrellisRecommendationsPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self), FALSE);

  return self->show_history;
}

void
trellis_recommendations_pane_set_show_history (TrellisRecommendationsPane *self,
                                               gboolean                    show_history)
{
  g_return_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self));

  show_history = !!show_history;
  if (self->show_history == show_history)
    return;

  self->show_history = show_history;
  if (show_history)
    rebuild_history (self);
  update_scope (self);
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_HISTORY]);
}

void
trellis_recommendations_pane_refresh (TrellisRecommendationsPane *self)
{
  g_return_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self));

  refresh (self);
}

void
trellis_recommendations_pane_evidence_changed (TrellisRecommendationsPane *self,
                                               gint64                      learner_id,
                                               gint64                      skill_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self));

  if (self->recommender != NULL &&
      !trellis_recommender_evidence_changed (self->recommender, learner_id, skill_id, &error))
    show_error (self, error);
}

void
trellis_recommendations_pane_progress_changed (TrellisRecommendationsPane *self,
                                               gint64                      learner_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self));

  if (self->recommender != NULL &&
      !trellis_recommender_progress_changed (self->recommender, learner_id, &error))
    show_error (self, error);
}

const char *
_trellis_recommendations_pane_get_visible_page (TrellisRecommendationsPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
_trellis_recommendations_pane_get_groups_box (TrellisRecommendationsPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self), NULL);

  return self->groups_box;
}

GtkListBox *
_trellis_recommendations_pane_get_history_list (TrellisRecommendationsPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self), NULL);

  return self->history_list;
}

const char *
_trellis_recommendations_pane_get_scope_label (TrellisRecommendationsPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self), NULL);

  return gtk_label_get_label (self->scope_label);
}

const char *
_trellis_recommendations_pane_get_last_toast (TrellisRecommendationsPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self), NULL);

  return self->last_toast;
}

TrellisRecommender *
_trellis_recommendations_pane_get_recommender (TrellisRecommendationsPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOMMENDATIONS_PANE (self), NULL);

  return self->recommender;
}
