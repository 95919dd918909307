/* trellis-cc-export.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <libxml/xmlwriter.h>

#include "trellis-cc-export.h"

/*
 * A playlist as an IMS Common Cartridge 1.1 package (CC-NOTES.md in
 * ../shared/exchange): one organization, a root item without a title, one
 * folder item (module) per playlist or per milestone section, and under it
 * the nodes in order: activities and milestones as self-contained web pages,
 * resource links as web links, choice groups as a folder "Choose k of n".
 *
 * Identifiers come from the nodes' uids (stable across edits), so a
 * re-export keeps them and an LMS updates the course instead of adding a
 * copy.  Entry names are ASCII and derived from the identifiers, and every
 * entry has the same fixed time, so two exports of an unchanged playlist
 * are byte-identical.
 *
 * With TRELLIS_CC_FLAGS_CANVAS, pages go under wiki_content/ (with the
 * meta identifier Canvas links module items by) and course_settings/
 * carries canvas_export.txt and module_meta.xml, which Canvas reads instead
 * of the organization (CC-NOTES.md §6): must-do milestones are completion
 * requirements, a choice group is a module of its own that is complete
 * after k of its n options (requirement_count), and whatever follows a
 * milestone has the milestone's module as prerequisite.
 */

G_DEFINE_QUARK (trellis-cc-error-quark, trellis_cc_error)

#define CC_NS   "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
#define LOM_NS  "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
#define WL_NS   "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"
#define CCC_NS  "http://canvas.instructure.com/xsd/cccv1p0"

/* 2000-01-01T00:00:00Z: entry times are fixed so exports are reproducible. */
#define ENTRY_MTIME 946684800

typedef struct _CcNode CcNode;

struct _CcNode
{
  gint64      id;
  gint64      parent_id;
  char       *kind;
  char       *uid;
  char       *title;
  char       *instructions;
  char       *resource_url;
  int         minutes;
  char       *social_mode;
  guint       choose_min;
  guint       choose_max;
  char       *suggested_date;
  char       *target_date;
  char       *must_show;
  gboolean    is_starter;
  gboolean    is_challenge;
  char       *formats;
  char       *skills;
  GPtrArray  *children;      /* (element-type CcNode), not owned */

  /* Derived */
  char       *ident;         /* the node's part of every identifier */
};

typedef struct
{
  char      *ident;          /* folder item identifier */
  char      *title;
  GPtrArray *nodes;          /* (element-type CcNode), not owned */
  CcNode    *group;          /* Canvas: the choice group this module is, or NULL */
} CcModule;

typedef struct
{
  TrellisClassroom *classroom;
  TrellisPlaylist  *playlist;
  TrellisCcFlags    flags;
  char             *pl_ident;
  GPtrArray        *all;     /* (element-type CcNode), owned */
  GPtrArray        *top;     /* top-level nodes, not owned */
  GPtrArray        *modules; /* (element-type CcModule), owned */
  struct archive   *archive;
} CcExport;

