/* trellis-learner-page.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-conference-window.h"
#include "trellis-learner-page-private.h"
#include "trellis-learner-summary.h"
#include "trellis-print.h"
#include "trellis-print-dialog.h"
#include "trellis-profile.h"
#include "trellis-profile-links.h"
#include "trellis-profile-rows.h"
#include "trellis-window.h"

/*
 * TrellisLearnerPage: the selected learner's profile as a living document.
 * A header (avatar, names, pronouns, self-regulation, SIS id), the profile
 * entries by kind, goals with their history, recent reflections, the
 * mastery summary and the conference history.
 *
 * Every edit goes through the core at once (one transaction each); errors
 * show as toasts.  After an edit the sections are rebuilt from the file on
 * idle, so a row is never destroyed while its own signal runs.
 */

#define N_RECENT_REFLECTIONS 5

typedef enum
{
  GOAL_DIALOG_ADD,
  GOAL_DIALOG_EDIT,
  GOAL_DIALOG_REVISE,
  GOAL_DIALOG_STATUS,
} GoalDialogMode;

struct _TrellisLearnerPage
{
  TrellisClassroomView     parent_instance;

  /* The base class's, which owns them and keeps our handlers on them. */
  TrellisClassroom        *classroom;
  TrellisLearner          *learner;
  guint                    reload_source;
  guint                    mastery_source;
  gboolean                 curriculum_pending;  /* with mastery_source */
  GtkWidget               *mastery_group;   /* in sections_box, or NULL */
  GtkWidget               *goals_group;     /* in sections_box, or NULL */

  /* The entry deleted last, until its toast goes. */
  TrellisProfileEntry     *deleted_entry;
  AdwToast                *undo_toast;

  /* The goal dialog and what it does. */
  AdwMessageDialog        *goal_dialog;
  AdwEntryRow             *goal_rows[TRELLIS_GOAL_N_FIELDS];
  GoalDialogMode           goal_mode;
  gint64                   goal_id;
  TrellisGoalStatus        goal_status;
  GPtrArray               *goal_skill_checks;  /* GtkCheckButton, "skill-id" data */
  GArray                  *goal_skills_before; /* gint64 */

  TrellisConferenceWindow *conference_window;
  GtkFileChooserNative    *file_chooser;
  gboolean                 export_conference;

  /* Rebuilt with the sections. */
  AdwEntryRow             *add_entry_rows[TRELLIS_PROFILE_N_KINDS];
  AdwEntryRow             *add_reflection_row;
  AdwComboRow             *reflection_author;
  AdwComboRow             *reflection_about;
  GPtrArray               *reflection_targets;  /* TrellisReflectionTarget, after "nothing" */

  AdwAvatar               *avatar;
  GtkLabel                *name_label;
  GtkLabel                *pronouns_label;
  AdwEntryRow             *preferred_name_row;
  AdwEntryRow             *pronouns_row;
  AdwEntryRow             *sis_id_row;
  AdwComboRow             *self_regulation_row;
  AdwActionRow            *revisited_row;
  GtkLabel                *stale_label;
  GtkBox                  *sections_box;
};

G_DEFINE_FINAL_TYPE (TrellisLearnerPage, trellis_learner_page, TRELLIS_TYPE_CLASSROOM_VIEW)

static void rebuild (TrellisLearnerPage *self);

/* Helpers */

