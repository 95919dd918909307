/* trellis-classroom.c
 *
 * Copyright 2026 The Trellis developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-classroom"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "trellis-classroom-private.h"
#include "trellis-schema.h"
#include "trellis-store-private.h"

/*
 * TrellisClassroom: one classroom file.
 *
 * Opening is careful: the file is first inspected without writing to it
 * (header bytes, then a read-only connection for the application id, the
 * schema version and a quick integrity check).  Only a file that passes is
 * opened for writing, and only a file of an older version is ever changed
 * before the teacher edits something: it is copied to a backup beside it and
 * migrated forward in one transaction.
 *
 * Every edit is one short transaction on a rollback journal with
 * synchronous=FULL, so a crash or a pulled USB stick loses at most the edit
 * that was being written.
 *
 * The instance structure is in trellis-classroom-private.h; skills,
 * playlists and nodes are in trellis-classroom-curriculum.c.
 */

G_DEFINE_FINAL_TYPE (TrellisClassroom, trellis_classroom, G_TYPE_OBJECT)
G_DEFINE_QUARK (trellis-classroom-error-quark, trellis_classroom_error)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PATH,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PREFERENCES_CHANGED,
  DATA_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SQLITE_HEADER "SQLite format 3"

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

static void
set_error_from_rc (int          rc,
                   const char  *detail,
                   GError     **error)
{
  int code;
  const char *message;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = TRELLIS_CLASSROOM_ERROR_IO;
      message = _("The disk is full");
      break;

    case SQLITE_READONLY:
      code = TRELLIS_CLASSROOM_ERROR_READ_ONLY;
      message = _("The classroom file cannot be written to");
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = TRELLIS_CLASSROOM_ERROR_BUSY;
      message = _("The classroom file is in use by another program");
      break;

    case SQLITE_CONSTRAINT:
      code = TRELLIS_CLASSROOM_ERROR_INVALID;
      message = _("The change is not valid");
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = TRELLIS_CLASSROOM_ERROR_DAMAGED;
      message = _("The classroom file is damaged");
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      code = TRELLIS_CLASSROOM_ERROR_IO;
      message = _("The classroom file cannot be opened");
      break;

    default:
      code = TRELLIS_CLASSROOM_ERROR_IO;
      message = _("The classroom file could not be read or written");
      break;
    }

  if (detail != NULL && *detail != '\0')
    g_set_error (error, TRELLIS_CLASSROOM_ERROR, code, "%s (%s)", message, detail);
  else
    g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, code, message);
}

static char *
dup_display_name (const char *path)
{
  return g_filename_display_basename (path);
}

static GDateTime *
default_clock (gpointer user_data)
{
  return g_date_time_new_now_utc ();
}

/* Runs @sql on @db, which may be any connection (also a read-only one). */
static gboolean
db_exec (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      set_error_from_rc (rc, errmsg, error);
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

static gboolean
db_query_int (sqlite3     *db,
              const char  *sql,
              gint64      *value,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  set_error_from_rc (rc, sqlite3_errmsg (db), error);
  sqlite3_finalize (stmt);
  return FALSE;
}

/* "ok", or the first problem PRAGMA quick_check found; NULL on error. */
static char *
db_quick_check (sqlite3  *db,
                GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else
    set_error_from_rc (rc, sqlite3_errmsg (db), error);

  sqlite3_finalize (stmt);
  return result;
}

static sqlite3 *
open_connection (const char  *path,
                 gboolean     read_only,
                 GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int flags;
  int rc;

  /* A URI so that "mode=ro" also holds for files that look like URIs;
   * URIs need an absolute path. */
  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, error);
  if (uri == NULL)
    return NULL;

  if (read_only)
    {
      g_autofree char *ro_uri = g_strconcat (uri, "?mode=ro", NULL);

      g_free (uri);
      uri = g_steal_pointer (&ro_uri);
      flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    }
  else
    {
      flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI;
    }

  rc = sqlite3_open_v2 (uri, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_rc (rc, db != NULL ? sqlite3_errmsg (db) : NULL, error);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 3000);

  /* Never let a classroom file reach out: no extensions, no attached files. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);

  return db;
}

static gboolean
configure_connection (sqlite3  *db,
                      gboolean  read_only,
                      GError  **error)
{
  if (!db_exec (db, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (read_only)
    return TRUE;

  /* Rollback journal: files live on USB sticks and network shares. */
  return db_exec (db,
                  "PRAGMA journal_mode = DELETE;"
                  "PRAGMA synchronous = FULL;",
                  error);
}

