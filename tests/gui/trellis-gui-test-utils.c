/* trellis-gui-test-utils.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-gui-test-utils.h"
#include "trellis-sample.h"
#include "trellis-test-utils.h"

/* Fixture */

/**
 * trellis_gui_test_fixture_make_dir:
 * @fixture: the fixture
 * @file_name: the classroom file's name
 *
 * Makes @fixture's temporary directory and names the classroom file in it;
 * the caller creates the classroom there, then calls
 * trellis_gui_test_fixture_open_window().
 */
void
trellis_gui_test_fixture_make_dir (TrellisGuiTestFixture *fixture,
                                   const char            *file_name)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *tmpl = g_strdup_printf ("%s-XXXXXX", program);

  fixture->dir = trellis_test_make_tmp_dir (tmpl);
  fixture->path = g_build_filename (fixture->dir, file_name, NULL);
}

/**
 * trellis_gui_test_fixture_open_window:
 * @fixture: the fixture, with its classroom
 *
 * Shows @fixture's classroom in a new main window, presented and drawn.
 */
void
trellis_gui_test_fixture_open_window (TrellisGuiTestFixture *fixture)
{
  g_assert_nonnull (fixture->classroom);

  fixture->window = g_object_ref (trellis_window_new (NULL));
  trellis_window_set_classroom (fixture->window, fixture->classroom);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

/**
 * trellis_gui_test_fixture_set_up:
 * @fixture: the fixture
 * @data: (nullable): an ISO 8601 date and time to stop the sample's clock
 *   on, or %NULL for the real clock
 *
 * The set-up for g_test_add(): the sample classroom, in Sample.trellis,
 * shown in the main window.
 */
void
trellis_gui_test_fixture_set_up (TrellisGuiTestFixture *fixture,
                                 gconstpointer          data)
{
  g_autoptr(GError) error = NULL;

  trellis_gui_test_fixture_make_dir (fixture, "Sample.trellis");
  if (data != NULL)
    fixture->classroom = trellis_sample_create_full (fixture->path, 0, trellis_test_clock_iso8601,
                                                     (gpointer)data, &error);
  else
    fixture->classroom = trellis_sample_create (fixture->path, 0, &error);
  g_assert_no_error (error);

  trellis_gui_test_fixture_open_window (fixture);
}

/**
 * trellis_gui_test_fixture_set_up_empty:
 * @fixture: the fixture
 * @data: the classroom's name, a string
 *
 * The set-up for g_test_add(): a new classroom with nothing in it, in
 * Empty.trellis, shown in the main window.
 */
void
trellis_gui_test_fixture_set_up_empty (TrellisGuiTestFixture *fixture,
                                       gconstpointer          data)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (data);

  trellis_gui_test_fixture_make_dir (fixture, "Empty.trellis");
  fixture->classroom = trellis_classroom_create (fixture->path, data, &error);
  g_assert_no_error (error);

  trellis_gui_test_fixture_open_window (fixture);
}

/**
 * trellis_gui_test_finalize_classroom:
 * @classroom: (transfer full): the test's last reference
 *
 * Asserts that dropping @classroom finalizes it, once a refit that a main
 * window's mastery scheduler started in the background is done (its worker
 * holds the classroom until then; at most 20 s).
 */
