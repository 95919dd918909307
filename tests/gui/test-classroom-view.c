/* test-classroom-view.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * TrellisClassroomView, the base of the learner page and the suggestions
 * pane, through a small subclass: the handlers a subclass registers follow
 * the classroom and the learner shown, the subclass hears of each change
 * with the one before, the properties notify only on a change, and
 * nothing stays connected or referenced once the view is gone.
 */

#include "config.h"

#include <adwaita.h>

#include "trellis-classroom-view.h"
#include "trellis-test-utils.h"

typedef struct
{
  guint             n_preferences;      /* "preferences-changed" heard */
  guint             n_names;            /* "notify::display-name" heard */
  guint             n_classroom_changed;
  guint             n_learner_changed;
  TrellisClassroom *old_classroom;      /* as classroom_changed was told */
  TrellisLearner   *old_learner;
} Counts;

#define TEST_TYPE_VIEW (test_view_get_type ())
G_DECLARE_FINAL_TYPE (TestView, test_view, TEST, VIEW, TrellisClassroomView)

struct _TestView
{
  TrellisClassroomView  parent_instance;
  Counts               *counts;
};

G_DEFINE_FINAL_TYPE (TestView, test_view, TRELLIS_TYPE_CLASSROOM_VIEW)

static void
on_preferences_changed_cb (TestView *self)
{
  self->counts->n_preferences++;
}

static void
on_display_name_cb (TestView *self)
{
  self->counts->n_names++;
}

static void
test_view_classroom_changed (TrellisClassroomView *view,
                             TrellisClassroom     *old_classroom)
{
  Counts *counts = TEST_VIEW (view)->counts;

  counts->n_classroom_changed++;
  counts->old_classroom = old_classroom;
}

static void
test_view_learner_changed (TrellisClassroomView *view,
                           TrellisLearner       *old_learner)
{
  Counts *counts = TEST_VIEW (view)->counts;

  counts->n_learner_changed++;
  counts->old_learner = old_learner;
}

static void
test_view_class_init (TestViewClass *klass)
{
  TrellisClassroomViewClass *view_class = TRELLIS_CLASSROOM_VIEW_CLASS (klass);

  view_class->classroom_changed = test_view_classroom_changed;
  view_class->learner_changed = test_view_learner_changed;
}

static void
test_view_init (TestView *self)
{
}

static TestView *
test_view_new (Counts *counts)
{
  TestView *view = g_object_ref_sink (g_object_new (TEST_TYPE_VIEW, NULL));

  view->counts = counts;
  trellis_classroom_view_connect_classroom (TRELLIS_CLASSROOM_VIEW (view), "preferences-changed",
                                            G_CALLBACK (on_preferences_changed_cb), G_CONNECT_SWAPPED);
  trellis_classroom_view_connect_learner (TRELLIS_CLASSROOM_VIEW (view), "notify::display-name",
                                          G_CALLBACK (on_display_name_cb), G_CONNECT_SWAPPED);

  return view;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n)
{
  (*n)++;
}