/**
 * trellis_classroom_inspect:
 * @path: a file name
 * @format_version: (out) (optional): the file's format version
 *
 * Checks, without writing anything, that @path is a classroom file this
 * version can open: a SQLite database, with Trellis' application id, not
 * damaged, and not from a newer version.
 */
gboolean
trellis_classroom_inspect (const char  *path,
                           guint       *format_version,
                           GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *check = NULL;
  guint8 header[100];
  GStatBuf st;
  sqlite3 *db = NULL;
  gint64 app_id = 0;
  gint64 version = 0;
  gsize n_read;
  FILE *fp;

  g_return_val_if_fail (path != NULL, FALSE);

  display = dup_display_name (path);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TRELLIS_CLASSROOM_ERROR,
                   saved_errno == ENOENT ? TRELLIS_CLASSROOM_ERROR_NOT_FOUND
                                         : TRELLIS_CLASSROOM_ERROR_IO,
                   _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NOT_CLASSROOM,
                   _("“%s” is not a classroom file"), display);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NOT_SQLITE,
                   _("“%s” is empty, not a classroom file"), display);
      return FALSE;
    }

  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_IO,
                   _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, fp);
  fclose (fp);

  if (n_read < sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NOT_SQLITE,
                   _("“%s” is not a classroom file"), display);
      return FALSE;
    }

  if (read_be32 (header + 68) != TRELLIS_APPLICATION_ID)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NOT_CLASSROOM,
                   _("“%s” is a database, but not a Trellis classroom"), display);
      return FALSE;
    }

  /* A file cut short (a copy that did not finish) lacks pages its header counts. */
  {
    guint32 page_size = ((guint32)header[16] << 8) | header[17];
    guint32 n_pages = read_be32 (header + 28);
    gboolean size_valid = read_be32 (header + 24) == read_be32 (header + 92);

    if (page_size == 1)
      page_size = 65536;

    if (page_size < 512 || (page_size & (page_size - 1)) != 0 ||
        (size_valid && n_pages > 0 && (goffset)n_pages * page_size > st.st_size))
      {
        g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_DAMAGED,
                     _("“%s” is damaged: the file is incomplete"), display);
        return FALSE;
      }
  }

  db = open_connection (path, TRUE, error);
  if (db == NULL)
    return FALSE;

  if (!db_query_int (db, "PRAGMA application_id", &app_id, NULL) ||
      !db_query_int (db, "PRAGMA user_version", &version, NULL) ||
      (check = db_quick_check (db, NULL)) == NULL)
    {
      int rc = sqlite3_extended_errcode (db);

      sqlite3_close (db);

      if (rc == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        set_error_from_rc (rc, NULL, error);
      else if (rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY)
        {
          /*
           * A hot journal: a program stopped in the middle of an edit.  The
           * committed content is intact; opening the file for writing rolls
           * the unfinished edit back, as SQLite is designed to.  The header
           * still tells the version.
           */
          version = read_be32 (header + 60);
          if (version > trellis_schema_get_version ())
            {
              g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_TOO_NEW,
                           _("“%s” was made by a newer version of Trellis"), display);
              return FALSE;
            }
          if (format_version != NULL)
            *format_version = (guint)version;
          return TRUE;
        }
      else
        g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be opened"), display);
      return FALSE;
    }

  sqlite3_close (db);

  if (app_id != TRELLIS_APPLICATION_ID)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NOT_CLASSROOM,
                   _("“%s” is a database, but not a Trellis classroom"), display);
      return FALSE;
    }

  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be opened"), display);
      return FALSE;
    }

  if (version < 1)
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NOT_CLASSROOM,
                   _("“%s” is not a complete Trellis classroom"), display);
      return FALSE;
    }

  if (version > trellis_schema_get_version ())
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Trellis (format %u; this version reads up to %u). Update Trellis to open it."),
                   display, (guint)version, trellis_schema_get_version ());
      return FALSE;
    }

  if (format_version != NULL)
    *format_version = (guint)version;

  return TRUE;
}

static char *
backup_path_for (const char *path,
                 guint       version)
{
  return g_strdup_printf ("%s.v%u-backup", path, version);
}