void
trellis_gui_test_finalize_classroom (TrellisClassroom *classroom)
{
  gint64 end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (G_OBJECT (classroom)->ref_count > 1 && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_finalize_object (classroom);
}

/**
 * trellis_gui_test_fixture_tear_down:
 * @fixture: the fixture
 * @data: unused
 *
 * The tear-down for g_test_add(): destroys the main window unless the test
 * did, and asserts that the window and the classroom are finalized (a test
 * that finalizes the classroom itself sets it to %NULL); then removes the
 * temporary directory. Also sets the default colour scheme back.
 */
void
trellis_gui_test_fixture_tear_down (TrellisGuiTestFixture *fixture,
                                    gconstpointer          data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  if (fixture->window != NULL)
    {
      if (g_list_find (toplevels, fixture->window) != NULL)
        gtk_window_destroy (GTK_WINDOW (fixture->window));
      trellis_test_iterate_pending ();
      g_assert_finalize_object (fixture->window);
    }
  if (fixture->classroom != NULL)
    trellis_gui_test_finalize_classroom (fixture->classroom);

  trellis_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Toplevel windows */

/**
 * trellis_gui_test_lookup_toplevel:
 * @type: a window type
 * @transient_for: (nullable): the parent, or %NULL for any
 *
 * Returns: (transfer none) (nullable): a visible toplevel of @type,
 *   transient for @transient_for unless that is %NULL
 */
gpointer
trellis_gui_test_lookup_toplevel (GType      type,
                                  GtkWindow *transient_for)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) &&
        (transient_for == NULL || gtk_window_get_transient_for (l->data) == transient_for) &&
        gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gpointer
find_toplevel (GType      type,
               GtkWindow *transient_for)
{
  gpointer found = trellis_gui_test_lookup_toplevel (type, transient_for);

  if (found == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf ("no visible %s%s%s", g_type_name (type),
                                 transient_for != NULL ? " transient for a " : "",
                                 transient_for != NULL ? G_OBJECT_TYPE_NAME (transient_for) : "");
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
    }

  return found;
}

/**
 * trellis_gui_test_find_toplevel:
 * @type: a window type
 *
 * Fails the test unless a toplevel of @type is visible.
 *
 * Returns: (transfer none): the visible toplevel of @type
 */
gpointer
trellis_gui_test_find_toplevel (GType type)
{
  return find_toplevel (type, NULL);
}

/**
 * trellis_gui_test_find_transient:
 * @type: a window type
 * @transient_for: the parent
 *
 * Fails the test unless a toplevel of @type, transient for
 * @transient_for, is visible.
 *
 * Returns: (transfer none): that toplevel
 */
gpointer
trellis_gui_test_find_transient (GType      type,
                                 GtkWindow *transient_for)
{
  g_assert_nonnull (transient_for);

  return find_toplevel (type, transient_for);
}

/**
 * trellis_gui_test_list_transients:
 * @type: a window type
 * @transient_for: the parent
 *
 * Returns: (transfer container): every toplevel of @type transient for
 *   @transient_for, shown or not
 */
GList *
trellis_gui_test_list_transients (GType      type,
                                  GtkWindow *transient_for)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  GList *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) &&
        gtk_window_get_transient_for (l->data) == transient_for)
      found = g_list_prepend (found, l->data);

  return found;
}

/**
 * trellis_gui_test_open_transient:
 * @parent: a window
 * @action: the action of @parent that opens a window
 * @type: the type of the window it opens
 *
 * Activates @action on @parent and fails the test unless exactly one
 * toplevel of @type is then transient for @parent; waits for it to draw.
 *
 * Returns: (transfer none): the window
 */
gpointer
trellis_gui_test_open_transient (gpointer    parent,
                                 const char *action,
                                 GType       type)
{
  g_autoptr(GList) windows = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (parent), action, NULL));
  windows = trellis_gui_test_list_transients (type, GTK_WINDOW (parent));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (windows->data));

  return windows->data;
}

/**
 * trellis_gui_test_open_builder:
 * @fixture: a fixture with its main window open
 *
 * Opens the playlist builder from the main window, as
 * trellis_gui_test_open_transient() does.
 *
 * Returns: (transfer none): the builder
 */
TrellisPlaylistWindow *
trellis_gui_test_open_builder (TrellisGuiTestFixture *fixture)
{
  return trellis_gui_test_open_transient (fixture->window, "win.playlists", TRELLIS_TYPE_PLAYLIST_WINDOW);
}

/**
 * trellis_gui_test_find_node:
 * @nodes: a list of #TrellisNode
 * @title: a node's title
 *
 * Fails the test unless @nodes holds a node titled @title.
 *
 * Returns: (transfer none): the first node titled @title
 */
TrellisNode *
trellis_gui_test_find_node (GListModel *nodes,
                            const char *title)
{
  guint n = g_list_model_get_n_items (nodes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisNode) node = g_list_model_get_item (nodes, i);

      if (g_str_equal (trellis_node_get_title (node), title))
        return node;
    }

  g_assert_not_reached ();
}

/**
 * trellis_gui_test_load_style:
 *
 * Adds the app's style sheet to the display, as AdwApplication loads it
 * from the resources, for tests whose windows have no application.
 */
void
trellis_gui_test_load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/trellis/Trellis/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Widgets in a tree */

