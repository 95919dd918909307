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
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
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


/* --- Canvas's module_meta.xml ------------------------------------------------ */

#define CCC_NS "http://canvas.instructure.com/xsd/cccv1p0"

typedef struct
{
  xmlDocPtr          doc;
  xmlXPathContextPtr xpath;
} Meta;

static void
meta_open (Meta       *meta,
           const char *package)
{
  g_autofree char *text = read_entry (package, "course_settings/module_meta.xml");

  g_assert_nonnull (text);
  meta->doc = xmlReadMemory (text, (int)strlen (text), "module_meta.xml", NULL,
                             XML_PARSE_NONET);
  g_assert_nonnull (meta->doc);
  meta->xpath = xmlXPathNewContext (meta->doc);
  xmlXPathRegisterNs (meta->xpath, BAD_CAST "c", BAD_CAST CCC_NS);
}

static void
meta_close (Meta *meta)
{
  xmlXPathFreeContext (meta->xpath);
  xmlFreeDoc (meta->doc);
}

/* The string value of the XPath @expr (printf-style), "" when empty. */
static char * G_GNUC_PRINTF (2, 3)
meta_string (Meta       *meta,
             const char *format,
             ...)
{
  g_autofree char *expr = NULL;
  xmlXPathObjectPtr result;
  xmlChar *s;
  char *value;
  va_list args;

  va_start (args, format);
  expr = g_strdup_vprintf (format, args);
  va_end (args);

  result = xmlXPathEvalExpression (BAD_CAST expr, meta->xpath);
  g_assert_nonnull (result);
  s = xmlXPathCastToString (result);
  value = g_strdup ((const char *)s);
  xmlFree (s);
  xmlXPathFreeObject (result);

  return value;
}

static int G_GNUC_PRINTF (2, 3)
meta_int (Meta       *meta,
          const char *format,
          ...)
{
  g_autofree char *expr = NULL;
  xmlXPathObjectPtr result;
  double value;
  va_list args;

  va_start (args, format);
  expr = g_strdup_vprintf (format, args);
  va_end (args);

  result = xmlXPathEvalExpression (BAD_CAST expr, meta->xpath);
  g_assert_nonnull (result);
  value = xmlXPathCastToNumber (result);
  xmlXPathFreeObject (result);

  return (int)value;
}

/* The identifier of @node as the export writes it (see ident_from_uid). */
static char *
node_ident (TrellisNode *node)
{
  const char *uid = trellis_node_get_uid (node);
  GString *s = g_string_new (NULL);

  for (const char *p = uid; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '.' || *p == '-')
        g_string_append_c (s, *p);
      else
        g_string_append_printf (s, "_%02X", (guchar)*p);
    }

  return g_string_free (s, FALSE);
}

/*
 * What Canvas needs to keep a module's requirements
 * (app/models/importers/context_module_importer.rb): each requirement
 * names an item of its own module, each prerequisite an earlier module,
 * and each page item a page whose meta identifier is its identifierref.
 */
static void
assert_canvas_links (Meta       *meta,
                     const char *package)
{
  int n_modules = meta_int (meta, "count(/c:modules/c:module)");

  g_assert_cmpint (n_modules, >, 0);
  for (int m = 1; m <= n_modules; m++)
    {
      int n_reqs = meta_int (meta, "count(/c:modules/c:module[%d]/c:completionRequirements/c:completionRequirement)", m);
      int n_pre = meta_int (meta, "count(/c:modules/c:module[%d]/c:prerequisites/c:prerequisite)", m);
      int n_items = meta_int (meta, "count(/c:modules/c:module[%d]/c:items/c:item)", m);

      g_assert_cmpint (meta_int (meta, "/c:modules/c:module[%d]/c:position", m), ==, m);
      for (int r = 1; r <= n_reqs; r++)
        {
          g_autofree char *ref = meta_string (meta, "/c:modules/c:module[%d]/c:completionRequirements/c:completionRequirement[%d]/c:identifierref", m, r);

          g_assert_cmpstr (ref, !=, "");
          g_assert_cmpint (meta_int (meta, "count(/c:modules/c:module[%d]/c:items/c:item[@identifier='%s'])", m, ref), ==, 1);
        }
      for (int p = 1; p <= n_pre; p++)
        {
          g_autofree char *ref = meta_string (meta, "/c:modules/c:module[%d]/c:prerequisites/c:prerequisite[%d]/c:identifierref", m, p);

          g_assert_cmpint (meta_int (meta, "count(/c:modules/c:module[%d]/preceding-sibling::c:module[@identifier='%s'])", m, ref), ==, 1);
        }
      for (int i = 1; i <= n_items; i++)
        {
          g_autofree char *type = meta_string (meta, "/c:modules/c:module[%d]/c:items/c:item[%d]/c:content_type", m, i);
          g_autofree char *ref = meta_string (meta, "/c:modules/c:module[%d]/c:items/c:item[%d]/c:identifierref", m, i);
          g_autofree char *page = NULL;
          g_autofree char *html = NULL;
          g_autofree char *needle = NULL;

          if (!g_str_equal (type, "WikiPage"))
            continue;
          g_assert_true (g_str_has_prefix (ref, "trellis_R_"));
          page = g_strdup_printf ("wiki_content/%s.html", ref + strlen ("trellis_R_"));
          html = read_entry (package, page);
          g_assert_nonnull (html);
          needle = g_strdup_printf ("<meta name=\"identifier\" content=\"%s\">", ref);
          g_assert_nonnull (strstr (html, needle));
        }
    }
}