/* Copies @path byte for byte to @dest, created owner-only. */
static gboolean
copy_file_private (const char  *path,
                   const char  *dest,
                   GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  /* g_file_set_contents_full writes a temporary file and renames it. */
  return g_file_set_contents_full (dest, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static gboolean
migrate (TrellisClassroom  *self,
         guint              from_version,
         GError           **error)
{
  guint to_version = trellis_schema_get_version ();
  g_autofree char *backup = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) local_error = NULL;

  backup = backup_path_for (self->path, from_version);
  if (!copy_file_private (self->path, backup, &local_error))
    {
      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_MIGRATION,
                   _("Could not make a backup before updating the classroom file: %s"),
                   local_error->message);
      return FALSE;
    }

  if (!db_exec (self->db, "BEGIN EXCLUSIVE", error))
    return FALSE;

  for (guint v = from_version; v < to_version; v++)
    {
      const char *step = trellis_schema_get_migration (v);

      g_assert (step != NULL);
      if (!db_exec (self->db, step, &local_error))
        goto failed;
    }

  /* Foreign keys are checked in the new layout before it is committed. */
  {
    sqlite3_stmt *stmt = NULL;
    gboolean clean;

    sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
    clean = stmt != NULL && sqlite3_step (stmt) == SQLITE_DONE;
    sqlite3_finalize (stmt);
    if (!clean)
      {
        g_set_error_literal (&local_error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_MIGRATION,
                             _("The updated file would break links between records"));
        goto failed;
      }
  }

  sql = g_strdup_printf ("PRAGMA user_version = %u", to_version);
  if (!db_exec (self->db, sql, &local_error) ||
      !db_exec (self->db, "COMMIT", &local_error))
    goto failed;

  self->format_version = to_version;
  return TRUE;

failed:
  db_exec (self->db, "ROLLBACK", NULL);
  g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_MIGRATION,
               _("Could not update the classroom file to the current format: %s"),
               local_error->message);
  return FALSE;
}

static TrellisLearner *
learner_from_row (sqlite3_stmt *stmt)
{
  TrellisLearner *learner;

  learner = trellis_learner_new (sqlite3_column_int64 (stmt, 0),
                                 (const char *)sqlite3_column_text (stmt, 1));
  trellis_learner_set_preferred_name (learner, (const char *)sqlite3_column_text (stmt, 2));
  trellis_learner_set_pronouns (learner, (const char *)sqlite3_column_text (stmt, 3));
  trellis_learner_set_sis_id (learner, (const char *)sqlite3_column_text (stmt, 4));
  trellis_learner_set_self_regulation (learner, CLAMP (sqlite3_column_int (stmt, 5), 1, 3));

  return learner;
}

static int
compare_learner_pointers (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  return trellis_learner_compare (*(gconstpointer *)a, *(gconstpointer *)b, user_data);
}

#define LEARNER_COLUMNS "id, name, preferred_name, pronouns, sis_id, self_regulation"

static gboolean
load (TrellisClassroom  *self,
      GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) learners = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = trellis_classroom_prepare (self, "SELECT name FROM classroom WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_DAMAGED,
                           _("The classroom file has no classroom record"));
      return FALSE;
    }
  g_free (self->name);
  self->name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = trellis_classroom_prepare (self,
                                    "SELECT " LEARNER_COLUMNS " FROM learners WHERE trashed = 0",
                                    error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (learners, learner_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return FALSE;
    }

  g_ptr_array_sort_with_data (learners, compare_learner_pointers, NULL);
  g_list_store_splice (self->learners, 0, 0, learners->pdata, learners->len);

  return _trellis_classroom_load_curriculum (self, error);
}

static void
trellis_classroom_finalize (GObject *object)
{
  TrellisClassroom *self = (TrellisClassroom *)object;

  g_clear_object (&self->learners);
  g_clear_pointer (&self->trash, g_ptr_array_unref);
  _trellis_classroom_clear_curriculum (self);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->pending_evidence, g_array_unref);

  G_OBJECT_CLASS (trellis_classroom_parent_class)->finalize (object);
}