static void
cc_node_free (gpointer data)
{
  CcNode *node = data;

  g_free (node->kind);
  g_free (node->uid);
  g_free (node->title);
  g_free (node->instructions);
  g_free (node->resource_url);
  g_free (node->social_mode);
  g_free (node->suggested_date);
  g_free (node->target_date);
  g_free (node->must_show);
  g_free (node->formats);
  g_free (node->skills);
  g_free (node->ident);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static void
cc_module_free (gpointer data)
{
  CcModule *module = data;

  g_free (module->ident);
  g_free (module->title);
  g_ptr_array_unref (module->nodes);
  g_free (module);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/*
 * The part of an XML ID that stands for @uid: ASCII letters, digits, '.'
 * and '-' are kept, anything else (including '_') becomes "_XX" in hex, so
 * different uids never give the same identifier.
 */
static char *
ident_from_uid (const char *uid)
{
  GString *s = g_string_new (NULL);

  for (const guchar *p = (const guchar *)uid; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '.' || *p == '-')
        g_string_append_c (s, (char)*p);
      else
        g_string_append_printf (s, "_%02X", *p);
    }

  return g_string_free (s, FALSE);
}

static gboolean
load_nodes (CcExport  *cc,
            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  stmt = trellis_classroom_prepare (cc->classroom,
    "SELECT n.id, n.parent_id, n.kind, n.uid, n.title, n.instructions, n.resource_url,"
    "       n.estimated_minutes, n.social_mode, n.choose_min, n.choose_max,"
    "       n.suggested_date, n.target_date, n.must_show, n.is_starter, n.is_challenge,"
    "       (SELECT group_concat (format, ', ') FROM"
    "          (SELECT format FROM node_formats WHERE node_id = n.id ORDER BY position, format)),"
    "       (SELECT group_concat (label, '\n') FROM"
    "          (SELECT s.code || ': ' || s.name AS label FROM node_skills ns"
    "             JOIN skills s ON s.id = ns.skill_id"
    "            WHERE ns.node_id = n.id ORDER BY s.position, s.code))"
    "  FROM nodes n WHERE n.playlist_id = ?1"
    " ORDER BY n.parent_id IS NOT NULL, n.position, n.id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, trellis_playlist_get_id (cc->playlist));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CcNode *node = g_new0 (CcNode, 1);

      node->id = sqlite3_column_int64 (stmt, 0);
      node->parent_id = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 1);
      node->kind = dup_column (stmt, 2);
      node->uid = dup_column (stmt, 3);
      node->title = dup_column (stmt, 4);
      node->instructions = dup_column (stmt, 5);
      node->resource_url = dup_column (stmt, 6);
      if (node->resource_url != NULL)
        {
          /* Spaces, quotes, angle brackets, non-ASCII: percent-encoded. */
          char *url = g_uri_escape_string (g_strstrip (node->resource_url),
                                           "!$&'()*+,;=:@/?#[]%~", FALSE);
          g_free (node->resource_url);
          node->resource_url = url;
        }
      node->minutes = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 7);
      node->social_mode = dup_column (stmt, 8);
      node->choose_min = (guint)sqlite3_column_int (stmt, 9);
      node->choose_max = (guint)sqlite3_column_int (stmt, 10);
      node->suggested_date = dup_column (stmt, 11);
      node->target_date = dup_column (stmt, 12);
      node->must_show = dup_column (stmt, 13);
      node->is_starter = sqlite3_column_int (stmt, 14) != 0;
      node->is_challenge = sqlite3_column_int (stmt, 15) != 0;
      node->formats = dup_column (stmt, 16);
      node->skills = dup_column (stmt, 17);
      node->children = g_ptr_array_new ();
      node->ident = ident_from_uid (node->uid != NULL ? node->uid : "");
      if (node->kind == NULL)
        node->kind = g_strdup ("activity");
      if (node->title == NULL)
        node->title = g_strdup (_("Untitled"));

      g_ptr_array_add (cc->all, node);
      g_hash_table_insert (by_id, &node->id, node);
    }

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (cc->classroom, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < cc->all->len; i++)
    {
      CcNode *node = g_ptr_array_index (cc->all, i);
      CcNode *parent;

      if (node->parent_id == 0)
        g_ptr_array_add (cc->top, node);
      else if ((parent = g_hash_table_lookup (by_id, &node->parent_id)) != NULL)
        g_ptr_array_add (parent->children, node);
    }

  if (cc->top->len == 0)
    {
      g_set_error (error, TRELLIS_CC_ERROR, TRELLIS_CC_ERROR_EMPTY,
                   _("The playlist “%s” has no activities to export"),
                   trellis_playlist_get_title (cc->playlist));
      return FALSE;
    }

  return TRUE;
}

static void
plan_modules (CcExport *cc)
{
  const char *pl_title = trellis_playlist_get_title (cc->playlist);
  CcModule *module = NULL;

  if (!(cc->flags & TRELLIS_CC_FLAGS_MODULE_PER_MILESTONE))
    {
      module = g_new0 (CcModule, 1);
      module->ident = g_strdup_printf ("trellis_U_%s", cc->pl_ident);
      module->title = g_strdup (pl_title);
      module->nodes = g_ptr_array_ref (cc->top);
      g_ptr_array_add (cc->modules, module);
      return;
    }

  /* A section is everything up to and including the next milestone. */
  for (guint i = 0; i < cc->top->len; i++)
    {
      CcNode *node = g_ptr_array_index (cc->top, i);

      if (module == NULL)
        {
          module = g_new0 (CcModule, 1);
          module->nodes = g_ptr_array_new ();
          g_ptr_array_add (cc->modules, module);
        }
      g_ptr_array_add (module->nodes, node);

      if (g_str_equal (node->kind, "milestone"))
        {
          module->ident = g_strdup_printf ("trellis_U_%s", node->ident);
          /* TRANSLATORS: a module: the playlist's title, then the milestone's */
          module->title = g_strdup_printf (_("%s: %s"), pl_title, node->title);
          module = NULL;
        }
    }

  if (module != NULL)
    {
      module->ident = g_strdup_printf ("trellis_U_%s_end", cc->pl_ident);
      /* TRANSLATORS: the last module of a playlist, after its last milestone */
      module->title = g_strdup_printf (_("%s: after the last milestone"), pl_title);
    }
}