static void
show_toast (TrellisLearnerPage *self,
            AdwToast           *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), TRELLIS_TYPE_WINDOW);

  if (window != NULL)
    trellis_window_add_toast (TRELLIS_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (TrellisLearnerPage *self,
            const GError       *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static gboolean
can_edit (TrellisLearnerPage *self)
{
  return self->classroom != NULL && self->learner != NULL &&
         !trellis_classroom_get_read_only (self->classroom);
}

static gboolean
on_reload_cb (gpointer data)
{
  TrellisLearnerPage *self = data;

  self->reload_source = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (TrellisLearnerPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (on_reload_cb, self);
}

static void refresh_mastery_group (TrellisLearnerPage *self);
static void refresh_goals_group (TrellisLearnerPage *self);
static void refresh_reflection_targets (TrellisLearnerPage *self);

static gboolean
on_mastery_refresh_cb (gpointer data)
{
  TrellisLearnerPage *self = data;

  self->mastery_source = 0;
  refresh_mastery_group (self);
  if (self->curriculum_pending)
    {
      refresh_goals_group (self);
      refresh_reflection_targets (self);
    }
  self->curriculum_pending = FALSE;
  return G_SOURCE_REMOVE;
}

/*
 * Evidence recorded elsewhere (the progress grid) or a refit: the mastery
 * summary shows it at once; a skill deleted or an item removed or put
 * back: also the skills the goals name and the milestones a reflection
 * can be about.  Only those parts are redrawn, from an idle (the lists
 * change after this emission), so that what the teacher is typing in the
 * rest of the page stays.
 */
static void
on_data_changed_cb (TrellisClassroom        *classroom,
                    const TrellisDataChange *change,
                    TrellisLearnerPage      *self)
{
  gboolean curriculum = (change->kinds & TRELLIS_DATA_CURRICULUM) != 0;

  if (self->learner == NULL)
    return;

  if (curriculum || (change->kinds & TRELLIS_DATA_MASTERY) != 0 ||
      ((change->kinds & TRELLIS_DATA_EVIDENCE) != 0 &&
       (change->learner_id == 0 || change->learner_id == trellis_learner_get_id (self->learner))))
    {
      self->curriculum_pending |= curriculum;
      if (self->mastery_source == 0)
        self->mastery_source = g_idle_add (on_mastery_refresh_cb, self);
    }
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  return group;
}

static GtkWidget *
new_menu_button (GMenuModel *menu,
                 const char *label)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return button;
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             gint64      id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (menu, item);
}

static const char *
add_entry_title (TrellisProfileKind kind)
{
  switch (kind)
    {
    case TRELLIS_PROFILE_KIND_INTEREST:
      return _("Add an interest");
    case TRELLIS_PROFILE_KIND_STRENGTH:
      return _("Add a strength");
    case TRELLIS_PROFILE_KIND_PREFERENCE:
      return _("Add how they like to learn");
    case TRELLIS_PROFILE_KIND_EXPERIENCE:
      return _("Add an out-of-school experience");
    case TRELLIS_PROFILE_KIND_NEED:
      return _("Add a need or accommodation");
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static const char *
kind_empty_text (TrellisProfileKind kind)
{
  switch (kind)
    {
    case TRELLIS_PROFILE_KIND_INTEREST:
      return _("What does this learner care about? Type it below and press Enter.");
    case TRELLIS_PROFILE_KIND_STRENGTH:
      return _("What is this learner good at? Type it below and press Enter.");
    case TRELLIS_PROFILE_KIND_PREFERENCE:
      return _("How does this learner like to learn? Type it below and press Enter.");
    case TRELLIS_PROFILE_KIND_EXPERIENCE:
      return _("What do they do outside school? Type it below and press Enter.");
    case TRELLIS_PROFILE_KIND_NEED:
      return _("Any needs or accommodations? Type them below and press Enter.");
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/* Callbacks */

static void
on_entry_apply_cb (AdwEntryRow        *row,
                   TrellisLearnerPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "entry-id"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (!can_edit (self))
    return;

  if (!trellis_profile_update_entry (self->classroom, id, text, &error))
    show_error (self, error);

  queue_rebuild (self);
}

static void
on_add_entry_apply_cb (AdwEntryRow        *row,
                       TrellisLearnerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  TrellisProfileKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));

  if (!can_edit (self) || text[0] == '\0')
    return;

  if (trellis_profile_add_entry (self->classroom, self->learner, kind, text, &error) == 0)
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  queue_rebuild (self);
}

static void
on_add_reflection_apply_cb (AdwEntryRow        *row,
                            TrellisLearnerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  TrellisReflectionAuthor author;
  gint64 goal_id = 0, node_id = 0;
  guint about;

  if (!can_edit (self) || text[0] == '\0')
    return;

  author = adw_combo_row_get_selected (self->reflection_author) == 1
           ? TRELLIS_REFLECTION_AUTHOR_LEARNER
           : TRELLIS_REFLECTION_AUTHOR_TEACHER;

  /* The first item is "nothing in particular". */
  about = adw_combo_row_get_selected (self->reflection_about);
  if (about != GTK_INVALID_LIST_POSITION && about > 0 &&
      self->reflection_targets != NULL && about - 1 < self->reflection_targets->len)
    {
      TrellisReflectionTarget *target = g_ptr_array_index (self->reflection_targets, about - 1);

      goal_id = target->goal_id;
      node_id = target->node_id;
    }

  if (trellis_profile_add_reflection (self->classroom, self->learner, author, text,
                                      NULL, goal_id, node_id, 0, &error) == 0)
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  queue_rebuild (self);
}

static void
on_undo_toast_dismissed_cb (AdwToast           *toast,
                            TrellisLearnerPage *self)
{
  g_signal_handlers_disconnect_by_data (toast, self);
  g_clear_object (&self->undo_toast);
  g_clear_pointer (&self->deleted_entry, trellis_profile_entry_free);
}

static void
on_undo_toast_button_clicked_cb (AdwToast           *toast,
                                 TrellisLearnerPage *self)
{
  g_autoptr(TrellisProfileEntry) entry = g_steal_pointer (&self->deleted_entry);
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_data (toast, self);
  g_clear_object (&self->undo_toast);

  if (entry == NULL || self->classroom == NULL)
    return;

  if (!trellis_profile_restore_entry (self->classroom, entry, &error))
    show_error (self, error);

  queue_rebuild (self);
}

static void
close_goal_dialog (TrellisLearnerPage *self)
{
  AdwMessageDialog *dialog = g_steal_pointer (&self->goal_dialog);

  if (dialog == NULL)
    return;

  g_signal_handlers_disconnect_by_data (dialog, self);
  for (guint i = 0; i < TRELLIS_GOAL_N_FIELDS; i++)
    self->goal_rows[i] = NULL;
  g_clear_pointer (&self->goal_skill_checks, g_ptr_array_unref);
  g_clear_pointer (&self->goal_skills_before, g_array_unref);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static char *
dup_field (TrellisLearnerPage *self,
           TrellisGoalField    field)
{
  char *text;

  if (self->goal_rows[field] == NULL)
    return NULL;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->goal_rows[field]))));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static gboolean
same_skills (GArray *a,
             GArray *b)
{
  guint len_a = a != NULL ? a->len : 0;
  guint len_b = b != NULL ? b->len : 0;

  if (len_a != len_b)
    return FALSE;

  for (guint i = 0; i < len_a; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < len_b && !found; j++)
        found = g_array_index (a, gint64, i) == g_array_index (b, gint64, j);
      if (!found)
        return FALSE;
    }

  return TRUE;
}

static void
on_goal_dialog_response_cb (AdwMessageDialog   *dialog,
                            const char         *response,
                            TrellisLearnerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = dup_field (self, TRELLIS_GOAL_FIELD_TITLE);
  g_autofree char *criteria = dup_field (self, TRELLIS_GOAL_FIELD_CRITERIA);
  g_autofree char *target_date = dup_field (self, TRELLIS_GOAL_FIELD_TARGET_DATE);
  g_autofree char *reason = dup_field (self, TRELLIS_GOAL_FIELD_REASON);
  /* NULL when the dialog did not offer them. */
  g_autoptr(GArray) skills = trellis_profile_rows_dup_checked_skills (self->goal_skill_checks);
  g_autoptr(GArray) skills_before = self->goal_skills_before ? g_array_ref (self->goal_skills_before) : NULL;
  gint64 goal_id = self->goal_id;
  gboolean ok = TRUE;

  close_goal_dialog (self);

  if (g_strcmp0 (response, "apply") != 0 || !can_edit (self))
    return;

  switch (self->goal_mode)
    {
    case GOAL_DIALOG_ADD:
      goal_id = trellis_profile_add_goal (self->classroom, self->learner, title, criteria,
                                          target_date, &error);
      ok = goal_id != 0;
      break;

    case GOAL_DIALOG_EDIT:
      ok = trellis_profile_update_goal (self->classroom, self->goal_id, title, criteria,
                                        target_date, &error);
      break;

    case GOAL_DIALOG_REVISE:
      ok = trellis_profile_revise_goal (self->classroom, self->goal_id, title, criteria,
                                        target_date, reason, &error);
      break;

    case GOAL_DIALOG_STATUS:
      ok = trellis_profile_set_goal_status (self->classroom, self->goal_id, self->goal_status,
                                            reason, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  /* The goal's skills, when the dialog offered them and they changed. */
  if (ok && skills != NULL && !same_skills (skills, skills_before))
    ok = trellis_profile_set_goal_skills (self->classroom, goal_id,
                                          (const gint64 *) skills->data, skills->len, &error);

  if (!ok)
    show_error (self, error);

  queue_rebuild (self);
}

static void
on_goal_title_changed_cb (TrellisLearnerPage *self)
{
  g_autofree char *title = dup_field (self, TRELLIS_GOAL_FIELD_TITLE);

  if (self->goal_dialog != NULL && self->goal_mode != GOAL_DIALOG_STATUS)
    adw_message_dialog_set_response_enabled (self->goal_dialog, "apply", title != NULL);
}

/*
 * The skills a goal is linked to, as a list of check rows (code and name)
 * under a heading; the classroom's skills in their order.
 */
static GtkWidget *
new_skills_picker (TrellisLearnerPage *self,
                   const TrellisGoal  *goal)
{
  GListModel *skills = trellis_classroom_get_skills (self->classroom);
  guint n_skills = skills != NULL ? g_list_model_get_n_items (skills) : 0;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading;
  GtkWidget *scrolled;
  GtkWidget *list;

  self->goal_skill_checks = g_ptr_array_new ();
  self->goal_skills_before = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (goal != NULL && goal->skill_ids != NULL)
    g_array_append_vals (self->goal_skills_before, goal->skill_ids->data, goal->skill_ids->len);

  heading = gtk_label_new (_("Linked Skills"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Linked skills"),
                                  -1);

  if (n_skills == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         trellis_profile_rows_new_placeholder (_("This classroom has no skills yet. Add skills to a playlist’s activities, then link goals to them here.")));

  for (guint i = 0; i < n_skills; i++)
    {
      g_autoptr(TrellisSkill) skill = g_list_model_get_item (skills, i);
      gint64 id = trellis_skill_get_id (skill);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean linked = FALSE;

      for (guint j = 0; j < self->goal_skills_before->len; j++)
        if (g_array_index (self->goal_skills_before, gint64, j) == id)
          linked = TRUE;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_skill_get_code (skill));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), trellis_skill_get_name (skill));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), linked);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, trellis_skill_get_code (skill),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, trellis_skill_get_name (skill),
                                      -1);
      g_object_set_data (G_OBJECT (check), "skill-id", GSIZE_TO_POINTER (id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (self->goal_skill_checks, check);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 250);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);

  return box;
}