static void
trellis_classroom_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrellisClassroom *self = TRELLIS_CLASSROOM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_classroom_class_init (TrellisClassroomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_classroom_finalize;
  object_class->get_property = trellis_classroom_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisClassroom::preferences-changed:
   *
   * Emitted when a classroom preference stored in the file changes, with
   * the preference as detail ("conference-cadence-days",
   * "stale-profile-weeks", "class-minutes-per-week"), so that views that
   * depend on it update at once.
   */
  signals[PREFERENCES_CHANGED] =
    g_signal_new ("preferences-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * TrellisClassroom::data-changed:
   * @change: (type gpointer): a #TrellisDataChange, valid during the emission
   *
   * Emitted once after a transaction that changed progress, choices,
   * evidence, the curriculum (items or skills removed or put back) or the
   * class's mastery (a refit) was committed: listeners may read the new
   * data (and start their own edits).  Not emitted for a write that
   * failed.  See #TrellisDataChange.
   */
  signals[DATA_CHANGED] =
    g_signal_new ("data-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
trellis_classroom_init (TrellisClassroom *self)
{
  self->pending_learner_id = -1;
  self->pending_evidence = g_array_new (FALSE, FALSE, sizeof (TrellisEvidenceKey));
  self->learners = g_list_store_new (TRELLIS_TYPE_LEARNER);
  self->trash = g_ptr_array_new_with_free_func (g_object_unref);
  _trellis_classroom_init_curriculum (self);
  self->clock = default_clock;
}

/**
 * trellis_classroom_create:
 * @path: where to create the classroom file; must not exist
 * @name: the classroom's name
 *
 * Creates a new, empty classroom file readable by its owner only.
 */
TrellisClassroom *
trellis_classroom_create (const char  *path,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(TrellisClassroom) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *display = NULL;
  g_autofree char *now = NULL;
  g_autofree char *pragmas = NULL;
  guint version;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  display = dup_display_name (path);

  if (*name == '\0')
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           _("A classroom needs a name"));
      return NULL;
    }

  /* O_EXCL: never overwrite a file; 0600: the owner only (privacy). */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, TRELLIS_CLASSROOM_ERROR,
                   saved_errno == EEXIST ? TRELLIS_CLASSROOM_ERROR_EXISTS : TRELLIS_CLASSROOM_ERROR_IO,
                   _("Could not create “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }
  /* The umask may have taken bits away, never added: make sure of 0600. */
  if (fchmod (fd, 0600) != 0)
    g_debug ("fchmod failed: %s", g_strerror (errno));
  close (fd);

  self = g_object_new (TRELLIS_TYPE_CLASSROOM, NULL);
  self->path = g_strdup (path);

  self->db = open_connection (path, FALSE, &local_error);
  if (self->db == NULL || !configure_connection (self->db, FALSE, &local_error))
    goto failed;

  version = trellis_schema_get_version ();
  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1;",
                             (int)TRELLIS_APPLICATION_ID);

  if (!db_exec (self->db, "BEGIN EXCLUSIVE", &local_error))
    goto failed;

  if (!db_exec (self->db, trellis_schema_get_sql (), &local_error) ||
      !db_exec (self->db, pragmas, &local_error))
    goto rollback;

  for (guint v = 1; v < version; v++)
    if (!db_exec (self->db, trellis_schema_get_migration (v), &local_error))
      goto rollback;

  g_free (pragmas);
  pragmas = g_strdup_printf ("PRAGMA user_version = %u;", version);
  if (!db_exec (self->db, pragmas, &local_error))
    goto rollback;

  now = trellis_classroom_timestamp (self);
  stmt = trellis_classroom_prepare (self,
                                    "INSERT INTO classroom (id, name, created_at) VALUES (1, ?1, ?2)",
                                    &local_error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!trellis_classroom_step (self, stmt, &local_error))
    goto rollback;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!db_exec (self->db, "COMMIT", &local_error))
    goto rollback;

  self->format_version = version;
  self->name = g_strdup (name);

  return g_steal_pointer (&self);

rollback:
  g_clear_pointer (&stmt, sqlite3_finalize);
  db_exec (self->db, "ROLLBACK", NULL);
failed:
  g_clear_pointer (&self->db, sqlite3_close);
  g_unlink (path);
  g_set_error (error, TRELLIS_CLASSROOM_ERROR,
               local_error->domain == TRELLIS_CLASSROOM_ERROR ? local_error->code
                                                              : TRELLIS_CLASSROOM_ERROR_IO,
               _("Could not create “%s”: %s"), display, local_error->message);
  return NULL;
}

/**
 * trellis_classroom_open:
 * @path: a classroom file
 * @flags: %TRELLIS_OPEN_FLAGS_READ_ONLY to never write
 *
 * Opens a classroom file.  Files that are not classrooms, are damaged or
 * come from a newer version are refused with a clear error and left
 * untouched.  A file of an older format is backed up and migrated, unless
 * opened read-only.  Learners whose deletion was pending (undo) when the
 * file was last closed are deleted for good.
 */