static char *
node_item_title (CcNode *node)
{
  if (g_str_equal (node->kind, "choice"))
    {
      guint n = node->children->len;

      if (node->choose_min == node->choose_max)
        /* TRANSLATORS: a choice group's folder, e.g. "Choose 1 of 4: Choose your civilization" */
        return g_strdup_printf (_("Choose %u of %u: %s"), node->choose_min, n, node->title);
      /* TRANSLATORS: a choice group's folder, e.g. "Choose 1 to 2 of 4: Show what you know" */
      return g_strdup_printf (_("Choose %u to %u of %u: %s"), node->choose_min,
                              MIN (node->choose_max, n), n, node->title);
    }

  if (g_str_equal (node->kind, "milestone"))
    {
      if (node->target_date != NULL)
        /* TRANSLATORS: a milestone, with its date (YYYY-MM-DD) */
        return g_strdup_printf (_("Must do: %s (by %s)"), node->title, node->target_date);
      return g_strdup_printf (_("Must do: %s"), node->title);
    }

  return g_strdup (node->title);
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL &&
         (g_ascii_strncasecmp (url, "http://", 7) == 0 ||
          g_ascii_strncasecmp (url, "https://", 8) == 0) &&
         url[strcspn (url, ":") + 3] != '\0';
}

/* --- HTML pages ---------------------------------------------------------- */

static void
append_escaped (GString    *s,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (s, escaped);
}

/* Paragraphs from blank-line separated text, line breaks kept. */
static void
append_paragraphs (GString    *s,
                   const char *text)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;

      if (*g_strstrip (paragraphs[i]) == '\0')
        continue;
      lines = g_strsplit (paragraphs[i], "\n", -1);
      g_string_append (s, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (s, "<br>\n");
          append_escaped (s, lines[j]);
        }
      g_string_append (s, "</p>\n");
    }
}

static void
append_fact (GString    *s,
             const char *label,
             const char *value)
{
  g_string_append (s, "<li><strong>");
  append_escaped (s, label);
  g_string_append (s, "</strong> ");
  append_escaped (s, value);
  g_string_append (s, "</li>\n");
}

static const char *
social_mode_label (const char *mode)
{
  if (g_strcmp0 (mode, "pair") == 0)
    return _("with a partner");
  if (g_strcmp0 (mode, "group") == 0)
    return _("in a group");
  return _("on your own");
}

static char *
page_html (CcExport *cc,
           CcNode   *node,
           CcNode   *group)
{
  GString *s = g_string_new (NULL);
  g_autofree char *heading = node_item_title (node);

  g_string_append (s, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");
  append_escaped (s, heading);
  g_string_append (s, "</title>\n");
  if (cc->flags & TRELLIS_CC_FLAGS_CANVAS)
    {
      /* Canvas takes a page's migration id from this meta, not from the
       * manifest: module items find their page by it. */
      g_string_append_printf (s, "<meta name=\"identifier\" content=\"trellis_R_%s\">\n", node->ident);
      g_string_append (s, "<meta name=\"workflow_state\" content=\"active\">\n");
    }
  g_string_append (s, "</head>\n<body>\n<h1>");
  append_escaped (s, heading);
  g_string_append (s, "</h1>\n");

  if (g_str_equal (node->kind, "milestone"))
    {
      g_string_append (s, "<p><strong>");
      if (node->target_date != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Must do, by %s."), node->target_date);
          append_escaped (s, text);
        }
      else
        append_escaped (s, _("Must do."));
      g_string_append (s, "</strong></p>\n");
    }

  if (group != NULL)
    {
      g_autofree char *folder = node_item_title (group);
      g_autofree char *text = g_strdup_printf (_("One of the options of “%s”."), folder);

      g_string_append (s, "<p><em>");
      append_escaped (s, text);
      g_string_append (s, "</em></p>\n");
    }

  if (node->instructions != NULL)
    append_paragraphs (s, node->instructions);

  if (node->must_show != NULL)
    {
      g_string_append (s, "<h2>");
      append_escaped (s, _("What to show"));
      g_string_append (s, "</h2>\n");
      append_paragraphs (s, node->must_show);
    }

  g_string_append (s, "<ul>\n");
  append_fact (s, _("Work:"), social_mode_label (node->social_mode));
  if (node->minutes > 0)
    {
      g_autofree char *minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %d minute", "about %d minutes",
                                                               node->minutes), node->minutes);
      append_fact (s, _("Time:"), minutes);
    }
  if (node->formats != NULL)
    append_fact (s, _("Ways to show it:"), node->formats);
  if (node->suggested_date != NULL)
    append_fact (s, _("Suggested date:"), node->suggested_date);
  if (node->target_date != NULL && !g_str_equal (node->kind, "milestone"))
    append_fact (s, _("Target date:"), node->target_date);
  if (node->is_starter)
    append_fact (s, _("Level:"), _("a starter: a good place to begin"));
  if (node->is_challenge)
    append_fact (s, _("Level:"), _("a challenge"));
  g_string_append (s, "</ul>\n");

  if (node->skills != NULL)
    {
      g_auto(GStrv) skills = g_strsplit (node->skills, "\n", -1);

      g_string_append (s, "<h2>");
      append_escaped (s, _("Skills"));
      g_string_append (s, "</h2>\n<ul>\n");
      for (guint i = 0; skills[i] != NULL; i++)
        {
          g_string_append (s, "<li>");
          append_escaped (s, skills[i]);
          g_string_append (s, "</li>\n");
        }
      g_string_append (s, "</ul>\n");
    }

  if (node->resource_url != NULL)
    {
      g_string_append (s, "<p>");
      append_escaped (s, _("Resource:"));
      g_string_append_c (s, ' ');
      if (is_web_url (node->resource_url))
        {
          g_string_append (s, "<a href=\"");
          append_escaped (s, node->resource_url);
          g_string_append (s, "\">");
          append_escaped (s, node->resource_url);
          g_string_append (s, "</a>");
        }
      else
        append_escaped (s, node->resource_url);
      g_string_append (s, "</p>\n");
    }

  g_string_append (s, "</body>\n</html>\n");

  return g_string_free (s, FALSE);
}