static GtkWidget *
find_widget (GtkWidget           *root,
             TrellisGuiTestMatch  match,
             const char          *text,
             gboolean             visible_only)
{
  if (match (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (visible_only && !gtk_widget_get_visible (child))
        continue;

      if ((found = find_widget (child, match, text, visible_only)) != NULL)
        return found;
    }

  return NULL;
}

/**
 * trellis_gui_test_find_widget:
 * @root: where to look
 * @match: what to look for
 * @text: @match's argument
 *
 * Returns: (transfer none) (nullable): the first widget, depth first from
 *   @root itself, that @match accepts
 */
GtkWidget *
trellis_gui_test_find_widget (GtkWidget           *root,
                              TrellisGuiTestMatch  match,
                              const char          *text)
{
  return find_widget (root, match, text, FALSE);
}

/**
 * trellis_gui_test_find_visible_widget:
 * @root: where to look
 * @match: what to look for
 * @text: @match's argument
 *
 * Like trellis_gui_test_find_widget(), below @root, but not among hidden
 * widgets and their children.
 *
 * Returns: (transfer none) (nullable): the widget
 */
GtkWidget *
trellis_gui_test_find_visible_widget (GtkWidget           *root,
                                      TrellisGuiTestMatch  match,
                                      const char          *text)
{
  return find_widget (root, match, text, TRUE);
}

/* Whether a label below @root says @text. */
gboolean
trellis_gui_test_has_label (GtkWidget  *root,
                            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (trellis_gui_test_find_widget (child, trellis_gui_test_is_label, text) != NULL)
      return TRUE;

  return FALSE;
}

/* A label that says @text. */
gboolean
trellis_gui_test_is_label (GtkWidget  *widget,
                           const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* A label that says @text and is visible itself (its parents may not be). */
gboolean
trellis_gui_test_is_visible_label (GtkWidget  *widget,
                                   const char *text)
{
  return trellis_gui_test_is_label (widget, text) && gtk_widget_get_visible (widget);
}

/* A label that starts with @text. */
gboolean
trellis_gui_test_is_label_with_prefix (GtkWidget  *widget,
                                       const char *text)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), text);
}

/* A button labelled @text, mnemonic underscores and all. */
gboolean
trellis_gui_test_is_button_labelled (GtkWidget  *widget,
                                     const char *text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

/* A button whose tooltip is @text. */
gboolean
trellis_gui_test_is_button_with_tooltip (GtkWidget  *widget,
                                         const char *text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

/* A check button whose label starts with @text. */
gboolean
trellis_gui_test_is_check_labelled (GtkWidget  *widget,
                                    const char *text)
{
  const char *label;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;

  label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return label != NULL && g_str_has_prefix (label, text);
}

/* A widget of the type named @type_name, or of a subtype. */
gboolean
trellis_gui_test_is_of_type (GtkWidget  *widget,
                             const char *type_name)
{
  GType type = g_type_from_name (type_name);

  g_assert_true (type != G_TYPE_INVALID);

  return g_type_is_a (G_OBJECT_TYPE (widget), type);
}

/* How many rows @list holds, shown or filtered out. */
guint
trellis_gui_test_count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);

  return n;
}

/* Driving widgets */

/* Clicks @button, which must exist, and lets the main loop run. */
void
trellis_gui_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  trellis_test_iterate_pending ();
}

/* Activates @action on @widget, which must have it, and lets the main loop run. */
void
trellis_gui_test_activate (gpointer    widget,
                           const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  trellis_test_iterate_pending ();
}

/* Types @text into an editor row and applies it. */
void
trellis_gui_test_enter (AdwEntryRow *row,
                        const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  trellis_test_iterate_pending ();
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop while @busy says so of @data (a thread's result wakes
 * the main context), failing the test after @seconds. */
void
trellis_gui_test_wait_while (TrellisGuiTestCondition  busy,
                             gpointer                 data,
                             guint                    seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, on_timeout_cb, &timed_out);

  while (busy (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Lets @widget take its size and draw, for @msec and a frame. */
void
trellis_gui_test_settle (GtkWidget *widget,
                         guint      msec)
{
  gboolean done = FALSE;

  gtk_test_widget_wait_for_draw (widget);
  g_timeout_add (msec, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (widget);
}

/* Pictures */

/* Saves @widget as a PNG image at @path, on @background when not NULL. */
void
trellis_gui_test_save_png (GtkWidget     *widget,
                           const GdkRGBA *background,
                           const char    *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (background != NULL)
    gtk_snapshot_append_color (snapshot, background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Lets @widget settle, then saves it as @name in $TRELLIS_SCREENSHOT_DIR. */
void
trellis_gui_test_save_screenshot (GtkWidget  *widget,
                                  const char *name)
{
  const char *dir = g_getenv ("TRELLIS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);

  trellis_gui_test_settle (widget, 300);
  trellis_gui_test_save_png (widget, NULL, path);
}