TrellisClassroom *
trellis_classroom_open (const char        *path,
                        TrellisOpenFlags   flags,
                        GError           **error)
{
  g_autoptr(TrellisClassroom) self = NULL;
  guint version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!trellis_classroom_inspect (path, &version, error))
    return NULL;

  self = g_object_new (TRELLIS_TYPE_CLASSROOM, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & TRELLIS_OPEN_FLAGS_READ_ONLY) != 0;
  self->format_version = version;

  self->db = open_connection (path, self->read_only, error);
  if (self->db == NULL || !configure_connection (self->db, self->read_only, error))
    return NULL;

  if (self->read_only && version < trellis_schema_get_version ())
    {
      g_autofree char *display = dup_display_name (path);

      g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_READ_ONLY,
                   _("“%s” uses an older format and must be updated before it can be read; open it for editing once"),
                   display);
      return NULL;
    }

  if (!self->read_only && version < trellis_schema_get_version ())
    {
      if (!migrate (self, version, error))
        return NULL;
    }

  if (!self->read_only && !trellis_classroom_purge_trash (self, error))
    return NULL;

  if (!load (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
trellis_classroom_get_path (TrellisClassroom *self)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  return self->path;
}

gboolean
trellis_classroom_get_read_only (TrellisClassroom *self)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), TRUE);

  return self->read_only;
}

guint
trellis_classroom_get_format_version (TrellisClassroom *self)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), 0);

  return self->format_version;
}

const char *
trellis_classroom_get_name (TrellisClassroom *self)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  return self->name;
}

gboolean
trellis_classroom_set_name (TrellisClassroom  *self,
                            const char        *name,
                            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_strcmp0 (self->name, name) == 0)
    return TRUE;

  stmt = trellis_classroom_prepare (self, "UPDATE classroom SET name = ?1 WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!trellis_classroom_step (self, stmt, error))
    return FALSE;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);

  return TRUE;
}

/**
 * trellis_classroom_check_integrity:
 *
 * Returns: "ok", or a description of the first problem found.
 */
char *
trellis_classroom_check_integrity (TrellisClassroom *self)
{
  g_autoptr(GError) error = NULL;
  char *result;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  result = db_quick_check (self->db, &error);
  if (result == NULL)
    result = g_strdup (error->message);

  return result;
}

void
trellis_classroom_set_clock (TrellisClassroom *self,
                             TrellisClockFunc  clock,
                             gpointer          user_data)
{
  g_return_if_fail (TRELLIS_IS_CLASSROOM (self));

  self->clock = clock != NULL ? clock : default_clock;
  self->clock_data = user_data;
}

GDateTime *
trellis_classroom_now (TrellisClassroom *self)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  return self->clock (self->clock_data);
}

/**
 * trellis_classroom_today:
 *
 * Returns: today's date in local time, as YYYY-MM-DD.
 */
char *
trellis_classroom_today (TrellisClassroom *self)
{
  g_autoptr(GDateTime) now = trellis_classroom_now (self);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}

/**
 * trellis_classroom_timestamp:
 *
 * Returns: the current time in UTC, as YYYY-MM-DDTHH:MM:SSZ.
 */
char *
trellis_classroom_timestamp (TrellisClassroom *self)
{
  g_autoptr(GDateTime) now = trellis_classroom_now (self);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
trellis_classroom_get_setting (TrellisClassroom *self,
                               const char       *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = trellis_classroom_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *)sqlite3_column_text (stmt, 0));

  return NULL;
}

gboolean
trellis_classroom_set_setting (TrellisClassroom  *self,
                               const char        *key,
                               const char        *value,
                               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    stmt = trellis_classroom_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = trellis_classroom_prepare (self,
                                      "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);

  return trellis_classroom_step (self, stmt, error);
}

/**
 * trellis_classroom_get_learners:
 *
 * Returns: (transfer none): a #GListModel of #TrellisLearner, sorted by
 *   name, that changes precisely as learners are added, renamed or deleted.
 */
GListModel *
trellis_classroom_get_learners (TrellisClassroom *self)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  return G_LIST_MODEL (self->learners);
}

/**
 * trellis_classroom_lookup_learner:
 *
 * Returns: (transfer none) (nullable): the learner with @id.
 */
TrellisLearner *
trellis_classroom_lookup_learner (TrellisClassroom *self,
                                  gint64            id)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  return _trellis_model_lookup_id (G_LIST_MODEL (self->learners), (TrellisIdFunc)trellis_learner_get_id, id);
}

/**
 * trellis_classroom_find_learner:
 * @name_or_id: a learner's id, or their exact name
 *
 * Finds a learner the way the command line names them.  A name shared by
 * two learners is ambiguous and an error: the id must be used.
 *
 * Returns: (transfer none) (nullable): the learner
 */
