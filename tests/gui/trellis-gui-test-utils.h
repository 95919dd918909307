/* trellis-gui-test-utils.h
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-classroom.h"
#include "trellis-playlist-window.h"
#include "trellis-window.h"

G_BEGIN_DECLS

/*
 * A test fixture: a classroom file in a fresh temporary directory, shown in
 * a presented and drawn main window.
 */

typedef struct
{
  char             *dir;
  char             *path;
  TrellisClassroom *classroom;
  TrellisWindow    *window;
} TrellisGuiTestFixture;

void        trellis_gui_test_fixture_make_dir     (TrellisGuiTestFixture *fixture,
                                                   const char            *file_name);
void        trellis_gui_test_fixture_open_window  (TrellisGuiTestFixture *fixture);
void        trellis_gui_test_fixture_set_up       (TrellisGuiTestFixture *fixture,
                                                   gconstpointer          data);
void        trellis_gui_test_fixture_set_up_empty (TrellisGuiTestFixture *fixture,
                                                   gconstpointer          data);
void        trellis_gui_test_fixture_tear_down    (TrellisGuiTestFixture *fixture,
                                                   gconstpointer          data);
void        trellis_gui_test_finalize_classroom   (TrellisClassroom      *classroom);

/* Toplevel windows */

gpointer    trellis_gui_test_lookup_toplevel      (GType                  type,
                                                   GtkWindow             *transient_for);
gpointer    trellis_gui_test_find_toplevel        (GType                  type);
gpointer    trellis_gui_test_find_transient       (GType                  type,
                                                   GtkWindow             *transient_for);
GList      *trellis_gui_test_list_transients      (GType                  type,
                                                   GtkWindow             *transient_for);
gpointer    trellis_gui_test_open_transient       (gpointer               parent,
                                                   const char            *action,
                                                   GType                  type);
TrellisPlaylistWindow *trellis_gui_test_open_builder (TrellisGuiTestFixture *fixture);
void        trellis_gui_test_load_style           (void);

/* Curriculum */

TrellisNode *trellis_gui_test_find_node           (GListModel            *nodes,
                                                   const char            *title);

/* Widgets in a tree */

typedef gboolean (*TrellisGuiTestMatch) (GtkWidget  *widget,
                                         const char *text);

GtkWidget  *trellis_gui_test_find_widget          (GtkWidget             *root,
                                                   TrellisGuiTestMatch    match,
                                                   const char            *text);
GtkWidget  *trellis_gui_test_find_visible_widget  (GtkWidget             *root,
                                                   TrellisGuiTestMatch    match,
                                                   const char            *text);
gboolean    trellis_gui_test_has_label            (GtkWidget             *root,
                                                   const char            *text);
gboolean    trellis_gui_test_is_label             (GtkWidget             *widget,
                                                   const char            *text);
gboolean    trellis_gui_test_is_visible_label     (GtkWidget             *widget,
                                                   const char            *text);
gboolean    trellis_gui_test_is_label_with_prefix (GtkWidget             *widget,
                                                   const char            *text);
gboolean    trellis_gui_test_is_button_labelled   (GtkWidget             *widget,
                                                   const char            *text);
gboolean    trellis_gui_test_is_button_with_tooltip (GtkWidget           *widget,
                                                     const char          *text);
gboolean    trellis_gui_test_is_check_labelled    (GtkWidget             *widget,
                                                   const char            *text);
gboolean    trellis_gui_test_is_of_type           (GtkWidget             *widget,
                                                   const char            *type_name);

guint       trellis_gui_test_count_rows           (GtkListBox            *list);

/* Driving widgets */

void        trellis_gui_test_click                (GtkWidget             *button);
void        trellis_gui_test_activate             (gpointer               widget,
                                                   const char            *action);
void        trellis_gui_test_enter                (AdwEntryRow           *row,
                                                   const char            *text);
typedef gboolean (*TrellisGuiTestCondition) (gpointer data);

void        trellis_gui_test_wait_while           (TrellisGuiTestCondition busy,
                                                   gpointer               data,
                                                   guint                  seconds);
void        trellis_gui_test_settle               (GtkWidget             *widget,
                                                   guint                  msec);

/* Pictures */

void        trellis_gui_test_save_png             (GtkWidget             *widget,
                                                   const GdkRGBA         *background,
                                                   const char            *path);
void        trellis_gui_test_save_screenshot      (GtkWidget             *widget,
                                                   const char            *name);

G_END_DECLS
