/* test-cc-export.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <string.h>

#include "trellis-cc-export.h"
#include "trellis-sample.h"
#include "trellis-test-utils.h"

/*
 * Common Cartridge export: every package passes
 * $TRELLIS_SHARED_DIR/exchange/validate-cc (XSD + structure), keeps its
 * identifiers across exports and keeps hostile titles as text.
 */

typedef TrellisTestFixture Fixture;

static void
assert_valid_cc (const char *package)
{
  g_autofree char *validator = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *shared = g_getenv ("TRELLIS_SHARED_DIR");
  const char *argv[] = { NULL, package, NULL };
  int status;

  g_assert_nonnull (shared);
  validator = g_build_filename (shared, "exchange", "validate-cc", NULL);
  argv[0] = validator;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("validate-cc %s failed:\n%s%s", package, out, err);
  g_assert_true (g_str_has_prefix (out, "validate-cc: OK"));
}

/* The contents of @name in the zip @package, or NULL. */
static char *
read_entry (const char *package,
            const char *name)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  GString *s = NULL;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, package, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      char buffer[8192];
      la_ssize_t n;

      if (!g_str_equal (archive_entry_pathname (entry), name))
        continue;
      s = g_string_new (NULL);
      while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
        g_string_append_len (s, buffer, n);
      break;
    }
  archive_read_free (a);

  return s != NULL ? g_string_free (s, FALSE) : NULL;
}

static char *
export (Fixture        *fixture,
        const char     *playlist_name,
        const char     *file,
        TrellisCcFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, file, NULL);
  TrellisPlaylist *playlist;

  playlist = trellis_classroom_find_playlist (fixture->classroom, playlist_name, &error);
  g_assert_no_error (error);
  trellis_cc_export (fixture->classroom, playlist, out, flags, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&out);
}

typedef struct
{
  const char     *playlist;
  TrellisCcFlags  flags;
} SampleCase;

static const SampleCase sample_cases[] = {
  { "Ancient civilizations", TRELLIS_CC_FLAGS_NONE },
  { "Ecosystems and energy flow", TRELLIS_CC_FLAGS_NONE },
  { "Ancient civilizations", TRELLIS_CC_FLAGS_MODULE_PER_MILESTONE },
  { "Ecosystems and energy flow", TRELLIS_CC_FLAGS_MODULE_PER_MILESTONE },
  { "Ancient civilizations", TRELLIS_CC_FLAGS_CANVAS },
  { "Ecosystems and energy flow", TRELLIS_CC_FLAGS_CANVAS | TRELLIS_CC_FLAGS_MODULE_PER_MILESTONE },
};

static void
test_sample_playlists (Fixture       *fixture,
                       gconstpointer  data)
{
  const SampleCase *c = data;
  g_autofree char *first = export (fixture, c->playlist, "first.imscc", c->flags);
  g_autofree char *second = NULL;
  g_autofree char *manifest = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;

  assert_valid_cc (first);

  manifest = read_entry (first, "imsmanifest.xml");
  g_assert_nonnull (manifest);
  g_assert_nonnull (strstr (manifest, "<schemaversion>1.1.0</schemaversion>"));
  g_assert_nonnull (strstr (manifest, "structure=\"rooted-hierarchy\""));
  g_assert_nonnull (strstr (manifest, "Choose 1 of "));
  g_assert_nonnull (strstr (manifest, "Must do: "));
  g_assert_nonnull (strstr (manifest, "imswl_xmlv1p1"));
  if (c->flags & TRELLIS_CC_FLAGS_CANVAS)
    {
      g_autofree char *meta = read_entry (first, "course_settings/module_meta.xml");

      g_assert_nonnull (meta);
      g_assert_nonnull (strstr (meta, "must_mark_done"));
      g_assert_nonnull (strstr (manifest, "course_settings/canvas_export.txt"));
    }

  /* Identifiers (and the whole package) stay the same on a re-export. */
  second = export (fixture, c->playlist, "second.imscc", c->flags);
  first_bytes = trellis_test_read_bytes (first);
  second_bytes = trellis_test_read_bytes (second);
  trellis_test_assert_bytes_equal (first_bytes, second_bytes);
}

