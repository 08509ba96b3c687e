import Foundation

/// Lines as people paste them into issue threads. Each names where its wording comes from:
/// a MongoDB (or WiredTiger, glibc, systemd, docker) source file or a manual page.
enum Pasted {
    static let date = Fixtures.date

    /// The most common paste: a JSON line as articles and Compass show it, without timestamp or
    /// closing braces. Wording: id 20557 in src/mongo/db/mongod_main.cpp, the NonExistentPath text
    /// of src/mongo/db/storage/storage_engine_lock_file_*.cpp (mongodb-failures.md §2 row 1).
    static let missingDbpathFragment = #""DBException in initAndListen, terminating","attr":{"error":"NonExistentPath: Data directory C:\\data\\db\\ not found. Create the missing directory or specify another path using (1) the --dbpath command line option, or (2) by adding the 'storage.dbPath' option in the configuration file."}"#
    /// The same line pasted with single backslashes (invalid JSON escapes).
    static let singleBackslashes = Fixtures.missingDbpathWindows.replacingOccurrences(of: #"\\"#, with: #"\"#)

    /// 2.6 text line (ISO date, no severity or component); wording of the 2.x/3.x lock-file code
    /// (src/mongo/db/storage/storage_engine_lock_file_posix.cpp; jstests/noPassthrough/lock_file_fail_to_open.js
    /// checks for "Unable to lock file").
    static let lockedTwoSix = "2014-05-10T10:00:00.123+0200 [initandlisten] exception in initAndListen: 10310 Unable to lock file: /var/lib/mongodb/mongod.lock. Is a mongod instance already running?, terminating"
    /// 2.4 ctime lines; wording of 2.x src/mongo/db/instance.cpp (old lock file, uassert 12596).
    static let oldLockFile = [
        "Sat Mar  1 10:00:00.123 [initandlisten] ************** old lock file: /data/db/mongod.lock.  probably means unclean shutdown, but there are no journal files to recover.",
        "Sat Mar  1 10:00:00.124 [initandlisten] exception in initAndListen: 12596 old lock file, terminating",
    ]
    /// 2.x/3.0 stderr: `SEVERE:` and a Status printed as `FileNotOpen Failed to open "…"`
    /// (src/mongo/db/initialize_server_global_state.cpp).
    static let severeLogDir = #"SEVERE: Failed global initialization: FileNotOpen Failed to open "/var/log/mongodb/mongod.log""#
    /// The same for a log file directly in /var/log.
    static let severeVarLog = #"SEVERE: Failed global initialization: FileNotOpen Failed to open "/var/log/mongod.log""#
    /// A bare 3.x message without its timestamp (mongodb-failures.md §2 row 1, pre-4.4 form).
    static let bareInitAndListen = "exception in initAndListen: 29 Data directory /data/db not found., terminating"
    /// 3.x read-only dbpath; the path ends where mongod's message ends (before `, terminating`).
    static let readOnlyLegacy = "2017-06-01T10:00:00.000+0000 E STORAGE  [initandlisten] exception in initAndListen: 20 Attempted to create a lock file on a read-only directory: /data/db, terminating"
    /// A DBPathInUse error logged at severity I under attribute `e` (shape from the pastes of
    /// issue 8; the id is not confirmed against the server source).
    static let dbpathInUseUnderE = #"{\#(date),"s":"I","c":"STORAGE","id":4615612,"ctx":"initandlisten","msg":"Error","attr":{"e":"DBPathInUse: Unable to lock the lock file: /data/db/mongod.lock (Resource temporarily unavailable). Another mongod instance is already running on the /data/db directory"}}"#
    /// 4.2 text line of a downgrade; WiredTiger src/log/log.c __log_open_verify.
    static let wiredTigerVersion = "2020-04-15T16:35:10.362-0400 E STORAGE  [initandlisten] WiredTiger error (-31802) [1586982910:362655][25914:0x7f8b6f422a80], connection: __log_open_verify, 985: unsupported WiredTiger file version: this build only supports versions up to 4, and the file is version 5: WT_ERROR: non-specific WiredTiger error"
    /// WiredTiger src/block/block_read.c (checksum) and src/support/err.c (__wt_panic).
    static let checksum = #"{\#(date),"s":"E","c":"STORAGE","id":22435,"ctx":"initandlisten","msg":"WiredTiger error","attr":{"error":0,"message":"[1709283600:1][1:0x7f], file:WiredTigerHS.wt, hs_access: __wt_block_read_off, 286: WiredTigerHS.wt: potential hardware corruption, read checksum error for 4096B block at offset 36864: block header checksum of 0xe91e3800 doesn't match expected checksum of 0xd10d51e"}}"#
    static let panic = #"{\#(date),"s":"E","c":"STORAGE","id":22435,"ctx":"initandlisten","msg":"WiredTiger error","attr":{"error":-31804,"message":"[1709283600:2][1:0x7f], the process must exit and restart: WT_PANIC: WiredTiger library panic"}}"#
    /// Docker on a Windows folder: WiredTiger src/os_posix/os_fs.c __posix_open_file, errno 95;
    /// then the 22347-style line, which is not a downgrade here.
    static let notSupported = [
        "2020-05-21T10:11:02.611+0000 E  STORAGE  [initandlisten] WiredTiger error (95) [1590055862:611142][139:0x7fe5fe559b00], file:WiredTiger.wt, connection: __posix_open_file, 667: /data/db/WiredTiger.wt: handle-open: open: Operation not supported Raw: [1590055862:611142][139:0x7fe5fe559b00]",
        "2020-05-21T10:11:02.617+0000 W  STORAGE  [initandlisten] Failed to start up WiredTiger under any compatibility version. This may be due to an unsupported upgrade or downgrade.",
        "2020-05-21T10:11:02.617+0000 F  STORAGE  [initandlisten] Reason: 95: Operation not supported",
    ]
    /// 3.x journal preallocation (src/mongo/db/storage/mmap_v1/dur_journal.cpp).
    static let journalSpace = [
        "2016-01-01T10:00:00.000+0000 I JOURNAL  [initandlisten] ERROR: Insufficient free space for journal files",
        "2016-01-01T10:00:00.000+0000 I JOURNAL  [initandlisten] Please make at least 3379MB available in /var/lib/mongodb/journal or use --smallfiles",
        "2016-01-01T10:00:00.001+0000 I CONTROL  [initandlisten] exception in initAndListen: 15926 Insufficient free space for journals, terminating",
    ]
    /// src/mongo/util/options_parser/options_parser.cpp.
    static let duplicateKey = "Error parsing YAML config: duplicate key: storage.dbPath(canonical key: storage.dbPath)"
    static let badValue = #"Error parsing option "net.port" as int in config file: Bad digit "a" while parsing 27a17"#
    /// 3.6-4.2 src/mongo/db/repair_database_and_check_version.cpp.
    static let upgradeProblem = "2019-08-01T10:00:00.000+0000 F CONTROL  [initandlisten] ** IMPORTANT: UPGRADE PROBLEM: The data files need to be fully upgraded to version 3.6 before attempting an upgrade to 4.0; see http://dochub.mongodb.org/core/4.0-upgrade-fcv for more details."
    /// No AVX (MongoDB manual, Production Notes): systemd, docker compose and the shell.
    static let avxSystemd = "Mar 01 10:00:00 host systemd[1]: mongod.service: Main process exited, code=dumped, status=4/ILL"
    static let avxCompose = "mongo-1 exited with code 132"
    static let avxShell = "Illegal instruction (core dumped)"
    /// glibc ld.so.
    static let loader = "mongod: error while loading shared libraries: libcrypto.so.1.1: cannot open shared object file: No such file or directory"
    /// systemd, with no line of mongod's own.
    static let systemdOnly = [
        "Mar 01 10:00:00 host systemd[1]: mongod.service: Main process exited, code=exited, status=14/n/a",
        "Mar 01 10:00:00 host systemd[1]: mongod.service: Failed with result 'exit-code'.",
    ]
    /// 3.x startup options (src/mongo/db/mongod_options.cpp logs them) and a listener failure.
    static let optionsPort = [
        #"2019-03-22T10:20:30.123+0000 I CONTROL  [initandlisten] options: { config: "/etc/mongod.conf", net: { bindIp: "127.0.0.1", port: 27217 }, storage: { dbPath: "/var/lib/mongodb" } }"#,
        "2019-03-22T10:20:30.200+0000 E STORAGE  [initandlisten] Failed to set up listener: SocketException: Address already in use",
    ]
    /// 2.x version line (src/mongo/db/db.cpp: `db version v2.2.3, pdfile version 4.5`).
    static let oldVersion = "Sat Mar  1 10:00:00.000 [initandlisten] db version v2.2.3, pdfile version 4.5"
}
