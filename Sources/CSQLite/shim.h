// Shim for the system SQLite (Debian: libsqlite3-dev), used by AuthStoreSQLite.
// Only includes and static inline helpers for macros Swift cannot import.
#ifndef MONGO_DOCTOR_CSQLITE_SHIM_H
#define MONGO_DOCTOR_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT: SQLite copies bound text and blobs before the bind call returns.
static inline sqlite3_destructor_type md_sqlite_transient(void) { return SQLITE_TRANSIENT; }
/// `sqlite3_config` is variadic, which Swift cannot call: turns SQLite's memory statistics off
/// (process-wide; only before SQLite's first initialisation, else SQLITE_MISUSE and nothing changes).
static inline int md_sqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
/// Extended result codes (macros built from expressions, which Swift does not import).
enum {
    MD_SQLITE_CONSTRAINT_FOREIGNKEY = SQLITE_CONSTRAINT_FOREIGNKEY,
    MD_SQLITE_CONSTRAINT_PRIMARYKEY = SQLITE_CONSTRAINT_PRIMARYKEY,
    MD_SQLITE_CONSTRAINT_UNIQUE = SQLITE_CONSTRAINT_UNIQUE,
};
#endif