typedef struct
{
  const char *title;
  guint       choose_min;
  guint       choose_max;
  guint       n_options;
} GroupCase;

/*
 * Choice groups in Canvas mode: a module each, complete after the group's
 * minimum of its options ("complete one of", "complete 2 of 3"), all of
 * them when the minimum is all, nothing required when it is 0; milestones
 * are must-do and gate what follows.
 */
static void
test_canvas_choice_groups (Fixture       *fixture,
                           gconstpointer  data)
{
  static const GroupCase groups[] = {
    { "One of three", 1, 1, 3 },
    { "Two of three", 2, 3, 3 },
    { "All of two", 2, 2, 2 },
    { "Optional", 0, 2, 2 },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "groups.imscc", NULL);
  g_autofree char *pl_ident = NULL;
  g_autofree char *first_ident = NULL;
  g_autofree char *m1_module = NULL;
  g_autofree char *last_module = NULL;
  TrellisNode *group_nodes[G_N_ELEMENTS (groups)];
  TrellisNode *m1 = NULL, *m2, *after;
  TrellisPlaylist *playlist;
  Meta meta;

  playlist = trellis_classroom_add_playlist (fixture->classroom, "Choices unit", &error);
  g_assert_no_error (error);
  trellis_classroom_add_node (fixture->classroom, playlist, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Warm-up", -1, &error);
  g_assert_no_error (error);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      group_nodes[g] = trellis_classroom_add_node (fixture->classroom, playlist, NULL, TRELLIS_NODE_KIND_CHOICE,
                                                   groups[g].title, -1, &error);
      g_assert_no_error (error);
      for (guint o = 0; o < groups[g].n_options; o++)
        {
          g_autofree char *title = g_strdup_printf ("%s, option %u", groups[g].title, o + 1);

          trellis_classroom_add_node (fixture->classroom, playlist, group_nodes[g], TRELLIS_NODE_KIND_ACTIVITY,
                                      title, -1, &error);
          g_assert_no_error (error);
        }
      trellis_classroom_set_choice_bounds (fixture->classroom, group_nodes[g],
                                           groups[g].choose_min, groups[g].choose_max, &error);
      g_assert_no_error (error);

      /* The first milestone comes after the first group. */
      if (g == 0)
        {
          m1 = trellis_classroom_add_node (fixture->classroom, playlist, NULL, TRELLIS_NODE_KIND_MILESTONE,
                                           "Check-in", -1, &error);
          g_assert_no_error (error);
        }
    }
  after = trellis_classroom_add_node (fixture->classroom, playlist, NULL, TRELLIS_NODE_KIND_ACTIVITY, "Wrap-up", -1, &error);
  g_assert_no_error (error);
  m2 = trellis_classroom_add_node (fixture->classroom, playlist, NULL, TRELLIS_NODE_KIND_MILESTONE, "Final", -1, &error);
  g_assert_no_error (error);

  trellis_cc_export (fixture->classroom, playlist, out, TRELLIS_CC_FLAGS_CANVAS, &error);
  g_assert_no_error (error);
  assert_valid_cc (out);

  meta_open (&meta, out);
  assert_canvas_links (&meta, out);

  /* Warm-up | group 1 | check-in | groups 2-4 | wrap-up and final. */
  g_assert_cmpint (meta_int (&meta, "count(/c:modules/c:module)"), ==, 7);

  /* The first part keeps the organization's module identifier; it has no
   * milestone, so nothing is required and nothing waits for it. */
  {
    const char *uid = trellis_playlist_get_uid (playlist);
    GString *s = g_string_new (NULL);

    for (const char *p = uid; *p != '\0'; p++)
      {
        if (g_ascii_isalnum (*p) || *p == '.' || *p == '-')
          g_string_append_c (s, *p);
        else
          g_string_append_printf (s, "_%02X", (guchar)*p);
      }
    pl_ident = g_string_free (s, FALSE);
  }
  first_ident = meta_string (&meta, "/c:modules/c:module[1]/@identifier");
  g_assert_true (g_str_has_prefix (first_ident, "trellis_U_"));
  g_assert_cmpstr (first_ident + strlen ("trellis_U_"), ==, pl_ident);
  g_assert_cmpint (meta_int (&meta, "count(/c:modules/c:module[1]/c:completionRequirements/*)"), ==, 0);
  g_assert_cmpint (meta_int (&meta, "count(/c:modules/c:module[1]/c:requirement_count)"), ==, 0);

  /* The check-in's module: must mark it done. */
  {
    g_autofree char *ident = node_ident (m1);
    g_autofree char *item = g_strdup_printf ("trellis_I_%s", ident);

    g_autofree char *type = meta_string (&meta, "/c:modules/c:module[3]/c:completionRequirements/c:completionRequirement/@type");
    g_autofree char *ref = meta_string (&meta, "/c:modules/c:module[3]/c:completionRequirements/c:completionRequirement/c:identifierref");

    m1_module = meta_string (&meta, "/c:modules/c:module[3]/@identifier");
    g_assert_true (g_str_has_prefix (m1_module, "trellis_P_"));
    g_assert_cmpint (meta_int (&meta, "count(/c:modules/c:module[3]/c:completionRequirements/c:completionRequirement)"), ==, 1);
    g_assert_cmpstr (type, ==, "must_mark_done");
    g_assert_cmpstr (ref, ==, item);
    g_assert_cmpint (meta_int (&meta, "count(/c:modules/c:module[3]/c:requirement_count)"), ==, 0);
    g_assert_cmpint (meta_int (&meta, "count(/c:modules/c:module[3]/c:prerequisites/*)"), ==, 0);
  }

  /* Each group: one module, every option a must-mark-done requirement,
   * requirement_count = k when k < n; no requirement when k = 0. */
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autofree char *ident = node_ident (group_nodes[g]);
      g_autofree char *path = g_strdup_printf ("/c:modules/c:module[@identifier='trellis_G_%s']", ident);
      int n_reqs = meta_int (&meta, "count(%s/c:completionRequirements/c:completionRequirement)", path);
      int n_done = meta_int (&meta, "count(%s/c:completionRequirements/c:completionRequirement[@type='must_mark_done'])", path);
      int n_count = meta_int (&meta, "count(%s/c:requirement_count)", path);
      g_autofree char *title = meta_string (&meta, "%s/c:title", path);

      g_assert_cmpint (meta_int (&meta, "count(%s)", path), ==, 1);
      g_assert_nonnull (strstr (title, groups[g].title));
      g_assert_cmpint (meta_int (&meta, "count(%s/c:items/c:item[c:content_type='WikiPage'])", path), ==, (int)groups[g].n_options);

      if (groups[g].choose_min == 0)
        {
          g_assert_cmpint (n_reqs, ==, 0);
          g_assert_cmpint (n_count, ==, 0);
        }
      else if (groups[g].choose_min < groups[g].n_options)
        {
          g_assert_cmpint (n_reqs, ==, (int)groups[g].n_options);
          g_assert_cmpint (n_done, ==, n_reqs);
          g_assert_cmpint (n_count, ==, 1);
          g_assert_cmpint (meta_int (&meta, "%s/c:requirement_count", path), ==, (int)groups[g].choose_min);
        }
      else
        {
          /* All of them: Canvas's default, no count. */
          g_assert_cmpint (n_reqs, ==, (int)groups[g].n_options);
          g_assert_cmpint (n_done, ==, n_reqs);
          g_assert_cmpint (n_count, ==, 0);
        }

      /* Before the check-in nothing waits; after it, everything does. */
      if (g == 0)
        g_assert_cmpint (meta_int (&meta, "count(%s/c:prerequisites/*)", path), ==, 0);
      else
        {
          g_autofree char *pre = meta_string (&meta, "%s/c:prerequisites/c:prerequisite[@type='context_module']/c:identifierref", path);

          g_assert_cmpint (meta_int (&meta, "count(%s/c:prerequisites/*)", path), ==, 1);
          g_assert_cmpstr (pre, ==, m1_module);
        }
    }

  /* The last part goes on after the groups: its own identifier, the
   * check-in as prerequisite, the final milestone required. */
  {
    g_autofree char *ident = node_ident (after);
    g_autofree char *expected = g_strdup_printf ("trellis_P_%s", ident);
    g_autofree char *m2_ident = node_ident (m2);
    g_autofree char *m2_item = g_strdup_printf ("trellis_I_%s", m2_ident);
    g_autofree char *pre = meta_string (&meta, "/c:modules/c:module[7]/c:prerequisites/c:prerequisite/c:identifierref");
    g_autofree char *req = meta_string (&meta, "/c:modules/c:module[7]/c:completionRequirements/c:completionRequirement/c:identifierref");

    last_module = meta_string (&meta, "/c:modules/c:module[7]/@identifier");
    g_assert_cmpstr (last_module, ==, expected);
    g_assert_cmpstr (pre, ==, m1_module);
    g_assert_cmpint (meta_int (&meta, "count(/c:modules/c:module[7]/c:completionRequirements/c:completionRequirement)"), ==, 1);
    g_assert_cmpstr (req, ==, m2_item);
  }

  meta_close (&meta);
}