typedef struct
{
  char             *dir;
  TrellisClassroom *first;
  TrellisClassroom *second;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  fixture->dir = trellis_test_make_tmp_dir ("trellis-classroom-view-XXXXXX");
  first = g_build_filename (fixture->dir, "first.trellis", NULL);
  second = g_build_filename (fixture->dir, "second.trellis", NULL);
  fixture->first = trellis_classroom_create (first, "First", &error);
  g_assert_no_error (error);
  fixture->second = trellis_classroom_create (second, "Second", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The view gave its references back. */
  g_assert_finalize_object (fixture->first);
  g_assert_finalize_object (fixture->second);
  trellis_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
test_classroom_handlers_follow (Fixture       *fixture,
                                gconstpointer  data)
{
  Counts counts = { 0 };
  TestView *view = test_view_new (&counts);
  TrellisClassroomView *base = TRELLIS_CLASSROOM_VIEW (view);
  guint n_notify = 0;

  g_signal_connect (view, "notify::classroom", G_CALLBACK (count_notify_cb), &n_notify);

  trellis_classroom_view_set_classroom (base, fixture->first);
  g_assert_true (trellis_classroom_view_get_classroom (base) == fixture->first);
  g_assert_cmpuint (counts.n_classroom_changed, ==, 1);
  g_assert_null (counts.old_classroom);
  g_assert_cmpuint (n_notify, ==, 1);
  g_signal_emit_by_name (fixture->first, "preferences-changed");
  g_assert_cmpuint (counts.n_preferences, ==, 1);

  /* The same classroom again changes nothing. */
  trellis_classroom_view_set_classroom (base, fixture->first);
  g_assert_cmpuint (counts.n_classroom_changed, ==, 1);
  g_assert_cmpuint (n_notify, ==, 1);

  /* Another: the handler moves with it, the subclass hears of the old one. */
  g_object_set (view, "classroom", fixture->second, NULL);
  g_assert_cmpuint (counts.n_classroom_changed, ==, 2);
  g_assert_true (counts.old_classroom == fixture->first);
  g_assert_cmpuint (n_notify, ==, 2);
  g_signal_emit_by_name (fixture->first, "preferences-changed");
  g_assert_cmpuint (counts.n_preferences, ==, 1);
  g_signal_emit_by_name (fixture->second, "preferences-changed");
  g_assert_cmpuint (counts.n_preferences, ==, 2);

  /* None. */
  trellis_classroom_view_set_classroom (base, NULL);
  g_assert_true (counts.old_classroom == fixture->second);
  g_signal_emit_by_name (fixture->second, "preferences-changed");
  g_assert_cmpuint (counts.n_preferences, ==, 2);

  /* A handler registered while a classroom is shown connects at once;
   * once the view is gone, nothing is heard. */
  trellis_classroom_view_set_classroom (base, fixture->first);
  trellis_classroom_view_connect_classroom (base, "preferences-changed",
                                            G_CALLBACK (on_preferences_changed_cb), G_CONNECT_SWAPPED);
  g_signal_emit_by_name (fixture->first, "preferences-changed");
  g_assert_cmpuint (counts.n_preferences, ==, 4);

  g_assert_finalize_object (view);
  g_signal_emit_by_name (fixture->first, "preferences-changed");
  g_assert_cmpuint (counts.n_preferences, ==, 4);
}

static void
test_learner_handlers_follow (Fixture       *fixture,
                              gconstpointer  data)
{
  Counts counts = { 0 };
  TestView *view = test_view_new (&counts);
  TrellisClassroomView *base = TRELLIS_CLASSROOM_VIEW (view);
  TrellisLearner *first = trellis_learner_new (1, "Ada Lovelace");
  TrellisLearner *second = trellis_learner_new (2, "Alan Turing");
  guint n_notify = 0;

  g_signal_connect (view, "notify::learner", G_CALLBACK (count_notify_cb), &n_notify);

  trellis_classroom_view_set_learner (base, first);
  g_assert_true (trellis_classroom_view_get_learner (base) == first);
  g_assert_cmpuint (counts.n_learner_changed, ==, 1);
  g_assert_null (counts.old_learner);
  trellis_learner_set_preferred_name (first, "Ada");
  g_assert_cmpuint (counts.n_names, ==, 1);

  g_object_set (view, "learner", second, NULL);
  g_assert_cmpuint (counts.n_learner_changed, ==, 2);
  g_assert_true (counts.old_learner == first);
  g_assert_cmpuint (n_notify, ==, 2);
  trellis_learner_set_preferred_name (first, "Countess");
  g_assert_cmpuint (counts.n_names, ==, 1);
  trellis_learner_set_preferred_name (second, "Alan");
  g_assert_cmpuint (counts.n_names, ==, 2);

  trellis_classroom_view_set_learner (base, second);
  g_assert_cmpuint (counts.n_learner_changed, ==, 2);
  g_assert_cmpuint (n_notify, ==, 2);

  g_assert_finalize_object (view);
  trellis_learner_set_preferred_name (second, "A. M. Turing");
  g_assert_cmpuint (counts.n_names, ==, 2);
  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/classroom-view/classroom-handlers-follow", Fixture, NULL,
              fixture_set_up, test_classroom_handlers_follow, fixture_tear_down);
  g_test_add ("/classroom-view/learner-handlers-follow", Fixture, NULL,
              fixture_set_up, test_learner_handlers_follow, fixture_tear_down);

  return g_test_run ();
}