/* --- XML ------------------------------------------------------------------ */

typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
  gboolean         failed;
} Xml;

static void
xml_begin (Xml *x)
{
  x->buffer = xmlBufferCreate ();
  x->writer = xmlNewTextWriterMemory (x->buffer, 0);
  x->failed = x->writer == NULL;
  if (!x->failed)
    {
      xmlTextWriterSetIndent (x->writer, 1);
      xmlTextWriterSetIndentString (x->writer, BAD_CAST "  ");
      x->failed = xmlTextWriterStartDocument (x->writer, "1.0", "UTF-8", NULL) < 0;
    }
}

static void
xml_start (Xml        *x,
           const char *name)
{
  if (!x->failed && xmlTextWriterStartElement (x->writer, BAD_CAST name) < 0)
    x->failed = TRUE;
}

static void
xml_attr (Xml        *x,
          const char *name,
          const char *value)
{
  if (!x->failed && xmlTextWriterWriteAttribute (x->writer, BAD_CAST name, BAD_CAST value) < 0)
    x->failed = TRUE;
}

static void
xml_end (Xml *x)
{
  if (!x->failed && xmlTextWriterEndElement (x->writer) < 0)
    x->failed = TRUE;
}

static void
xml_text_element (Xml        *x,
                  const char *name,
                  const char *text)
{
  if (!x->failed && xmlTextWriterWriteElement (x->writer, BAD_CAST name, BAD_CAST text) < 0)
    x->failed = TRUE;
}

/* Returns the document (transfer full), or NULL. */
static GBytes *
xml_finish (Xml *x)
{
  GBytes *bytes = NULL;

  if (!x->failed && xmlTextWriterEndDocument (x->writer) < 0)
    x->failed = TRUE;
  if (x->writer != NULL)
    xmlFreeTextWriter (x->writer);
  if (!x->failed)
    bytes = g_bytes_new (xmlBufferContent (x->buffer), (gsize)xmlBufferLength (x->buffer));
  xmlBufferFree (x->buffer);

  return bytes;
}

/* --- the package ------------------------------------------------------------ */

static gboolean
add_entry (CcExport    *cc,
           const char  *name,
           const void  *data,
           gsize        len,
           GError     **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gboolean ok;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, (la_int64_t)len);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, ENTRY_MTIME, 0);

  ok = archive_write_header (cc->archive, entry) == ARCHIVE_OK &&
       (len == 0 || archive_write_data (cc->archive, data, len) == (la_ssize_t)len);
  archive_entry_free (entry);

  if (!ok)
    g_set_error (error, TRELLIS_CC_ERROR, TRELLIS_CC_ERROR_WRITE,
                 _("Could not write “%s” into the package: %s"), name,
                 archive_error_string (cc->archive));
  return ok;
}

static gboolean
add_bytes_entry (CcExport    *cc,
                 const char  *name,
                 GBytes      *bytes,
                 GError     **error)
{
  gsize len;
  const void *data;

  if (bytes == NULL)
    {
      g_set_error (error, TRELLIS_CC_ERROR, TRELLIS_CC_ERROR_WRITE,
                   _("Could not write the XML of “%s”"), name);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &len);
  return add_entry (cc, name, data, len, error);
}

static char *
page_path (CcExport *cc,
           CcNode   *node)
{
  if (cc->flags & TRELLIS_CC_FLAGS_CANVAS)
    return g_strdup_printf ("wiki_content/%s.html", node->ident);
  return g_strdup_printf ("web_resources/%s/%s.html", cc->pl_ident, node->ident);
}