static void
show_goal_dialog (TrellisLearnerPage *self,
                  GoalDialogMode      mode,
                  const TrellisGoal  *goal,
                  TrellisGoalStatus   status)
{
  static const char *field_titles[TRELLIS_GOAL_N_FIELDS] = {
    N_("Goal"),
    N_("I will know I’ve met it when…"),
    N_("Target date (YYYY-MM-DD)"),
    N_("Reason"),
  };
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  const char *heading = NULL;
  const char *apply = NULL;
  GtkWidget *dialog;
  GtkWidget *list;

  close_goal_dialog (self);

  switch (mode)
    {
    case GOAL_DIALOG_ADD:
      heading = _("New Goal");
      apply = _("_Add");
      break;

    case GOAL_DIALOG_EDIT:
      heading = _("Edit Goal");
      apply = _("_Save");
      break;

    case GOAL_DIALOG_REVISE:
      heading = _("Revise Goal");
      apply = _("_Revise");
      break;

    case GOAL_DIALOG_STATUS:
      heading = trellis_goal_status_get_label (status);
      apply = _("_Change");
      break;

    default:
      g_assert_not_reached ();
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   goal != NULL && mode == GOAL_DIALOG_STATUS ? goal->title : NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", apply,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < TRELLIS_GOAL_N_FIELDS; i++)
    {
      gboolean shown;
      GtkWidget *row;

      if (i == TRELLIS_GOAL_FIELD_REASON)
        shown = mode == GOAL_DIALOG_REVISE || mode == GOAL_DIALOG_STATUS;
      else
        shown = mode != GOAL_DIALOG_STATUS;

      if (!shown)
        continue;

      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field_titles[i]));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      self->goal_rows[i] = ADW_ENTRY_ROW (row);

      if (goal != NULL)
        {
          const char *value = NULL;

          if (i == TRELLIS_GOAL_FIELD_TITLE)
            value = goal->title;
          else if (i == TRELLIS_GOAL_FIELD_CRITERIA)
            value = goal->success_criteria;
          else if (i == TRELLIS_GOAL_FIELD_TARGET_DATE)
            value = goal->target_date;

          gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
        }
    }

  if (mode != GOAL_DIALOG_STATUS)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      gtk_box_append (GTK_BOX (box), list);
      gtk_box_append (GTK_BOX (box), new_skills_picker (self, goal));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
    }
  else
    {
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
    }

  self->goal_dialog = ADW_MESSAGE_DIALOG (dialog);
  self->goal_mode = mode;
  self->goal_id = goal != NULL ? goal->id : 0;
  self->goal_status = status;

  g_signal_connect (dialog, "response", G_CALLBACK (on_goal_dialog_response_cb), self);
  if (self->goal_rows[TRELLIS_GOAL_FIELD_TITLE] != NULL)
    g_signal_connect_object (self->goal_rows[TRELLIS_GOAL_FIELD_TITLE], "changed",
                             G_CALLBACK (on_goal_title_changed_cb), self, G_CONNECT_SWAPPED);
  on_goal_title_changed_cb (self);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_conference_saved_cb (TrellisConferenceWindow *window,
                        gint64                   conference_id,
                        TrellisLearnerPage      *self)
{
  show_toast (self, adw_toast_new (_("Conference saved")));
  queue_rebuild (self);
}

static void
on_file_chooser_response_cb (GtkNativeDialog    *dialog,
                             int                 response,
                             TrellisLearnerPage *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->file_chooser);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT || self->classroom == NULL || self->learner == NULL)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;

  if (self->export_conference)
    ok = trellis_print_conference (self->classroom, self->learner, path, &error);
  else
    ok = trellis_print_profile (self->classroom, self->learner, path, &error);

  if (!ok)
    show_error (self, error);
  else
    show_toast (self, adw_toast_new (_("PDF exported")));
}

/* Building the sections */

