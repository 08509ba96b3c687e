import DoctorCore
import Foundation
import MongodDiagnosis

/// Log lines for the tests. Unless noted, each is the signature given in
/// /work/shared/reference/mongodb-failures.md §2 (row N), copied verbatim and wrapped in the
/// usual `t`/`s`/`c`/`ctx` fields where the reference elides them.
enum Fixtures {
    static let date = #""t":{"$date":"2024-03-01T10:00:00.000+01:00"}"#

    /// Log line from mongodb-failures.md §2, row 1 (the seed case, Windows path).
    static let missingDbpathWindows = #"{"t":{"$date":"2024-03-01T10:00:00.000+01:00"},"s":"E","c":"CONTROL","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"NonExistentPath: Data directory C:\\data\\db\\ not found. Create the missing directory or specify another path using (1) the --dbpath command line option, or (2) by adding the 'storage.dbPath' option in the configuration file."}}"#
    /// Log line from mongodb-failures.md §2, row 1, with a Linux path.
    static let missingDbpathLinux = #"{\#(date),"s":"E","c":"CONTROL","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"NonExistentPath: Data directory /data/db not found. Create the missing directory or specify another path using (1) the --dbpath command line option, or (2) by adding the 'storage.dbPath' option in the configuration file."}}"#
    /// Log line from mongodb-failures.md §2, row 1 (pre-4.4 legacy form).
    static let missingDbpathLegacy = "2019-03-22T10:20:30.123+0000 E STORAGE  [initandlisten] exception in initAndListen: 29 Data directory /data/db not found., terminating"
    /// Log line from mongodb-failures.md §2, row 2.
    static let readOnlyDbpath = #"{\#(date),"s":"E","c":"CONTROL","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"IllegalOperation: Attempted to create a lock file on a read-only directory: /data/db"}}"#
    /// Log line from mongodb-failures.md §2, row 3 (a).
    static let lockStatusDenied = #"{\#(date),"s":"E","c":"CONTROL","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"Location28596: Unable to determine status of lock file in the data directory /home/database: boost::filesystem::status: Permission denied [system:13]: \"/home/database/mongod.lock\""}}"#
    /// Log lines from mongodb-failures.md §2, row 3 (c): the WiredTiger chain after a root run.
    static let wiredTigerDenied = [
        #"{\#(date),"s":"E","c":"STORAGE","id":22435,"ctx":"initandlisten","msg":"WiredTiger error","attr":{"error":13,"message":"[1709283600:1][1:0x7f], wiredtiger_open: __posix_open_file, 808: /data/db/WiredTiger.turtle: handle-open: open: Permission denied"}}"#,
        #"{\#(date),"s":"W","c":"STORAGE","id":22347,"ctx":"initandlisten","msg":"Failed to start up WiredTiger under any compatibility version. This may be due to an unsupported upgrade or downgrade."}"#,
        #"{\#(date),"s":"F","c":"STORAGE","id":28595,"ctx":"initandlisten","msg":"Terminating.","attr":{"reason":"13: Permission denied"}}"#,
        #"{\#(date),"s":"F","c":"-","id":23091,"ctx":"initandlisten","msg":"Fatal assertion","attr":{"msgid":28595,"file":"src/mongo/db/storage/wiredtiger/wiredtiger_kv_engine.cpp","line":702}}"#,
    ]
    /// Log line from mongodb-failures.md §2, row 4.
    static let dbpathInUse = #"{\#(date),"s":"E","c":"CONTROL","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"DBPathInUse: Unable to lock the lock file: /data/db/mongod.lock (Resource temporarily unavailable). Another mongod instance is already running on the /data/db directory"}}"#
    /// Log line from mongodb-failures.md §2, row 5.
    static let portInUse = #"{\#(date),"s":"E","c":"NETWORK","id":20568,"ctx":"initandlisten","msg":"Error setting up listener","attr":{"error":{"code":9001,"codeName":"SocketException","errmsg":"Address already in use"}}}"#
    /// Log line from mongodb-failures.md §2, row 6.
    static let bindIpNotLocal = #"{\#(date),"s":"E","c":"NETWORK","id":20568,"ctx":"initandlisten","msg":"Error setting up listener","attr":{"error":{"code":9001,"codeName":"SocketException","errmsg":"Cannot assign requested address"}}}"#
    /// Log line from mongodb-failures.md §2, row 6 (IPv6 variant).
    static let ipv6Disabled = #"{\#(date),"s":"E","c":"NETWORK","id":23025,"ctx":"initandlisten","msg":"Specified ipv6 bind address, but ipv6 is disabled"}"#
    /// Log lines from mongodb-failures.md §2, row 7.
    static let staleSocket = [
        #"{\#(date),"s":"E","c":"NETWORK","id":23024,"ctx":"initandlisten","msg":"Failed to unlink socket file","attr":{"path":"/tmp/mongodb-27017.sock","error":"Operation not permitted"}}"#,
        #"{\#(date),"s":"F","c":"-","id":23091,"ctx":"initandlisten","msg":"Fatal assertion","attr":{"msgid":40486,"file":"src/mongo/transport/transport_layer_asio.cpp","line":1048}}"#,
    ]
    /// Log line from mongodb-failures.md §2, row 8.
    static let fcvMismatch = #"{\#(date),"s":"F","c":"CONTROL","id":20573,"ctx":"initandlisten","msg":"Wrong mongod version","attr":{"error":"UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion document (ERROR: Location4926900: Invalid featureCompatibilityVersion document in admin.system.version: { _id: \"featureCompatibilityVersion\", version: \"4.4\" }. See https://docs.mongodb.com/master/release-notes/6.0-compatibility/#feature-compatibility. :: caused by :: Invalid feature compatibility version value '4.4'; expected '6.0' or '6.3' or '7.0'.). If the current featureCompatibilityVersion is below 6.0, see the documentation on upgrading at …"}}"#
    /// Log line from mongodb-failures.md §2, row 9.
    static let wiredTigerDowngrade = #"{\#(date),"s":"E","c":"STORAGE","id":22347,"ctx":"initandlisten","msg":"Failed to start up WiredTiger under any compatibility version. This may be due to an unsupported upgrade or downgrade."}"#
    /// Log line from mongodb-failures.md §2, row 10 (unclean shutdown).
    static let uncleanShutdown = #"{\#(date),"s":"W","c":"STORAGE","id":22271,"ctx":"initandlisten","msg":"Detected unclean shutdown - Lock file is not empty","attr":{"lockFile":"/data/db/mongod.lock"}}"#
    /// Log lines from mongodb-failures.md §2, row 10 (corruption).
    static let corruption = [
        #"{\#(date),"s":"E","c":"STORAGE","id":22435,"ctx":"initandlisten","msg":"WiredTiger error","attr":{"error":-31804,"message":"journal/WiredTigerLog.0000000001: corrupted: Bad magic number"}}"#,
        #"{\#(date),"s":"E","c":"STORAGE","id":22435,"ctx":"initandlisten","msg":"WiredTiger error","attr":{"error":-31809,"message":"WT_TRY_SALVAGE: database corruption detected"}}"#,
        #"{\#(date),"s":"F","c":"STORAGE","id":22348,"ctx":"initandlisten","msg":"WiredTiger metadata corruption detected"}"#,
    ]
    /// Log line from mongodb-failures.md §2, row 10 (interrupted repair).
    static let incompleteRepair = #"{\#(date),"s":"F","c":"STORAGE","id":50922,"ctx":"initandlisten","msg":"An incomplete repair has been detected! This is likely because a repair operation unexpectedly failed before completing. MongoDB will not start up again without --repair."}"#
    /// stderr line from mongodb-failures.md §2, row 11.
    static let invalidYAML = "Error parsing YAML config file: yaml-cpp: error at line 2, column 13: illegal map value"
    /// stderr line from mongodb-failures.md §2, row 11 (unknown key).
    static let unknownOption = "Unrecognized option: storage.mmapv1.smallFiles"
    /// Log line from mongodb-failures.md §2, row 12.
    static let logpathNotOpen = #"{\#(date),"s":"F","c":"CONTROL","id":20574,"ctx":"main","msg":"Error during global initialization","attr":{"error":{"code":38,"codeName":"FileNotOpen","errmsg":"Can't initialize rotatable log file :: caused by :: Failed to open /var/log/mongodb/mongod.log"}}}"#
    /// Log line from mongodb-failures.md §2, row 13.
    static let noSpace = #"{\#(date),"s":"E","c":"CONTROL","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"FileStreamFailed: Unable to write string 1\n to file: /data/db/mongod.lock No space left on device"}}"#
    /// Log line from mongodb-failures.md §2, row 14.
    static let openFiles = #"{\#(date),"s":"W","c":"CONTROL","id":22184,"ctx":"initandlisten","msg":"Soft rlimits for open file descriptors too low","attr":{"currentValue":256,"recommendedMinimum":64000},"tags":["startupWarnings"]}"#
    /// Log line from mongodb-failures.md §2, row 15.
    static let transparentHugePages = #"{\#(date),"s":"W","c":"CONTROL","id":22178,"ctx":"initandlisten","msg":"/sys/kernel/mm/transparent_hugepage/enabled is 'always'. We suggest setting it to 'never'","tags":["startupWarnings"]}"#
    /// Log lines from mongodb-failures.md §2, row 16.
    static let keyfileTooOpen = [
        #"{\#(date),"s":"I","c":"ACCESS","id":20254,"ctx":"main","msg":"Read security file failed","attr":{"error":{"code":30,"codeName":"InvalidPath","errmsg":"permissions on /data/security.keyFile are too open"}}}"#,
        #"{\#(date),"s":"F","c":"CONTROL","id":20575,"ctx":"main","msg":"Error creating service context","attr":{"error":"Location5579201: Unable to acquire security key[s]"}}"#,
    ]
    /// Log line from mongodb-failures.md §2, row 17.
    static let runningAsRoot = #"{\#(date),"s":"W","c":"CONTROL","id":22138,"ctx":"initandlisten","msg":"You are running this process as the root user, which is not recommended","tags":["startupWarnings"]}"#
    /// Log line from mongodb-failures.md §2, row 17.
    static let noAccessControl = #"{\#(date),"s":"W","c":"CONTROL","id":22120,"ctx":"initandlisten","msg":"Access control is not enabled for the database. Read and write access to data and configuration is unrestricted","tags":["startupWarnings"]}"#
    /// The `--fork` parent's output, from mongodb-failures.md §2.1.
    static let forkFailure = [
        "ERROR: child process failed, exited with error number 48",
        #"To see additional information in this output, start without the "--fork" option."#,
    ]

    /// mongod listening (id 23016): the last startup is shown running.
    static let waiting = #"{\#(date),"s":"I","c":"NETWORK","id":23016,"ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}"#

    /// A startup line (id 4615611) for the given dbpath and port.
    static func starting(dbPath: String = "/data/db", port: Int = 27017) -> String {
        #"{\#(date),"s":"I","c":"CONTROL","id":4615611,"ctx":"initandlisten","msg":"MongoDB starting","attr":{"pid":1,"port":\#(port),"dbPath":"\#(dbPath)","architecture":"64-bit","host":"h"}}"#
    }

    /// The built-in catalog of the source tree.
    static func builtInCatalog() throws -> DiagnosticCatalog {
        try DiagnosticCatalog.load(directories: [diagnosticsDirectory])
    }

    /// `Diagnostics/` of the source tree.
    static var diagnosticsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Diagnostics")
    }

    /// Analyses `lines` with the built-in catalog.
    static func analyze(_ lines: [String], platform: Platform? = .linux) throws -> MongodLogAnalysis {
        try MongodLogAnalyzer(catalog: builtInCatalog(), platform: platform)
            .analyze(lines.joined(separator: "\n"), source: "mongod.log")
    }
}