static gboolean
write_node_files (CcExport  *cc,
                  CcNode    *node,
                  CcNode    *group,
                  GError   **error)
{
  if (g_str_equal (node->kind, "choice"))
    {
      for (guint i = 0; i < node->children->len; i++)
        if (!write_node_files (cc, g_ptr_array_index (node->children, i), node, error))
          return FALSE;
      return TRUE;
    }

  {
    g_autofree char *path = page_path (cc, node);
    g_autofree char *html = page_html (cc, node, group);

    if (!add_entry (cc, path, html, strlen (html), error))
      return FALSE;
  }

  if (is_web_url (node->resource_url))
    {
      g_autofree char *path = g_strdup_printf ("trellis_W_%s/weblink.xml", node->ident);
      g_autoptr(GBytes) bytes = NULL;
      Xml x;

      xml_begin (&x);
      xml_start (&x, "webLink");
      xml_attr (&x, "xmlns", WL_NS);
      xml_text_element (&x, "title", node->title);
      xml_start (&x, "url");
      xml_attr (&x, "href", node->resource_url);
      xml_attr (&x, "target", "_blank");
      xml_end (&x);
      xml_end (&x);
      bytes = xml_finish (&x);

      if (!add_bytes_entry (cc, path, bytes, error))
        return FALSE;
    }

  return TRUE;
}

static void
write_items (CcExport *cc,
             Xml      *x,
             CcNode   *node)
{
  g_autofree char *title = node_item_title (node);
  g_autofree char *item_id = g_strdup_printf ("trellis_I_%s", node->ident);

  xml_start (x, "item");
  xml_attr (x, "identifier", item_id);

  if (g_str_equal (node->kind, "choice"))
    {
      xml_text_element (x, "title", title);
      for (guint i = 0; i < node->children->len; i++)
        write_items (cc, x, g_ptr_array_index (node->children, i));
      xml_end (x);
      return;
    }

  {
    g_autofree char *ref = g_strdup_printf ("trellis_R_%s", node->ident);

    xml_attr (x, "identifierref", ref);
    xml_text_element (x, "title", title);
    xml_end (x);
  }

  if (is_web_url (node->resource_url))
    {
      g_autofree char *link_item = g_strdup_printf ("trellis_L_%s", node->ident);
      g_autofree char *ref = g_strdup_printf ("trellis_W_%s", node->ident);
      /* TRANSLATORS: the web link that goes with an activity */
      g_autofree char *link_title = g_strdup_printf (_("Resource: %s"), node->title);

      xml_start (x, "item");
      xml_attr (x, "identifier", link_item);
      xml_attr (x, "identifierref", ref);
      xml_text_element (x, "title", link_title);
      xml_end (x);
    }
}

static void
write_resources (CcExport *cc,
                 Xml      *x,
                 CcNode   *node)
{
  if (g_str_equal (node->kind, "choice"))
    {
      for (guint i = 0; i < node->children->len; i++)
        write_resources (cc, x, g_ptr_array_index (node->children, i));
      return;
    }

  {
    g_autofree char *id = g_strdup_printf ("trellis_R_%s", node->ident);
    g_autofree char *path = page_path (cc, node);

    xml_start (x, "resource");
    xml_attr (x, "identifier", id);
    xml_attr (x, "type", "webcontent");
    xml_attr (x, "href", path);
    xml_start (x, "file");
    xml_attr (x, "href", path);
    xml_end (x);
    xml_end (x);
  }

  if (is_web_url (node->resource_url))
    {
      g_autofree char *id = g_strdup_printf ("trellis_W_%s", node->ident);
      g_autofree char *path = g_strdup_printf ("trellis_W_%s/weblink.xml", node->ident);

      xml_start (x, "resource");
      xml_attr (x, "identifier", id);
      xml_attr (x, "type", "imswl_xmlv1p1");
      xml_start (x, "file");
      xml_attr (x, "href", path);
      xml_end (x);
      xml_end (x);
    }
}