static void
add_kind_group (TrellisLearnerPage            *self,
                TrellisProfileKind             kind,
                GPtrArray                     *entries,
                const TrellisProfileFreshness *freshness,
                guint                          stale_weeks)
{
  const char *last = freshness->last_revisited[kind];
  g_autofree char *description = NULL;
  GtkWidget *group;
  GtkWidget *add_row;
  guint n = 0;
  guint index = 0;

  for (guint i = 0; i < entries->len; i++)
    if (((TrellisProfileEntry *) g_ptr_array_index (entries, i))->kind == kind)
      n++;

  if (last != NULL)
    {
      g_autofree char *date = trellis_learner_summary_format_date (last);
      int days = trellis_profile_rows_days_since (self->classroom, last);

      if (days != G_MININT && days > (int) stale_weeks * 7)
        /* Translators: %s is a date */
        description = g_strdup_printf (_("Stale: last revisited %s"), date);
      else
        /* Translators: %s is a date */
        description = g_strdup_printf (_("Last revisited %s"), date);
    }

  group = new_group (trellis_profile_kind_get_label (kind), description);
  gtk_widget_add_css_class (group, "profile-kind");
  if (description != NULL && g_str_has_prefix (description, _("Stale")))
    gtk_widget_add_css_class (group, "stale");

  if (n == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), trellis_profile_rows_new_placeholder (kind_empty_text (kind)));

  for (guint i = 0; i < entries->len; i++)
    {
      TrellisProfileEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GMenu) menu = NULL;
      g_autofree char *date = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (entry->kind != kind)
        continue;

      date = trellis_learner_summary_format_date (entry->revisited_on);
      /* Translators: %s is a date */
      title = g_strdup_printf (_("Revisited %s"), date ? date : "");

      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (row), entry->text);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "entry-id", GSIZE_TO_POINTER (entry->id));
      g_signal_connect (row, "apply", G_CALLBACK (on_entry_apply_cb), self);

      menu = g_menu_new ();
      append_item (menu, _("Mark _Revisited"), "profile.revisit-entry", entry->id);
      if (index > 0)
        append_item (menu, _("Move _Up"), "profile.move-entry-up", entry->id);
      if (index + 1 < n)
        append_item (menu, _("Move _Down"), "profile.move-entry-down", entry->id);
      append_item (menu, _("_Delete"), "profile.delete-entry", entry->id);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), new_menu_button (G_MENU_MODEL (menu), _("Entry Actions")));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      index++;
    }

  add_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), add_entry_title (kind));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (add_row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add_row), TRUE);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (add_row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  g_object_set_data (G_OBJECT (add_row), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (add_row, "apply", G_CALLBACK (on_add_entry_apply_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add_row);
  self->add_entry_rows[kind] = ADW_ENTRY_ROW (add_row);

  gtk_box_append (self->sections_box, group);
}

static GtkWidget *
goals_group_new (TrellisLearnerPage *self)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) mastery = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group;
  GtkWidget *add_button;

  goals = trellis_profile_list_goals (self->classroom, self->learner, &error);
  if (goals == NULL)
    {
      show_error (self, error);
      return NULL;
    }
  mastery = trellis_learner_summary_list_mastery (self->classroom, self->learner, NULL);

  group = new_group (_("Goals"), NULL);
  add_button = gtk_button_new_with_mnemonic (_("_Add Goal…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "profile.add-goal");
  gtk_widget_add_css_class (add_button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add_button);

  if (goals->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               trellis_profile_rows_new_placeholder (_("No goals yet. Agree one with the learner, then use Add Goal to write it down with how they will know they met it.")));

  for (guint i = 0; i < goals->len; i++)
    {
      TrellisGoal *goal = g_ptr_array_index (goals, i);
      g_autoptr(GPtrArray) revisions = NULL;
      g_autoptr(GMenu) menu = g_menu_new ();
      GtkWidget *row;

      /* The goal and its progress on the linked skills, then its history. */
      row = trellis_profile_rows_new_goal (self->classroom, goal, mastery, NULL);

      append_item (menu, _("_Edit…"), "profile.edit-goal", goal->id);
      append_item (menu, _("Re_vise…"), "profile.revise-goal", goal->id);
      if (goal->status != TRELLIS_GOAL_STATUS_MET)
        append_item (menu, _("Mark _Met…"), "profile.goal-met", goal->id);
      if (goal->status != TRELLIS_GOAL_STATUS_DROPPED)
        append_item (menu, _("D_rop…"), "profile.goal-dropped", goal->id);
      if (goal->status == TRELLIS_GOAL_STATUS_MET || goal->status == TRELLIS_GOAL_STATUS_DROPPED)
        append_item (menu, _("Make _Active Again…"), "profile.goal-active", goal->id);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), new_menu_button (G_MENU_MODEL (menu), _("Goal Actions")));

      revisions = trellis_profile_list_goal_revisions (self->classroom, goal->id, NULL);
      if (revisions == NULL || revisions->len == 0)
        {
          g_autofree char *created = trellis_learner_summary_format_date (goal->created_on);
          /* Translators: %s is a date */
          g_autofree char *text = g_strdup_printf (_("Set %s; not revised since."), created);

          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), trellis_profile_rows_new_placeholder (text));
        }
      else
        {
          for (guint r = revisions->len; r > 0; r--)
            {
              TrellisGoalRevision *revision = g_ptr_array_index (revisions, r - 1);
              g_autofree char *date = trellis_learner_summary_format_date (revision->changed_on);
              g_autofree char *title = NULL;
              GString *subtitle_text = g_string_new (NULL);
              GtkWidget *history_row = adw_action_row_new ();

              /* Translators: a goal's history: date, old status → new status */
              title = g_strdup_printf (_("%s: %s → %s"), date,
                                       trellis_goal_status_get_label (revision->old_status),
                                       trellis_goal_status_get_label (revision->new_status));
              if (revision->reason != NULL)
                g_string_append (subtitle_text, revision->reason);
              if (revision->old_title != NULL)
                {
                  if (subtitle_text->len > 0)
                    g_string_append_c (subtitle_text, '\n');
                  /* Translators: %s is a goal's earlier title */
                  g_string_append_printf (subtitle_text, _("Was: %s"), revision->old_title);
                }

              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (history_row), title);
              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (history_row), FALSE);
              adw_action_row_set_subtitle (ADW_ACTION_ROW (history_row), subtitle_text->str);
              g_string_free (subtitle_text, TRUE);
              adw_expander_row_add_row (ADW_EXPANDER_ROW (row), history_row);
            }
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static void
add_goals_group (TrellisLearnerPage *self)
{
  self->goals_group = goals_group_new (self);
  if (self->goals_group != NULL)
    gtk_box_append (self->sections_box, self->goals_group);
}

/* Puts a new goals group where the old one was (the skills they name changed). */
static void
refresh_goals_group (TrellisLearnerPage *self)
{
  GtkWidget *group;

  if (self->goals_group == NULL || self->classroom == NULL || self->learner == NULL)
    return;

  group = goals_group_new (self);
  if (group == NULL)
    return;
  gtk_box_insert_child_after (self->sections_box, group, self->goals_group);
  gtk_box_remove (self->sections_box, self->goals_group);
  self->goals_group = group;
}

/* What a reflection can be about: nothing in particular, then @targets. */
static GListModel *
about_model_new (GPtrArray *targets)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("Nothing in particular"));
  for (guint i = 0; i < targets->len; i++)
    gtk_string_list_append (model, ((TrellisReflectionTarget *) g_ptr_array_index (targets, i))->label);

  return G_LIST_MODEL (model);
}

/*
 * Milestones removed or put back: the choices of what a new reflection is
 * about follow, keeping the one selected if it is still there.
 */
static void
refresh_reflection_targets (TrellisLearnerPage *self)
{
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  TrellisReflectionTarget *selected = NULL;
  guint about, position = 0;

  if (self->reflection_about == NULL || self->reflection_targets == NULL ||
      self->classroom == NULL || self->learner == NULL)
    return;

  targets = trellis_profile_links_list_targets (self->classroom, self->learner, &error);
  if (targets == NULL)
    {
      show_error (self, error);
      return;
    }

  /* The first item is "nothing in particular". */
  about = adw_combo_row_get_selected (self->reflection_about);
  if (about != GTK_INVALID_LIST_POSITION && about > 0 && about - 1 < self->reflection_targets->len)
    selected = g_ptr_array_index (self->reflection_targets, about - 1);

  for (guint i = 0; selected != NULL && position == 0 && i < targets->len; i++)
    {
      TrellisReflectionTarget *target = g_ptr_array_index (targets, i);

      if (target->goal_id == selected->goal_id && target->node_id == selected->node_id)
        position = i + 1;
    }

  model = about_model_new (targets);
  adw_combo_row_set_model (self->reflection_about, model);
  adw_combo_row_set_selected (self->reflection_about, position);
  g_ptr_array_unref (self->reflection_targets);
  self->reflection_targets = g_steal_pointer (&targets);
}