/* The sample unit in Canvas mode, one module per milestone section: the
 * choice groups are "complete one of", each section waits for the one
 * before (which ends with its milestone). */
static void
test_canvas_sample_sections (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *out = export (fixture, "Ancient civilizations", "civ.imscc",
                                 TRELLIS_CC_FLAGS_CANVAS | TRELLIS_CC_FLAGS_MODULE_PER_MILESTONE);
  int n_modules;
  int n_milestone_modules = 0;
  Meta meta;

  assert_valid_cc (out);
  meta_open (&meta, out);
  assert_canvas_links (&meta, out);

  /* "Choose 1 of 3" and "Choose 1 to 2 of 3": complete one of three. */
  g_assert_cmpint (meta_int (&meta, "/c:modules/c:module[@identifier='trellis_G_node-civ-choose']/c:requirement_count"), ==, 1);
  g_assert_cmpint (meta_int (&meta, "count(/c:modules/c:module[@identifier='trellis_G_node-civ-choose']/c:completionRequirements/c:completionRequirement)"), ==, 3);
  g_assert_cmpint (meta_int (&meta, "/c:modules/c:module[@identifier='trellis_G_node-civ-demo']/c:requirement_count"), ==, 1);
  g_assert_cmpint (meta_int (&meta, "count(/c:modules/c:module[@identifier='trellis_G_node-civ-demo']/c:completionRequirements/c:completionRequirement)"), ==, 3);

  /* Every module after the first milestone waits for the latest one. */
  n_modules = meta_int (&meta, "count(/c:modules/c:module)");
  for (int m = 1; m <= n_modules; m++)
    {
      g_autofree char *pre = meta_string (&meta, "/c:modules/c:module[%d]/c:prerequisites/c:prerequisite/c:identifierref", m);
      g_autofree char *latest = meta_string (&meta, "/c:modules/c:module[%d]/preceding-sibling::c:module"
                                             "[c:completionRequirements and not(c:requirement_count)"
                                             " and not(starts-with(@identifier, 'trellis_G_'))][1]/@identifier", m);
      int milestones = meta_int (&meta, "count(/c:modules/c:module[%d]/c:items/c:item[starts-with(c:title, 'Must do')])", m);

      g_assert_cmpstr (pre, ==, latest);
      if (milestones > 0)
        {
          n_milestone_modules++;
          g_assert_cmpint (meta_int (&meta, "count(/c:modules/c:module[%d]/c:completionRequirements/c:completionRequirement)", m), ==, milestones);
        }
    }
  g_assert_cmpint (n_milestone_modules, ==, 5);
  meta_close (&meta);
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
  g_test_add ("/cc-export/canvas-choice-groups", Fixture, NULL,
              trellis_test_fixture_set_up_sample, test_canvas_choice_groups, trellis_test_fixture_tear_down);
  g_test_add ("/cc-export/canvas-sample-sections", Fixture, NULL,
              trellis_test_fixture_set_up_sample, test_canvas_sample_sections, trellis_test_fixture_tear_down);
  g_test_add ("/cc-export/cli", Fixture, NULL,
              trellis_test_fixture_set_up_sample, test_cli, trellis_test_fixture_tear_down);

  return g_test_run ();
}