static GBytes *
manifest_xml (CcExport *cc)
{
  const char *description = trellis_playlist_get_description (cc->playlist);
  g_autofree char *manifest_id = g_strdup_printf ("trellis_M_%s", cc->pl_ident);
  g_autofree char *org_id = g_strdup_printf ("trellis_O_%s", cc->pl_ident);
  g_autofree char *root_id = g_strdup_printf ("trellis_ROOT_%s", cc->pl_ident);
  Xml x;

  xml_begin (&x);
  xml_start (&x, "manifest");
  /* Moodle looks for the default namespace in the first 500 bytes. */
  xml_attr (&x, "xmlns", CC_NS);
  xml_attr (&x, "xmlns:lomimscc", LOM_NS);
  xml_attr (&x, "identifier", manifest_id);

  xml_start (&x, "metadata");
  xml_text_element (&x, "schema", "IMS Common Cartridge");
  xml_text_element (&x, "schemaversion", "1.1.0");
  xml_start (&x, "lomimscc:lom");
  xml_start (&x, "lomimscc:general");
  xml_start (&x, "lomimscc:title");
  xml_text_element (&x, "lomimscc:string", trellis_playlist_get_title (cc->playlist));
  xml_end (&x);
  if (description != NULL && *description != '\0')
    {
      xml_start (&x, "lomimscc:description");
      xml_text_element (&x, "lomimscc:string", description);
      xml_end (&x);
    }
  xml_end (&x);
  xml_end (&x);
  xml_end (&x);

  xml_start (&x, "organizations");
  xml_start (&x, "organization");
  xml_attr (&x, "identifier", org_id);
  xml_attr (&x, "structure", "rooted-hierarchy");
  xml_start (&x, "item");
  xml_attr (&x, "identifier", root_id);
  for (guint m = 0; m < cc->modules->len; m++)
    {
      CcModule *module = g_ptr_array_index (cc->modules, m);

      xml_start (&x, "item");
      xml_attr (&x, "identifier", module->ident);
      xml_text_element (&x, "title", module->title);
      for (guint i = 0; i < module->nodes->len; i++)
        write_items (cc, &x, g_ptr_array_index (module->nodes, i));
      xml_end (&x);
    }
  xml_end (&x);
  xml_end (&x);
  xml_end (&x);

  xml_start (&x, "resources");
  for (guint i = 0; i < cc->top->len; i++)
    write_resources (cc, &x, g_ptr_array_index (cc->top, i));
  if (cc->flags & TRELLIS_CC_FLAGS_CANVAS)
    {
      g_autofree char *settings_id = g_strdup_printf ("trellis_S_%s", cc->pl_ident);
      static const char * const files[] = {
        "course_settings/canvas_export.txt",
        "course_settings/course_settings.xml",
        "course_settings/module_meta.xml",
      };

      xml_start (&x, "resource");
      xml_attr (&x, "identifier", settings_id);
      xml_attr (&x, "type", "associatedcontent/imscc_xmlv1p1/learning-application-resource");
      xml_attr (&x, "href", files[0]);
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          xml_start (&x, "file");
          xml_attr (&x, "href", files[i]);
          xml_end (&x);
        }
      xml_end (&x);
    }
  xml_end (&x);

  xml_end (&x);

  return xml_finish (&x);
}

/* --- Canvas mode ------------------------------------------------------------ */

static void
canvas_item (Xml        *x,
             const char *identifier,
             const char *content_type,
             const char *title,
             const char *identifierref,
             const char *url,
             guint      *position,
             int         indent)
{
  g_autofree char *pos = g_strdup_printf ("%u", ++*position);
  g_autofree char *ind = g_strdup_printf ("%d", indent);

  xml_start (x, "item");
  xml_attr (x, "identifier", identifier);
  xml_text_element (x, "content_type", content_type);
  xml_text_element (x, "workflow_state", "active");
  xml_text_element (x, "title", title);
  if (identifierref != NULL)
    xml_text_element (x, "identifierref", identifierref);
  if (url != NULL)
    xml_text_element (x, "url", url);
  xml_text_element (x, "position", pos);
  xml_text_element (x, "new_tab", url != NULL ? "true" : "false");
  xml_text_element (x, "indent", ind);
  xml_end (x);
}

static void
canvas_node_items (Xml     *x,
                   CcNode  *node,
                   guint   *position,
                   int      indent)
{
  g_autofree char *title = node_item_title (node);
  g_autofree char *item_id = g_strdup_printf ("trellis_I_%s", node->ident);

  if (g_str_equal (node->kind, "choice"))
    {
      canvas_item (x, item_id, "ContextModuleSubHeader", title, NULL, NULL, position, indent);
      for (guint i = 0; i < node->children->len; i++)
        canvas_node_items (x, g_ptr_array_index (node->children, i), position, indent + 1);
      return;
    }

  {
    g_autofree char *ref = g_strdup_printf ("trellis_R_%s", node->ident);

    canvas_item (x, item_id, "WikiPage", title, ref, NULL, position, indent);
  }

  if (is_web_url (node->resource_url))
    {
      g_autofree char *link_item = g_strdup_printf ("trellis_L_%s", node->ident);
      g_autofree char *ref = g_strdup_printf ("trellis_W_%s", node->ident);
      g_autofree char *link_title = g_strdup_printf (_("Resource: %s"), node->title);

      canvas_item (x, link_item, "ExternalUrl", link_title, ref, node->resource_url, position, indent);
    }
}