static void
add_reflections_group (TrellisLearnerPage *self)
{
  g_autoptr(GPtrArray) reflections = NULL;
  g_autoptr(GError) error = NULL;
  const char *authors[] = { N_("The teacher"), N_("The learner, in a conference"), NULL };
  g_autoptr(GtkStringList) author_model = gtk_string_list_new (NULL);
  g_autoptr(GListModel) about_model = NULL;
  GtkWidget *group;
  GtkWidget *form;
  GtkWidget *row;

  reflections = trellis_profile_list_reflections (self->classroom, self->learner,
                                                  N_RECENT_REFLECTIONS, &error);
  if (reflections == NULL ||
      (self->reflection_targets = trellis_profile_links_list_targets (self->classroom, self->learner, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }

  group = new_group (_("Recent Reflections"), NULL);

  if (reflections->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               trellis_profile_rows_new_placeholder (_("No reflections yet. Write down what the learner says about their work, or your own observation, below.")));

  for (guint i = 0; i < reflections->len; i++)
    {
      TrellisReflection *reflection = g_ptr_array_index (reflections, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 trellis_profile_rows_new_reflection (self->classroom, reflection));
    }

  gtk_box_append (self->sections_box, group);

  /* Writing one: who wrote it, what it is about, the text. */
  form = new_group (_("Write a Reflection"),
                    _("In the learner’s words, or your own observation; optionally about a goal or a milestone"));

  for (guint i = 0; authors[i] != NULL; i++)
    gtk_string_list_append (author_model, _(authors[i]));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Written By"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (author_model));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), row);
  self->reflection_author = ADW_COMBO_ROW (row);

  about_model = about_model_new (self->reflection_targets);
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("About"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), about_model);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), row);
  self->reflection_about = ADW_COMBO_ROW (row);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add a reflection"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  g_signal_connect (row, "apply", G_CALLBACK (on_add_reflection_apply_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), row);
  self->add_reflection_row = ADW_ENTRY_ROW (row);

  gtk_box_append (self->sections_box, form);
}

static GtkWidget *
mastery_group_new (TrellisLearnerPage *self)
{
  g_autoptr(GPtrArray) mastery = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gint64 n_evidence;
  GtkWidget *group;

  mastery = trellis_learner_summary_list_mastery (self->classroom, self->learner, &error);
  if (mastery == NULL)
    {
      show_error (self, error);
      return NULL;
    }

  n_evidence = trellis_learner_summary_count_evidence (self->classroom, self->learner);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "What the mastery model makes of %d piece of evidence",
                                              "What the mastery model makes of %d pieces of evidence",
                                              (gulong) n_evidence),
                                 (int) n_evidence);

  group = new_group (_("Mastery"), n_evidence > 0 ? description : NULL);

  if (mastery->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               trellis_profile_rows_new_placeholder (n_evidence > 0
                                                ? _("Evidence is recorded, but the mastery model has not been fitted yet.")
                                                : _("No evidence yet. Scores and rubric levels recorded on playlist activities show up here with what they suggest.")));

  for (guint i = 0; i < mastery->len; i++)
    {
      TrellisMasterySummary *summary = g_ptr_array_index (mastery, i);
      g_autofree char *percent = NULL;
      g_autofree char *count = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *label;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary->skill);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (summary->explanation != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary->explanation);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

      /* Translators: a probability as a percentage */
      percent = g_strdup_printf (_("%d%%"), (int) (summary->p_known * 100 + 0.5));
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d piece", "%d pieces",
                                            (gulong) summary->n_evidence),
                               summary->n_evidence);

      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      label = gtk_label_new (percent);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new (count);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static void
add_mastery_group (TrellisLearnerPage *self)
{
  self->mastery_group = mastery_group_new (self);
  if (self->mastery_group != NULL)
    gtk_box_append (self->sections_box, self->mastery_group);
}

/* Puts a new mastery group where the old one was. */
static void
refresh_mastery_group (TrellisLearnerPage *self)
{
  GtkWidget *group;

  if (self->mastery_group == NULL || self->classroom == NULL || self->learner == NULL)
    return;

  group = mastery_group_new (self);
  if (group == NULL)
    return;
  gtk_box_insert_child_after (self->sections_box, group, self->mastery_group);
  gtk_box_remove (self->sections_box, self->mastery_group);
  self->mastery_group = group;
}

static void
add_conferences_group (TrellisLearnerPage *self)
{
  g_autoptr(GPtrArray) conferences = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *due = NULL;
  g_autofree char *description = NULL;
  GtkWidget *group;
  GtkWidget *export_button;

  conferences = trellis_profile_list_conferences (self->classroom, self->learner, &error);
  if (conferences == NULL)
    {
      show_error (self, error);
      return;
    }

  due = trellis_profile_next_conference_due (self->classroom, self->learner, NULL);
  if (due != NULL)
    {
      g_autofree char *date = trellis_learner_summary_format_date (due);
      int days = trellis_profile_rows_days_since (self->classroom, due);

      if (days != G_MININT && days >= 0)
        /* Translators: %s is a date */
        description = g_strdup_printf (_("Next conference due %s (now)"), date);
      else
        /* Translators: %s is a date */
        description = g_strdup_printf (_("Next conference due %s"), date);
    }

  group = new_group (_("Conferences"), description);

  {
    g_autoptr(GMenu) print_section = g_menu_new ();
    g_autoptr(GMenu) export_section = g_menu_new ();

    g_menu_append (print_section, _("_Print Profile…"), "profile.print-profile");
    g_menu_append (print_section, _("Print _Latest Conference…"), "profile.print-conference");
    g_menu_append (export_section, _("Profile as P_DF…"), "profile.export-profile");
    g_menu_append (export_section, _("Latest _Conference as PDF…"), "profile.export-conference");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (print_section));
    g_menu_append_section (menu, NULL, G_MENU_MODEL (export_section));
  }
  export_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (export_button), _("Print or Export"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export_button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (export_button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), export_button);

  if (conferences->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               trellis_profile_rows_new_placeholder (_("No conferences yet. Use Start Conference when you sit down with the learner; notes, goal changes and their reflection are saved together.")));

  for (guint i = 0; i < conferences->len; i++)
    {
      TrellisConference *conference = g_ptr_array_index (conferences, i);
      g_autofree char *date = trellis_learner_summary_format_date (conference->held_on);
      GString *subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();

      if (conference->notes != NULL)
        g_string_append (subtitle, conference->notes);
      if (conference->next_steps != NULL)
        {
          if (subtitle->len > 0)
            g_string_append_c (subtitle, '\n');
          /* Translators: %s is what the teacher and learner agreed */
          g_string_append_printf (subtitle, _("Next: %s"), conference->next_steps);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      g_string_free (subtitle, TRUE);

      if (conference->duration_seconds > 0)
        {
          g_autofree char *minutes = NULL;
          GtkWidget *label;

          /* Translators: how long a conference took */
          minutes = g_strdup_printf (_("%d min"), MAX (1, (conference->duration_seconds + 30) / 60));
          label = gtk_label_new (minutes);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, "numeric");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  gtk_box_append (self->sections_box, group);
}

static void
update_header (TrellisLearnerPage *self)
{
  const char *display_name = "";
  const char *pronouns = NULL;

  if (self->learner != NULL)
    {
      display_name = trellis_learner_get_display_name (self->learner);
      pronouns = trellis_learner_get_pronouns (self->learner);
    }

  adw_avatar_set_text (self->avatar, display_name);
  gtk_label_set_label (self->name_label, display_name);

  if (self->learner != NULL && g_strcmp0 (display_name, trellis_learner_get_name (self->learner)) != 0)
    {
      g_autofree char *text = NULL;

      if (pronouns != NULL && pronouns[0] != '\0')
        /* Translators: a learner's full name, then their pronouns */
        text = g_strdup_printf (_("%s · %s"), trellis_learner_get_name (self->learner), pronouns);
      else
        text = g_strdup (trellis_learner_get_name (self->learner));
      gtk_label_set_label (self->pronouns_label, text);
    }
  else
    {
      gtk_label_set_label (self->pronouns_label, pronouns ? pronouns : "");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->pronouns_label),
                          gtk_label_get_label (self->pronouns_label)[0] != '\0');
}