TrellisLearner *
trellis_classroom_find_learner (TrellisClassroom  *self,
                                const char        *name_or_id,
                                GError           **error)
{
  TrellisLearner *found = NULL;
  gint64 id;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  if (_trellis_parse_id (name_or_id, &id) && (found = trellis_classroom_lookup_learner (self, id)) != NULL)
    return found;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->learners));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisLearner) learner = g_list_model_get_item (G_LIST_MODEL (self->learners), i);

      if (g_strcmp0 (trellis_learner_get_name (learner), name_or_id) != 0 &&
          g_strcmp0 (trellis_learner_get_preferred_name (learner), name_or_id) != 0)
        continue;

      if (found != NULL)
        {
          g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                       _("More than one learner is called “%s”; use the id instead"), name_or_id);
          return NULL;
        }
      found = learner;
    }

  if (found == NULL)
    g_set_error (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                 _("No learner “%s” in this classroom"), name_or_id);

  return found;
}

/*
 * The learner must be in the classroom (not in the trash).  Kept here,
 * not in trellis-store.c, for its translatable message.
 */
gboolean
_trellis_check_learner (TrellisClassroom  *classroom,
                        TrellisLearner    *learner,
                        GError           **error)
{
  if (trellis_classroom_lookup_learner (classroom, trellis_learner_get_id (learner)) == learner)
    return TRUE;

  g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                       _("The learner is no longer in this classroom"));
  return FALSE;
}

/*
 * Optional text as stored: valid UTF-8, NFC, stripped; *@result is %NULL
 * (and no error) for %NULL or empty text.
 */
gboolean
_trellis_normalize_text (const char  *text,
                         char       **result,
                         GError     **error)
{
  g_autofree char *copy = NULL;

  *result = NULL;
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           _("The text is not valid"));
      return FALSE;
    }

  copy = g_strstrip (g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE));
  if (*copy != '\0')
    *result = g_steal_pointer (&copy);

  return TRUE;
}

static gboolean
check_writable (TrellisClassroom  *self,
                GError           **error)
{
  if (!self->read_only)
    return TRUE;

  g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_READ_ONLY,
                       _("The classroom is open read-only"));
  return FALSE;
}

static char *
normalize_name (const char  *name,
                GError     **error)
{
  g_autofree char *copy = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           _("The name is not valid text"));
      return NULL;
    }

  copy = g_strstrip (g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT_COMPOSE));
  if (*copy == '\0')
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_INVALID,
                           _("A learner needs a name"));
      return NULL;
    }

  return g_steal_pointer (&copy);
}

/**
 * trellis_classroom_add_learner:
 *
 * Adds a learner called @name (one transaction).
 *
 * Returns: (transfer none) (nullable): the new learner
 */
TrellisLearner *
trellis_classroom_add_learner (TrellisClassroom  *self,
                               const char        *name,
                               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(TrellisLearner) learner = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  if (!check_writable (self, error) || (clean = normalize_name (name, error)) == NULL)
    return NULL;

  now = trellis_classroom_timestamp (self);
  stmt = trellis_classroom_prepare (self,
                                    "INSERT INTO learners (name, created_at) VALUES (?1, ?2)",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!trellis_classroom_step (self, stmt, error))
    return NULL;

  learner = trellis_learner_new (sqlite3_last_insert_rowid (self->db), clean);
  g_list_store_insert_sorted (self->learners, learner, trellis_learner_compare, NULL);

  return learner;
}

gboolean
trellis_classroom_rename_learner (TrellisClassroom  *self,
                                  TrellisLearner    *learner,
                                  const char        *name,
                                  GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  guint position;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);

  if (!check_writable (self, error) || (clean = normalize_name (name, error)) == NULL)
    return FALSE;

  if (!g_list_store_find (self->learners, learner, &position))
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                           _("The learner is no longer in this classroom"));
      return FALSE;
    }

  if (g_strcmp0 (clean, trellis_learner_get_name (learner)) == 0)
    return TRUE;

  stmt = trellis_classroom_prepare (self, "UPDATE learners SET name = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, trellis_learner_get_id (learner));
  if (!trellis_classroom_step (self, stmt, error))
    return FALSE;

  g_object_ref (learner);
  g_list_store_remove (self->learners, position);
  trellis_learner_set_name (learner, clean);
  g_list_store_insert_sorted (self->learners, learner, trellis_learner_compare, NULL);
  g_object_unref (learner);

  return TRUE;
}

