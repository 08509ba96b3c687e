// Benchmarks/session-validation's floor for SQLite at one thread: the session lookup's statement alone,
// bound, stepped to its row and reset in a loop, in C against the same libsqlite3, with nothing else
// (no row decoding, no expiry check, no secret hash). No client of this library can validate faster, so
// its ratio to Python's sqlite3 is the ceiling for any ratio of ours at one thread.
//   sqlite_floor DB TOKENS FORMAT SECONDS    prints `validations=N wall=S`
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

// Appends `prefix."name", ` for every column of `table` to `sql` (capacity `size`).
static int append_columns(sqlite3 *db, const char *table, const char *prefix, char *sql, size_t size) {
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA table_info(\"%s\")", table);
    sqlite3_stmt *info;
    if (sqlite3_prepare_v2(db, pragma, -1, &info, NULL) != SQLITE_OK) return 0;
    while (sqlite3_step(info) == SQLITE_ROW) {
        size_t used = strlen(sql);
        snprintf(sql + used, size - used, "%s\"%s\", ", prefix, (const char *)sqlite3_column_text(info, 1));
    }
    sqlite3_finalize(info);
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: sqlite_floor DB TOKENS FORMAT SECONDS\n"); return 64; }
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) return 1;
    sqlite3_busy_timeout(db, 5000);
    char sql[4096] = "SELECT ";
    if (!append_columns(db, "session", "s.", sql, sizeof sql) || !append_columns(db, "user", "u.", sql, sizeof sql)) return 1;
    sql[strlen(sql) - 2] = '\0';
    strncat(sql, " FROM \"session\" AS s LEFT JOIN \"user\" AS u ON u.id = s.user_id WHERE s.id = ?", sizeof sql - strlen(sql) - 1);
    sqlite3_stmt *lookup;
    if (sqlite3_prepare_v2(db, sql, -1, &lookup, NULL) != SQLITE_OK) { fprintf(stderr, "%s\n", sqlite3_errmsg(db)); return 1; }

    FILE *file = fopen(argv[2], "r");
    if (!file) return 1;
    enum { MAX = 100000 };
    static char ids[MAX][80];
    int count = 0;
    while (count < MAX && fscanf(file, "%79s", ids[count]) == 1) {
        if (strcmp(argv[3], "split") == 0) { char *dot = strchr(ids[count], '.'); if (dot) *dot = '\0'; }
        count++;
    }
    fclose(file);
    if (count == 0) return 1;

    long done = 0, failed = 0;
    double seconds = atof(argv[4]), start = now(), end = start + seconds;
    while (now() < end) {
        for (int i = 0; i < 64; i++, done++) {
            sqlite3_bind_text(lookup, 1, ids[done % count], -1, SQLITE_STATIC);
            if (sqlite3_step(lookup) != SQLITE_ROW) failed++;
            sqlite3_reset(lookup);
        }
    }
    printf("validations=%ld failures=%ld wall=%f\n", done - failed, failed, now() - start);
    sqlite3_finalize(lookup);
    sqlite3_close(db);
    return 0;
}