/* Sets the text without offering to apply it. */
static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static void
update_fields (TrellisLearnerPage *self)
{
  guint level = 2;

  if (self->learner == NULL)
    return;

  set_entry_text (self->preferred_name_row, trellis_learner_get_preferred_name (self->learner));
  set_entry_text (self->pronouns_row, trellis_learner_get_pronouns (self->learner));
  set_entry_text (self->sis_id_row, trellis_learner_get_sis_id (self->learner));

  level = trellis_learner_get_self_regulation (self->learner);
  level = CLAMP (level, 1, 3);
  g_signal_handlers_block_matched (self->self_regulation_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  adw_combo_row_set_selected (self->self_regulation_row, level - 1);
  g_signal_handlers_unblock_matched (self->self_regulation_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->self_regulation_row),
                               trellis_profile_describe_self_regulation (level));
}

static void
rebuild (TrellisLearnerPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  TrellisProfileFreshness freshness = { 0 };
  GtkWidget *child;
  gboolean writable;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->mastery_source, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  self->mastery_group = NULL;
  self->goals_group = NULL;
  self->curriculum_pending = FALSE;
  for (guint i = 0; i < TRELLIS_PROFILE_N_KINDS; i++)
    self->add_entry_rows[i] = NULL;
  self->add_reflection_row = NULL;
  self->reflection_author = NULL;
  self->reflection_about = NULL;
  g_clear_pointer (&self->reflection_targets, g_ptr_array_unref);

  update_header (self);
  update_fields (self);

  writable = can_edit (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sections_box), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preferred_name_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pronouns_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sis_id_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->self_regulation_row), writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.mark-revisited", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.add-goal", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.export-profile",
                                 self->classroom != NULL && self->learner != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.print-profile",
                                 self->classroom != NULL && self->learner != NULL);

  if (self->classroom == NULL || self->learner == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.export-conference", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.print-conference", FALSE);
      return;
    }

  if (!trellis_profile_get_freshness (self->classroom, self->learner, &freshness, &error) ||
      (entries = trellis_profile_list_entries (self->classroom, self->learner, &error)) == NULL)
    {
      trellis_profile_freshness_clear (&freshness);
      show_error (self, error);
      return;
    }

  if (freshness.last_revisited_any != NULL)
    {
      g_autofree char *date = trellis_learner_summary_format_date (freshness.last_revisited_any);

      adw_action_row_set_subtitle (self->revisited_row, date);
    }
  else
    {
      adw_action_row_set_subtitle (self->revisited_row, _("Nothing recorded yet"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->stale_label), freshness.stale);

  for (guint kind = 0; kind < TRELLIS_PROFILE_N_KINDS; kind++)
    add_kind_group (self, kind, entries, &freshness,
                    trellis_profile_get_stale_profile_weeks (self->classroom));
  trellis_profile_freshness_clear (&freshness);

  add_goals_group (self);
  add_reflections_group (self);
  add_mastery_group (self);
  add_conferences_group (self);

  {
    g_autoptr(TrellisConference) latest = trellis_profile_get_latest_conference (self->classroom, self->learner, NULL);

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.export-conference", latest != NULL);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.print-conference", latest != NULL);
  }
}

static void
on_field_apply_cb (AdwEntryRow        *row,
                   TrellisLearnerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gboolean ok = TRUE;

  if (!can_edit (self))
    return;

  if (row == self->preferred_name_row)
    ok = trellis_profile_set_preferred_name (self->classroom, self->learner, text, &error);
  else if (row == self->pronouns_row)
    ok = trellis_profile_set_pronouns (self->classroom, self->learner, text, &error);
  else if (row == self->sis_id_row)
    ok = trellis_profile_set_sis_id (self->classroom, self->learner, text, &error);
  else
    g_assert_not_reached ();

  if (!ok)
    {
      show_error (self, error);
      update_fields (self);
    }
}

static void
on_self_regulation_selected_cb (TrellisLearnerPage *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->self_regulation_row);

  if (!can_edit (self) || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected + 1 != trellis_learner_get_self_regulation (self->learner) &&
      !trellis_profile_set_self_regulation (self->classroom, self->learner, selected + 1, &error))
    show_error (self, error);

  update_fields (self);
}

static void
on_learner_notify_cb (TrellisLearnerPage *self)
{
  update_header (self);
}

/* Stale marks and when the next conference is due follow the preferences. */
static void
on_preferences_changed_cb (TrellisLearnerPage *self)
{
  queue_rebuild (self);
}

static void
on_conference_window_destroyed_cb (gpointer  data,
                                   GObject  *where_the_object_was)
{
  TrellisLearnerPage *self = data;

  self->conference_window = NULL;
}

/* Actions */

static void
entry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrellisLearnerPage *self = TRELLIS_LEARNER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);
  gboolean ok = TRUE;

  if (!can_edit (self))
    return;

  if (g_str_equal (action_name, "profile.revisit-entry"))
    {
      ok = trellis_profile_mark_entry_revisited (self->classroom, id, &error);
    }
  else if (g_str_equal (action_name, "profile.delete-entry"))
    {
      g_autoptr(GPtrArray) entries = trellis_profile_list_entries (self->classroom, self->learner, &error);
      TrellisProfileEntry *copy = NULL;

      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          TrellisProfileEntry *entry = g_ptr_array_index (entries, i);

          if (entry->id == id)
            copy = g_ptr_array_steal_index (entries, i);
        }

      if (copy == NULL)
        return;

      if (!trellis_profile_delete_entry (self->classroom, id, &error))
        {
          trellis_profile_entry_free (copy);
          ok = FALSE;
        }
      else
        {
          g_autofree char *title = NULL;

          /* One Undo at a time: the earlier deletion is final now. */
          g_clear_pointer (&self->deleted_entry, trellis_profile_entry_free);
          self->deleted_entry = copy;

          /* Translators: %s is a profile entry's text */
          title = g_markup_printf_escaped (_("“%s” deleted"), copy->text);
          if (self->undo_toast != NULL)
            {
              adw_toast_set_title (self->undo_toast, title);
            }
          else
            {
              AdwToast *toast = adw_toast_new (title);

              adw_toast_set_button_label (toast, _("_Undo"));
              adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
              g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_toast_button_clicked_cb), self);
              g_signal_connect (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb), self);
              self->undo_toast = g_object_ref (toast);
              show_toast (self, toast);
            }
        }
    }
  else
    {
      g_autoptr(GPtrArray) entries = trellis_profile_list_entries (self->classroom, self->learner, &error);
      gboolean up = g_str_equal (action_name, "profile.move-entry-up");

      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          TrellisProfileEntry *entry = g_ptr_array_index (entries, i);
          guint index = 0;

          if (entry->id != id)
            continue;

          /* The entry's index among its kind. */
          for (guint j = 0; j < i; j++)
            if (((TrellisProfileEntry *) g_ptr_array_index (entries, j))->kind == entry->kind)
              index++;

          if (up && index > 0)
            ok = trellis_profile_move_entry (self->classroom, id, index - 1, &error);
          else if (!up)
            ok = trellis_profile_move_entry (self->classroom, id, index + 1, &error);
          break;
        }
    }

  if (!ok)
    show_error (self, error);

  queue_rebuild (self);
}

