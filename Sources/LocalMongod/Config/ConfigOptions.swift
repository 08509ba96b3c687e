/// The mongod.conf options mongo-doctor knows, for `config.unknown-option`.
///
/// Exact dotted names, plus subtrees whose contents are not checked (`setParameter.*`,
/// `storage.wiredTiger.*`, `net.tls.*`, …). mongod refuses to start on an unrecognised option.
enum ConfigOptions {
    /// Exact option names.
    static let exact: Set<String> = [
        // systemLog
        "systemLog.verbosity", "systemLog.quiet", "systemLog.traceAllExceptions", "systemLog.syslogFacility",
        "systemLog.path", "systemLog.logAppend", "systemLog.logRotate", "systemLog.destination",
        "systemLog.timeStampFormat",
        // storage
        "storage.dbPath", "storage.journal.enabled", "storage.journal.commitIntervalMs", "storage.directoryPerDB",
        "storage.syncPeriodSecs", "storage.engine", "storage.oplogMinRetentionHours",
        // processManagement
        "processManagement.fork", "processManagement.pidFilePath", "processManagement.timeZoneInfo",
        // net
        "net.port", "net.bindIp", "net.bindIpAll", "net.ipv6", "net.maxIncomingConnections", "net.wireObjectCheck",
        "net.unixDomainSocket.enabled", "net.unixDomainSocket.pathPrefix", "net.unixDomainSocket.filePermissions",
        "net.compression.compressors",
        // security
        "security.authorization", "security.keyFile", "security.clusterAuthMode", "security.javascriptEnabled",
        "security.transitionToAuth", "security.redactClientLogData", "security.clusterIpSourceAllowlist",
        "security.enableEncryption", "security.encryptionCipherMode", "security.encryptionKeyFile",
        // operationProfiling
        "operationProfiling.mode", "operationProfiling.slowOpThresholdMs", "operationProfiling.slowOpSampleRate",
        "operationProfiling.filter",
        // replication
        "replication.oplogSizeMB", "replication.replSetName", "replication.enableMajorityReadConcern",
        // sharding
        "sharding.clusterRole", "sharding.archiveMovedChunks", "sharding.configDB",
    ]

    /// Subtrees accepted whole (`prefix.` followed by anything).
    static let subtrees: [String] = [
        "systemLog.component", "storage.wiredTiger", "storage.inMemory", "processManagement.windowsService",
        "net.tls", "net.ssl", "security.sasl", "security.ldap", "security.kmip", "setParameter", "auditLog", "cloud",
    ]

    /// Whether `key` is a known option.
    static func isKnown(_ key: String) -> Bool {
        exact.contains(key) || subtrees.contains { key.hasPrefix($0 + ".") }
    }

    /// Whether an entry is known; an empty section (`setParameter: {}`, `security:`) is too.
    static func isKnown(_ entry: ConfigEntry) -> Bool {
        if isKnown(entry.key) { return true }
        guard entry.value == nil || entry.value?.isEmpty == true, entry.items.isEmpty else { return false }
        return subtrees.contains(entry.key) || exact.contains { $0.hasPrefix(entry.key + ".") }
    }

    /// The closest known option: a case-insensitive match, else one within a small edit distance.
    static func suggestion(for key: String) -> String? {
        let lowered = key.lowercased()
        if let same = exact.first(where: { $0.lowercased() == lowered }) { return same }
        if let tree = subtrees.first(where: { lowered.hasPrefix($0.lowercased() + ".") }) {
            return tree + key.dropFirst(tree.count)
        }
        let limit = max(2, key.count / 6)
        let scored = exact.map { ($0, EditDistance.between(lowered, $0.lowercased())) }
            .filter { $0.1 <= limit }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return scored.first?.0
    }
}

/// Levenshtein distance over characters.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