/*
 * Canvas keeps "complete all" or "complete k of them" per module
 * (requirement_count: k; absent: all) and modules do not nest, so each
 * choice group becomes a module of its own, whose options are its
 * requirements and whose requirement_count is the group's minimum.  The
 * rest of a module keeps the organization's identifier (later parts get
 * their own), and its must-do milestones are its requirements.
 */
static GPtrArray *
plan_canvas_modules (CcExport *cc)
{
  GPtrArray *modules = g_ptr_array_new_with_free_func (cc_module_free);

  for (guint m = 0; m < cc->modules->len; m++)
    {
      CcModule *module = g_ptr_array_index (cc->modules, m);
      CcModule *part = NULL;
      gboolean ident_used = FALSE;

      for (guint i = 0; i < module->nodes->len; i++)
        {
          CcNode *node = g_ptr_array_index (module->nodes, i);

          if (g_str_equal (node->kind, "choice"))
            {
              CcModule *group = g_new0 (CcModule, 1);

              group->ident = g_strdup_printf ("trellis_G_%s", node->ident);
              group->title = node_item_title (node);
              group->nodes = g_ptr_array_ref (node->children);
              group->group = node;
              g_ptr_array_add (modules, group);
              part = NULL;
              continue;
            }

          if (part == NULL)
            {
              part = g_new0 (CcModule, 1);
              part->nodes = g_ptr_array_new ();
              if (!ident_used)
                {
                  part->ident = g_strdup (module->ident);
                  part->title = g_strdup (module->title);
                  ident_used = TRUE;
                }
              else
                {
                  part->ident = g_strdup_printf ("trellis_P_%s", node->ident);
                  /* TRANSLATORS: a module that goes on after a choice group */
                  part->title = g_strdup_printf (_("%s (continued)"), module->title);
                }
              g_ptr_array_add (modules, part);
            }
          g_ptr_array_add (part->nodes, node);
        }
    }

  return modules;
}

static gboolean
module_has_milestone (CcModule *module)
{
  if (module->group != NULL)
    return FALSE;

  for (guint i = 0; i < module->nodes->len; i++)
    if (g_str_equal (((CcNode *)g_ptr_array_index (module->nodes, i))->kind, "milestone"))
      return TRUE;

  return FALSE;
}

/* The items a learner completes in @module: its milestones, or for a
 * choice group its options. */
static gboolean
is_requirement (CcModule *module,
                CcNode   *node)
{
  if (module->group != NULL)
    return !g_str_equal (node->kind, "choice");
  return g_str_equal (node->kind, "milestone");
}

static GBytes *
canvas_module_meta (CcExport *cc)
{
  g_autoptr(GPtrArray) modules = plan_canvas_modules (cc);
  CcModule *milestone_module = NULL;
  Xml x;

  xml_begin (&x);
  xml_start (&x, "modules");
  xml_attr (&x, "xmlns", CCC_NS);
  for (guint m = 0; m < modules->len; m++)
    {
      CcModule *module = g_ptr_array_index (modules, m);
      g_autofree char *pos = g_strdup_printf ("%u", m + 1);
      guint n_requirements = 0;
      guint needed = 0;
      guint position = 0;

      for (guint i = 0; i < module->nodes->len; i++)
        if (is_requirement (module, g_ptr_array_index (module->nodes, i)))
          n_requirements++;

      /* A choice group: its minimum of its options (none: optional);
       * anything else: all of its milestones. */
      needed = module->group != NULL ? MIN (module->group->choose_min, n_requirements) : n_requirements;

      xml_start (&x, "module");
      xml_attr (&x, "identifier", module->ident);
      xml_text_element (&x, "title", module->title);
      xml_text_element (&x, "workflow_state", "active");
      xml_text_element (&x, "position", pos);
      xml_text_element (&x, "require_sequential_progress", "false");
      if (needed > 0 && needed < n_requirements)
        {
          g_autofree char *count = g_strdup_printf ("%u", needed);

          xml_text_element (&x, "requirement_count", count);
        }

      /* What comes after a must-do milestone waits for it. */
      if (milestone_module != NULL)
        {
          xml_start (&x, "prerequisites");
          xml_start (&x, "prerequisite");
          xml_attr (&x, "type", "context_module");
          xml_text_element (&x, "title", milestone_module->title);
          xml_text_element (&x, "identifierref", milestone_module->ident);
          xml_end (&x);
          xml_end (&x);
        }

      xml_start (&x, "items");
      for (guint i = 0; i < module->nodes->len; i++)
        canvas_node_items (&x, g_ptr_array_index (module->nodes, i), &position, 0);
      xml_end (&x);

      /* Done when the learner marks them done. */
      if (needed > 0)
        {
          xml_start (&x, "completionRequirements");
          for (guint i = 0; i < module->nodes->len; i++)
            {
              CcNode *node = g_ptr_array_index (module->nodes, i);
              g_autofree char *item_id = NULL;

              if (!is_requirement (module, node))
                continue;
              item_id = g_strdup_printf ("trellis_I_%s", node->ident);
              xml_start (&x, "completionRequirement");
              xml_attr (&x, "type", "must_mark_done");
              xml_text_element (&x, "identifierref", item_id);
              xml_end (&x);
            }
          xml_end (&x);
        }

      xml_end (&x);

      if (module_has_milestone (module))
        milestone_module = module;
    }
  xml_end (&x);

  return xml_finish (&x);
}