static void
goal_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisLearnerPage *self = TRELLIS_LEARNER_PAGE (widget);
  g_autoptr(TrellisGoal) goal = NULL;
  g_autoptr(GError) error = NULL;

  if (!can_edit (self))
    return;

  if (g_str_equal (action_name, "profile.add-goal"))
    {
      show_goal_dialog (self, GOAL_DIALOG_ADD, NULL, TRELLIS_GOAL_STATUS_ACTIVE);
      return;
    }

  goal = trellis_profile_get_goal (self->classroom, g_variant_get_int64 (parameter), &error);
  if (goal == NULL)
    {
      show_error (self, error);
      return;
    }

  if (g_str_equal (action_name, "profile.edit-goal"))
    show_goal_dialog (self, GOAL_DIALOG_EDIT, goal, goal->status);
  else if (g_str_equal (action_name, "profile.revise-goal"))
    show_goal_dialog (self, GOAL_DIALOG_REVISE, goal, TRELLIS_GOAL_STATUS_REVISED);
  else if (g_str_equal (action_name, "profile.goal-met"))
    show_goal_dialog (self, GOAL_DIALOG_STATUS, goal, TRELLIS_GOAL_STATUS_MET);
  else if (g_str_equal (action_name, "profile.goal-dropped"))
    show_goal_dialog (self, GOAL_DIALOG_STATUS, goal, TRELLIS_GOAL_STATUS_DROPPED);
  else
    show_goal_dialog (self, GOAL_DIALOG_STATUS, goal, TRELLIS_GOAL_STATUS_ACTIVE);
}

static void
mark_revisited_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrellisLearnerPage *self = TRELLIS_LEARNER_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!can_edit (self))
    return;

  if (!trellis_profile_mark_revisited (self->classroom, self->learner, &error))
    show_error (self, error);

  queue_rebuild (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisLearnerPage *self = TRELLIS_LEARNER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  if (self->classroom == NULL || self->learner == NULL)
    return;

  self->export_conference = g_str_equal (action_name, "profile.export-conference");

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);

  self->file_chooser = gtk_file_chooser_native_new (self->export_conference ? _("Export Conference Summary")
                                                                            : _("Export Learner Profile"),
                                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);

  if (self->export_conference)
    /* Translators: a file name; %s is a learner's name */
    name = g_strdup_printf (_("%s – Conference.pdf"), trellis_learner_get_name (self->learner));
  else
    /* Translators: a file name; %s is a learner's name */
    name = g_strdup_printf (_("%s – Profile.pdf"), trellis_learner_get_name (self->learner));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->file_chooser), name);

  g_signal_connect (self->file_chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrellisLearnerPage *self = TRELLIS_LEARNER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  if (self->classroom == NULL || self->learner == NULL)
    return;

  if (!trellis_print_dialog_run_learner (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->classroom, self->learner,
                                         g_str_equal (action_name, "profile.print-conference"), &error))
    show_error (self, error);
}

/* Overrides */

static void
trellis_learner_page_dispose (GObject *object)
{
  TrellisLearnerPage *self = TRELLIS_LEARNER_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->mastery_source, g_source_remove);
  close_goal_dialog (self);

  if (self->file_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->file_chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
      g_clear_object (&self->file_chooser);
    }

  if (self->conference_window != NULL)
    {
      TrellisConferenceWindow *window = g_steal_pointer (&self->conference_window);

      g_object_weak_unref (G_OBJECT (window), on_conference_window_destroyed_cb, self);
      g_signal_handlers_disconnect_by_data (window, self);
    }

  if (self->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->undo_toast, self);
      g_clear_object (&self->undo_toast);
    }
  g_clear_pointer (&self->deleted_entry, trellis_profile_entry_free);
  g_clear_pointer (&self->reflection_targets, g_ptr_array_unref);

  /* The base class lets them go after this. */
  self->learner = NULL;
  self->classroom = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_LEARNER_PAGE);

  /* dispose_template() unparents only the children with an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_learner_page_parent_class)->dispose (object);
}

static void
trellis_learner_page_classroom_changed (TrellisClassroomView *view,
                                        TrellisClassroom     *old_classroom)
{
  TrellisLearnerPage *self = TRELLIS_LEARNER_PAGE (view);

  self->classroom = trellis_classroom_view_get_classroom (view);

  /* An entry deleted in another classroom cannot come back here. */
  g_clear_pointer (&self->deleted_entry, trellis_profile_entry_free);

  rebuild (self);
}

static void
trellis_learner_page_learner_changed (TrellisClassroomView *view,
                                      TrellisLearner       *old_learner)
{
  TrellisLearnerPage *self = TRELLIS_LEARNER_PAGE (view);

  self->learner = trellis_classroom_view_get_learner (view);

  close_goal_dialog (self);
  rebuild (self);
}

static void
trellis_learner_page_class_init (TrellisLearnerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisClassroomViewClass *view_class = TRELLIS_CLASSROOM_VIEW_CLASS (klass);

  object_class->dispose = trellis_learner_page_dispose;

  view_class->classroom_changed = trellis_learner_page_classroom_changed;
  view_class->learner_changed = trellis_learner_page_learner_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/trellis/Trellis/trellis-learner-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, pronouns_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, preferred_name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, pronouns_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, sis_id_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, self_regulation_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, revisited_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, stale_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisLearnerPage, sections_box);
  gtk_widget_class_bind_template_callback (widget_class, on_field_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_self_regulation_selected_cb);

  gtk_widget_class_install_action (widget_class, "profile.revisit-entry", "x", entry_action);
  gtk_widget_class_install_action (widget_class, "profile.move-entry-up", "x", entry_action);
  gtk_widget_class_install_action (widget_class, "profile.move-entry-down", "x", entry_action);
  gtk_widget_class_install_action (widget_class, "profile.delete-entry", "x", entry_action);
  gtk_widget_class_install_action (widget_class, "profile.add-goal", NULL, goal_action);
  gtk_widget_class_install_action (widget_class, "profile.edit-goal", "x", goal_action);
  gtk_widget_class_install_action (widget_class, "profile.revise-goal", "x", goal_action);
  gtk_widget_class_install_action (widget_class, "profile.goal-met", "x", goal_action);
  gtk_widget_class_install_action (widget_class, "profile.goal-dropped", "x", goal_action);
  gtk_widget_class_install_action (widget_class, "profile.goal-active", "x", goal_action);
  gtk_widget_class_install_action (widget_class, "profile.mark-revisited", NULL, mark_revisited_action);
  gtk_widget_class_install_action (widget_class, "profile.export-profile", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "profile.export-conference", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "profile.print-profile", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "profile.print-conference", NULL, print_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "learnerpage");
}