static gboolean
set_trashed (TrellisClassroom  *self,
             gint64             id,
             gboolean           trashed,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = trellis_classroom_prepare (self, "UPDATE learners SET trashed = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, trashed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!trellis_classroom_step (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                           _("The learner is no longer in this classroom"));
      return FALSE;
    }

  return TRUE;
}

/**
 * trellis_classroom_trash_learner:
 *
 * Removes @learner from the classroom, undoably: their data stays in the
 * file, hidden everywhere, until trellis_classroom_purge_trash() (when the
 * undo toast closes, or the next time the file is opened) deletes it for
 * good, or trellis_classroom_restore_learner() brings it back.
 */
gboolean
trellis_classroom_trash_learner (TrellisClassroom  *self,
                                 TrellisLearner    *learner,
                                 GError           **error)
{
  guint position;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (!g_list_store_find (self->learners, learner, &position))
    {
      g_set_error_literal (error, TRELLIS_CLASSROOM_ERROR, TRELLIS_CLASSROOM_ERROR_NO_SUCH_ITEM,
                           _("The learner is no longer in this classroom"));
      return FALSE;
    }

  if (!set_trashed (self, trellis_learner_get_id (learner), TRUE, error))
    return FALSE;

  g_ptr_array_add (self->trash, g_object_ref (learner));
  g_list_store_remove (self->learners, position);
  return TRUE;
}

gboolean
trellis_classroom_restore_learner (TrellisClassroom  *self,
                                   TrellisLearner    *learner,
                                   GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_LEARNER (learner), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (g_list_store_find (self->learners, learner, NULL))
    return TRUE;

  if (!set_trashed (self, trellis_learner_get_id (learner), FALSE, error))
    return FALSE;

  g_list_store_insert_sorted (self->learners, learner, trellis_learner_compare, NULL);
  g_ptr_array_remove (self->trash, learner);
  return TRUE;
}

/**
 * trellis_classroom_purge_trash:
 *
 * Deletes, for good and in one transaction, every learner removed with
 * trellis_classroom_trash_learner(): their profile, goals, reflections,
 * conferences, evidence and progress go with them (foreign-key cascades).
 */
gboolean
trellis_classroom_purge_trash (TrellisClassroom  *self,
                               GError           **error)
{
  gint64 n_trashed = 0;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (!db_query_int (self->db, "SELECT count(*) FROM learners WHERE trashed = 1", &n_trashed, error))
    return FALSE;

  if (n_trashed > 0 &&
      !trellis_classroom_exec (self, "DELETE FROM learners WHERE trashed = 1", error))
    return FALSE;

  g_ptr_array_set_size (self->trash, 0);
  return TRUE;
}

/**
 * trellis_classroom_count:
 * @what: "learners", "playlists", "skills" or "evidence"
 *
 * Returns: how many there are, or -1 on error
 */
gint64
trellis_classroom_count (TrellisClassroom *self,
                         const char       *what)
{
  static const struct {
    const char *what;
    const char *sql;
  } queries[] = {
    { "learners", "SELECT count(*) FROM learners WHERE trashed = 0" },
    { "playlists", "SELECT count(*) FROM playlists" },
    { "skills", "SELECT count(*) FROM skills" },
    { "evidence", "SELECT count(*) FROM evidence e JOIN learners l ON l.id = e.learner_id WHERE l.trashed = 0" },
    { "nodes", "SELECT count(*) FROM nodes" },
    { "goals", "SELECT count(*) FROM goals g JOIN learners l ON l.id = g.learner_id WHERE l.trashed = 0" },
    { "conferences", "SELECT count(*) FROM conferences c JOIN learners l ON l.id = c.learner_id WHERE l.trashed = 0" },
    { "reflections", "SELECT count(*) FROM reflections r JOIN learners l ON l.id = r.learner_id WHERE l.trashed = 0" },
    { "gradebook_items", "SELECT count(*) FROM gradebook_items" },
  };

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), -1);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      gint64 value;

      if (g_strcmp0 (queries[i].what, what) == 0)
        return db_query_int (self->db, queries[i].sql, &value, NULL) ? value : -1;
    }

  g_return_val_if_reached (-1);
}

sqlite3 *
trellis_classroom_get_db (TrellisClassroom *self)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);

  return self->db;
}

static void
clear_pending_change (TrellisClassroom *self)
{
  self->pending_kinds = 0;
  self->pending_learner_id = -1;
  g_array_set_size (self->pending_evidence, 0);
}