static GBytes *
canvas_course_settings (CcExport *cc)
{
  g_autofree char *id = g_strdup_printf ("trellis_C_%s", cc->pl_ident);
  Xml x;

  xml_begin (&x);
  xml_start (&x, "course");
  xml_attr (&x, "xmlns", CCC_NS);
  xml_attr (&x, "identifier", id);
  xml_text_element (&x, "title", trellis_playlist_get_title (cc->playlist));
  xml_end (&x);

  return xml_finish (&x);
}

static gboolean
write_package (CcExport  *cc,
               int        fd,
               GError   **error)
{
  g_autoptr(GBytes) manifest = NULL;

  cc->archive = archive_write_new ();
  if (archive_write_set_format_zip (cc->archive) != ARCHIVE_OK ||
      archive_write_open_fd (cc->archive, fd) != ARCHIVE_OK)
    {
      g_set_error (error, TRELLIS_CC_ERROR, TRELLIS_CC_ERROR_WRITE,
                   _("Could not start the package: %s"), archive_error_string (cc->archive));
      return FALSE;
    }

  manifest = manifest_xml (cc);
  if (!add_bytes_entry (cc, "imsmanifest.xml", manifest, error))
    return FALSE;

  for (guint i = 0; i < cc->top->len; i++)
    if (!write_node_files (cc, g_ptr_array_index (cc->top, i), NULL, error))
      return FALSE;

  if (cc->flags & TRELLIS_CC_FLAGS_CANVAS)
    {
      static const char canvas_export[] = "Q: What did the Trellis playlist say to the LMS?\nA: Take me as I am.\n";
      g_autoptr(GBytes) settings = canvas_course_settings (cc);
      g_autoptr(GBytes) meta = canvas_module_meta (cc);

      if (!add_entry (cc, "course_settings/canvas_export.txt", canvas_export, strlen (canvas_export), error) ||
          !add_bytes_entry (cc, "course_settings/course_settings.xml", settings, error) ||
          !add_bytes_entry (cc, "course_settings/module_meta.xml", meta, error))
        return FALSE;
    }

  if (archive_write_close (cc->archive) != ARCHIVE_OK)
    {
      g_set_error (error, TRELLIS_CC_ERROR, TRELLIS_CC_ERROR_WRITE,
                   _("Could not finish the package: %s"), archive_error_string (cc->archive));
      return FALSE;
    }

  return TRUE;
}

/**
 * trellis_cc_export:
 * @classroom: the classroom
 * @playlist: the playlist to export
 * @output_path: the `.imscc` file to write
 * @flags: #TrellisCcFlags
 * @error: return location for an error
 *
 * Writes @playlist as a Common Cartridge 1.1 package.  The package is
 * written beside @output_path and renamed over it when complete, so a
 * failed export never leaves a partial file.
 */
gboolean
trellis_cc_export (TrellisClassroom  *classroom,
                   TrellisPlaylist   *playlist,
                   const char        *output_path,
                   TrellisCcFlags     flags,
                   GError           **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  CcExport cc = { 0 };
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (classroom), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PLAYLIST (playlist), FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cc.classroom = classroom;
  cc.playlist = playlist;
  cc.flags = flags;
  cc.pl_ident = ident_from_uid (trellis_playlist_get_uid (playlist));
  cc.all = g_ptr_array_new_with_free_func (cc_node_free);
  cc.top = g_ptr_array_new ();
  cc.modules = g_ptr_array_new_with_free_func (cc_module_free);

  if (!load_nodes (&cc, error))
    goto out;
  plan_modules (&cc);

  dir = g_path_get_dirname (output_path);
  base = g_path_get_basename (output_path);
  tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmpl, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write in “%s”: %s"), dir, g_strerror (saved_errno));
      goto out;
    }

  ok = write_package (&cc, fd, error);
  if (cc.archive != NULL)
    archive_write_free (cc.archive);
  cc.archive = NULL;

  if (ok && fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), output_path, g_strerror (saved_errno));
      ok = FALSE;
    }
  close (fd);

  if (ok && g_rename (tmpl, output_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), output_path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmpl);

out:
  g_free (cc.pl_ident);
  g_ptr_array_unref (cc.modules);
  g_ptr_array_unref (cc.top);
  g_ptr_array_unref (cc.all);

  return ok;
}