static void
trellis_learner_page_init (TrellisLearnerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  trellis_classroom_view_connect_classroom (TRELLIS_CLASSROOM_VIEW (self), "preferences-changed",
                                            G_CALLBACK (on_preferences_changed_cb), G_CONNECT_SWAPPED);
  trellis_classroom_view_connect_classroom (TRELLIS_CLASSROOM_VIEW (self), "data-changed",
                                            G_CALLBACK (on_data_changed_cb), 0);
  trellis_classroom_view_connect_learner (TRELLIS_CLASSROOM_VIEW (self), "notify",
                                          G_CALLBACK (on_learner_notify_cb), G_CONNECT_SWAPPED);

  rebuild (self);
}

/* Public API */

GtkWidget *
trellis_learner_page_new (void)
{
  return g_object_new (TRELLIS_TYPE_LEARNER_PAGE, NULL);
}

/**
 * trellis_learner_page_get_classroom:
 *
 * Returns: (transfer none) (nullable): the classroom the learner is in
 */
TrellisClassroom *
trellis_learner_page_get_classroom (TrellisLearnerPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);

  return self->classroom;
}

void
trellis_learner_page_set_classroom (TrellisLearnerPage *self,
                                    TrellisClassroom   *classroom)
{
  g_return_if_fail (TRELLIS_IS_LEARNER_PAGE (self));

  trellis_classroom_view_set_classroom (TRELLIS_CLASSROOM_VIEW (self), classroom);
}

/**
 * trellis_learner_page_get_learner:
 *
 * Returns: (transfer none) (nullable): the learner shown
 */
TrellisLearner *
trellis_learner_page_get_learner (TrellisLearnerPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);

  return self->learner;
}

void
trellis_learner_page_set_learner (TrellisLearnerPage *self,
                                  TrellisLearner     *learner)
{
  g_return_if_fail (TRELLIS_IS_LEARNER_PAGE (self));

  trellis_classroom_view_set_learner (TRELLIS_CLASSROOM_VIEW (self), learner);
}

/**
 * trellis_learner_page_reload:
 *
 * Shows the learner's record again as the file has it, after a change
 * made elsewhere.
 */
void
trellis_learner_page_reload (TrellisLearnerPage *self)
{
  g_return_if_fail (TRELLIS_IS_LEARNER_PAGE (self));

  rebuild (self);
}

/**
 * trellis_learner_page_start_conference:
 *
 * Opens conference mode for the learner shown, or brings it to the front
 * when it is open already.
 */
void
trellis_learner_page_start_conference (TrellisLearnerPage *self)
{
  GtkRoot *root;

  g_return_if_fail (TRELLIS_IS_LEARNER_PAGE (self));

  if (!can_edit (self))
    return;

  if (self->conference_window != NULL)
    {
      if (trellis_conference_window_get_learner (self->conference_window) == self->learner)
        {
          gtk_window_present (GTK_WINDOW (self->conference_window));
          return;
        }

      /* A conference is with one learner at a time. */
      gtk_window_close (GTK_WINDOW (self->conference_window));
      if (self->conference_window != NULL)
        {
          gtk_window_present (GTK_WINDOW (self->conference_window));
          return;
        }
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->conference_window = trellis_conference_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                           self->classroom, self->learner);
  g_object_weak_ref (G_OBJECT (self->conference_window), on_conference_window_destroyed_cb, self);
  g_signal_connect (self->conference_window, "saved", G_CALLBACK (on_conference_saved_cb), self);
  gtk_window_present (GTK_WINDOW (self->conference_window));
}

AdwEntryRow *
_trellis_learner_page_get_add_entry_row (TrellisLearnerPage *self,
                                         TrellisProfileKind  kind)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);
  g_return_val_if_fail (kind < TRELLIS_PROFILE_N_KINDS, NULL);

  return self->add_entry_rows[kind];
}

AdwEntryRow *
_trellis_learner_page_get_add_reflection_row (TrellisLearnerPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);

  return self->add_reflection_row;
}

AdwEntryRow *
_trellis_learner_page_get_preferred_name_row (TrellisLearnerPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);

  return self->preferred_name_row;
}

AdwComboRow *
_trellis_learner_page_get_self_regulation_row (TrellisLearnerPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);

  return self->self_regulation_row;
}

AdwMessageDialog *
_trellis_learner_page_get_goal_dialog (TrellisLearnerPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);

  return self->goal_dialog;
}

AdwEntryRow *
_trellis_learner_page_get_goal_dialog_row (TrellisLearnerPage *self,
                                           TrellisGoalField    field)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);
  g_return_val_if_fail (field < TRELLIS_GOAL_N_FIELDS, NULL);

  return self->goal_rows[field];
}

AdwToast *
_trellis_learner_page_get_undo_toast (TrellisLearnerPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);

  return self->undo_toast;
}

TrellisConferenceWindow *
_trellis_learner_page_get_conference_window (TrellisLearnerPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);

  return self->conference_window;
}

AdwComboRow *
_trellis_learner_page_get_reflection_author_row (TrellisLearnerPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);

  return self->reflection_author;
}

/* Selects what the next reflection is about: a goal or a node (0, 0: nothing). */
gboolean
_trellis_learner_page_select_reflection_about (TrellisLearnerPage *self,
                                               gint64              goal_id,
                                               gint64              node_id)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), FALSE);

  if (self->reflection_about == NULL || self->reflection_targets == NULL)
    return FALSE;

  if (goal_id == 0 && node_id == 0)
    {
      adw_combo_row_set_selected (self->reflection_about, 0);
      return TRUE;
    }

  for (guint i = 0; i < self->reflection_targets->len; i++)
    {
      TrellisReflectionTarget *target = g_ptr_array_index (self->reflection_targets, i);

      if ((goal_id != 0 && target->goal_id == goal_id) || (node_id != 0 && target->node_id == node_id))
        {
          adw_combo_row_set_selected (self->reflection_about, i + 1);
          return TRUE;
        }
    }

  return FALSE;
}

GtkCheckButton *
_trellis_learner_page_get_goal_dialog_skill_check (TrellisLearnerPage *self,
                                                   gint64              skill_id)
{
  g_return_val_if_fail (TRELLIS_IS_LEARNER_PAGE (self), NULL);

  for (guint i = 0; self->goal_skill_checks != NULL && i < self->goal_skill_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->goal_skill_checks, i);

      if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "skill-id")) == skill_id)
        return check;
    }

  return NULL;
}
