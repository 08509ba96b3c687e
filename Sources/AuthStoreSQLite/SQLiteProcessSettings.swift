internal import CSQLite

/// SQLite settings that belong to the process, applied once before this package's first connection.
///
/// SQLite keeps memory statistics by default (`SQLITE_DEFAULT_MEMSTATUS`): every allocation takes and
/// releases a global mutex to update them, about eighteen of a session lookup's twenty-three mutex
/// operations, and nothing here reads them (`sqlite3_memory_used`, a soft heap limit). SQLite's own
/// guidance for speed is to turn them off. The setting is process-wide and only possible before SQLite
/// first initialises; when another library in the process got there first, SQLite refuses it and keeps
/// its statistics, which changes nothing but the speed.
enum SQLiteProcessSettings {
    /// `SQLITE_OK` when this call turned the statistics off, else SQLite's refusal (`SQLITE_MISUSE`).
    static let memoryStatisticsResult: Int32 = md_sqlite_disable_memory_statistics()

    /// Applies the settings (only the first call does anything).
    static func apply() {
        _ = memoryStatisticsResult
    }
}