/* Identifiers are derived from uids, not from row ids or positions. */
static void
test_identifiers_stable (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = export (fixture, "Ancient civilizations", "a.imscc", TRELLIS_CC_FLAGS_NONE);
  g_autofree char *manifest = read_entry (first, "imsmanifest.xml");
  g_autofree char *second = NULL;
  g_autofree char *manifest2 = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("identifier(ref)?=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_assert_nonnull (strstr (manifest, "identifier=\"trellis_I_node-civ-choose\""));

  /* Reorder the nodes: the identifiers stay. */
  trellis_classroom_exec (fixture->classroom, "UPDATE nodes SET position = 100 - position", &error);
  g_assert_no_error (error);
  second = export (fixture, "Ancient civilizations", "b.imscc", TRELLIS_CC_FLAGS_NONE);
  manifest2 = read_entry (second, "imsmanifest.xml");
  assert_valid_cc (second);

  g_regex_match (regex, manifest, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *attr = g_match_info_fetch (match, 0);

      g_assert_nonnull (strstr (manifest2, attr));
      n++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n, >, 40);
}

static void
test_hostile_titles (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char hostile[] = "<script>alert(\"x\")</script> & 'quotes' \"too\" ]]> é";
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *page = NULL;
  g_autofree char *link = NULL;
  TrellisPlaylist *playlist;
  TrellisNode *node;
  TrellisNode *group;
  xmlDocPtr doc;

  playlist = trellis_classroom_add_playlist (fixture->classroom, hostile, &error);
  g_assert_no_error (error);
  node = trellis_classroom_add_node (fixture->classroom, playlist, NULL, TRELLIS_NODE_KIND_ACTIVITY,
                                     hostile, -1, &error);
  g_assert_no_error (error);
  group = trellis_classroom_add_node (fixture->classroom, playlist, NULL, TRELLIS_NODE_KIND_CHOICE,
                                     "Pick <one> & \"go\"", -1, &error);
  g_assert_no_error (error);
  trellis_classroom_add_node (fixture->classroom, playlist, group, TRELLIS_NODE_KIND_ACTIVITY,
                              "Option & <b>", -1, &error);
  g_assert_no_error (error);
  trellis_classroom_add_node (fixture->classroom, playlist, NULL, TRELLIS_NODE_KIND_MILESTONE,
                              "Done?\"<>", -1, &error);
  g_assert_no_error (error);
  trellis_classroom_exec (fixture->classroom,
                          "UPDATE nodes SET instructions = '<img src=x onerror=alert(1)> & \"q\"',"
                          " resource_url = 'https://example.org/?a=1&b=<2>'"
                          " WHERE kind = 'activity' AND playlist_id = (SELECT max (id) FROM playlists)",
                          &error);
  g_assert_no_error (error);

  out = g_build_filename (fixture->dir, "hostile.imscc", NULL);
  trellis_cc_export (fixture->classroom, playlist, out, TRELLIS_CC_FLAGS_NONE, &error);
  g_assert_no_error (error);
  assert_valid_cc (out);

  manifest = read_entry (out, "imsmanifest.xml");
  g_assert_null (strstr (manifest, "<script>"));
  g_assert_nonnull (strstr (manifest, "&lt;script&gt;"));
  doc = xmlReadMemory (manifest, (int)strlen (manifest), "imsmanifest.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);

  {
    g_autofree char *ident = NULL;
    g_autofree char *name = NULL;
    const char *uid = trellis_node_get_uid (node);
    GString *s = g_string_new (NULL);

    for (const char *p = uid; *p != '\0'; p++)
      {
        if (g_ascii_isalnum (*p) || *p == '.' || *p == '-')
          g_string_append_c (s, *p);
        else
          g_string_append_printf (s, "_%02X", (guchar)*p);
      }
    ident = g_string_free (s, FALSE);
    g_assert_nonnull (strstr (manifest, ident));
    name = g_strdup_printf ("trellis_W_%s/weblink.xml", ident);
    link = read_entry (out, name);
    g_assert_nonnull (link);
    g_assert_nonnull (strstr (link, "https://example.org/?a=1&amp;b=%3C2%3E"));
  }

  /* The pages escape text too (no <script> or <img> elements). */
  {
    struct archive *a = archive_read_new ();
    struct archive_entry *entry;
    guint pages = 0;

    archive_read_support_format_zip (a);
    g_assert_cmpint (archive_read_open_filename (a, out, 16384), ==, ARCHIVE_OK);
    while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
      {
        const char *name = archive_entry_pathname (entry);

        /* Portable names: ASCII, no spaces or reserved characters. */
        for (const char *p = name; *p != '\0'; p++)
          g_assert_true (g_ascii_isalnum (*p) || strchr ("._-/", *p) != NULL);

        if (g_str_has_suffix (name, ".html"))
          {
            g_autofree char *html = read_entry (out, name);

            g_assert_null (strstr (html, "<script"));
            g_assert_null (strstr (html, "<img"));
            g_assert_null (strstr (html, "<b>"));
            pages++;
          }
      }
    archive_read_free (a);
    g_assert_cmpuint (pages, ==, 3);
  }
}

static void
test_empty_playlist (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "empty.imscc", NULL);
  TrellisPlaylist *playlist;

  playlist = trellis_classroom_add_playlist (fixture->classroom, "Nothing yet", &error);
  g_assert_no_error (error);
  g_assert_false (trellis_cc_export (fixture->classroom, playlist, out, TRELLIS_CC_FLAGS_NONE, &error));
  g_assert_error (error, TRELLIS_CC_ERROR, TRELLIS_CC_ERROR_EMPTY);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* A failed export leaves no file, not even a temporary one. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "missing", "x.imscc", NULL);
  TrellisPlaylist *playlist = trellis_classroom_find_playlist (fixture->classroom, "Ecosystems and energy flow", &error);

  g_assert_no_error (error);
  g_assert_false (trellis_cc_export (fixture->classroom, playlist, out, TRELLIS_CC_FLAGS_NONE, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "cli.imscc", NULL);
  g_autofree char *err = NULL;
  int status;

  g_clear_object (&fixture->classroom);

  {
    const char * const args[] = { "export-cc", fixture->path, "--playlist", "No such playlist",
                                  "--output", out, NULL };

    status = trellis_test_run_cli_argv (NULL, args, NULL, &err);
    g_assert_cmpint (status, ==, 1);
    trellis_test_assert_one_line (err);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
  }

  {
    const char * const args[] = { "export-cc", fixture->path, "--output", out, NULL };

    status = trellis_test_run_cli_argv (NULL, args, NULL, &err);
    g_assert_cmpint (status, ==, 2);
    g_clear_pointer (&err, g_free);
  }

  {
    const char * const args[] = { "export-cc", fixture->path, "--playlist", "Ecosystems and energy flow",
                                  "--output", out, "--canvas", NULL };

    status = trellis_test_run_cli_argv (NULL, args, NULL, &err);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
    assert_valid_cc (out);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sample_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cc-export/sample/%u", i);
      g_test_add (path, Fixture, &sample_cases[i],
                  trellis_test_fixture_set_up_sample, test_sample_playlists, trellis_test_fixture_tear_down);
    }
  g_test_add ("/cc-export/identifiers-stable", Fixture, NULL,
              trellis_test_fixture_set_up_sample, test_identifiers_stable, trellis_test_fixture_tear_down);
  g_test_add ("/cc-export/hostile-titles", Fixture, NULL,
              trellis_test_fixture_set_up_sample, test_hostile_titles, trellis_test_fixture_tear_down);
  g_test_add ("/cc-export/empty-playlist", Fixture, NULL,
              trellis_test_fixture_set_up_sample, test_empty_playlist, trellis_test_fixture_tear_down);
  g_test_add ("/cc-export/unwritable", Fixture, NULL,
              trellis_test_fixture_set_up_sample, test_unwritable, trellis_test_fixture_tear_down);
  g_test_add ("/cc-export/cli", Fixture, NULL,
              trellis_test_fixture_set_up_sample, test_cli, trellis_test_fixture_tear_down);

  return g_test_run ();
}