/* After a COMMIT: tells the listeners, who may start their own edits. */
static void
emit_pending_change (TrellisClassroom *self)
{
  g_autoptr(GArray) evidence = NULL;
  TrellisDataChange change;

  if (self->pending_kinds == 0)
    {
      clear_pending_change (self);
      return;
    }

  evidence = g_array_copy (self->pending_evidence);
  change.kinds = self->pending_kinds;
  change.learner_id = MAX (self->pending_learner_id, 0);
  change.evidence = evidence;
  clear_pending_change (self);

  g_signal_emit (self, signals[DATA_CHANGED], 0, &change);
}

/**
 * trellis_classroom_begin:
 *
 * Starts a write transaction (taking the write lock at once, so that a
 * busy file is reported before anything is changed).
 */
gboolean
trellis_classroom_begin (TrellisClassroom  *self,
                         GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);

  clear_pending_change (self);
  return check_writable (self, error) && db_exec (self->db, "BEGIN IMMEDIATE", error);
}

gboolean
trellis_classroom_commit (TrellisClassroom  *self,
                          GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);

  if (db_exec (self->db, "COMMIT", error))
    {
      emit_pending_change (self);
      return TRUE;
    }

  /* A failed COMMIT (disk full) may leave the transaction open. */
  if (!sqlite3_get_autocommit (self->db))
    db_exec (self->db, "ROLLBACK", NULL);
  clear_pending_change (self);
  return FALSE;
}

void
trellis_classroom_rollback (TrellisClassroom *self)
{
  g_return_if_fail (TRELLIS_IS_CLASSROOM (self));

  if (!sqlite3_get_autocommit (self->db))
    db_exec (self->db, "ROLLBACK", NULL);
  clear_pending_change (self);
}

void
_trellis_classroom_note_change (TrellisClassroom *self,
                                TrellisDataKinds  kinds,
                                gint64            learner_id,
                                gint64            skill_id)
{
  g_assert (TRELLIS_IS_CLASSROOM (self));

  self->pending_kinds |= kinds;
  if (self->pending_learner_id == -1)
    self->pending_learner_id = learner_id;
  else if (self->pending_learner_id != learner_id)
    self->pending_learner_id = 0;

  if (skill_id != 0 && learner_id != 0)
    {
      TrellisEvidenceKey key = { learner_id, skill_id };

      for (guint i = 0; i < self->pending_evidence->len; i++)
        {
          TrellisEvidenceKey *seen = &g_array_index (self->pending_evidence, TrellisEvidenceKey, i);

          if (seen->learner_id == learner_id && seen->skill_id == skill_id)
            return;
        }
      g_array_append_val (self->pending_evidence, key);
    }
}

void
_trellis_classroom_emit_change (TrellisClassroom *self,
                                TrellisDataKinds  kinds,
                                gint64            learner_id)
{
  g_autoptr(GArray) evidence = g_array_new (FALSE, FALSE, sizeof (TrellisEvidenceKey));
  TrellisDataChange change = { kinds, learner_id, evidence };

  g_assert (TRELLIS_IS_CLASSROOM (self));
  g_assert (kinds != 0);

  g_signal_emit (self, signals[DATA_CHANGED], 0, &change);
}

gboolean
trellis_classroom_exec (TrellisClassroom  *self,
                        const char        *sql,
                        GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  return db_exec (self->db, sql, error);
}

/**
 * trellis_classroom_prepare:
 *
 * Returns: (transfer full) (nullable): a statement; free it with
 *   sqlite3_finalize() (g_autoptr(sqlite3_stmt) does)
 */
sqlite3_stmt *
trellis_classroom_prepare (TrellisClassroom  *self,
                           const char        *sql,
                           GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      trellis_classroom_set_db_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/**
 * trellis_classroom_step:
 *
 * Runs a statement that returns no rows (INSERT, UPDATE, DELETE) to the end.
 */
gboolean
trellis_classroom_step (TrellisClassroom  *self,
                        sqlite3_stmt      *stmt,
                        GError           **error)
{
  int rc;

  g_return_val_if_fail (TRELLIS_IS_CLASSROOM (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  if (self->read_only)
    return check_writable (self, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  if (rc != SQLITE_DONE)
    {
      trellis_classroom_set_db_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

void
trellis_classroom_set_db_error (TrellisClassroom  *self,
                                int                rc,
                                GError           **error)
{
  g_return_if_fail (TRELLIS_IS_CLASSROOM (self));

  set_error_from_rc (rc, sqlite3_errmsg (self->db), error);
}
