import DoctorCore

/// What the startup lines say about the server: paths, port, version and operating system.
struct StartupFacts: Sendable {
    /// Placeholder values: `dbpath`, `port`, `serverVersion`, `previousVersion`, `config`, `logpath`.
    private(set) var values: [String: String] = [:]
    /// The platform the log was written on, when the log says.
    private(set) var platform: Platform?

    private static let windowsPath = Pattern(#"(?:^|[\s"'=:(])[A-Za-z]:\\"#)
    /// `db version v2.2.3, pdfile version 4.5` (2.x) and `db version v4.2.8` (3.x – 4.2): the version
    /// ends before the comma.
    private static let legacyVersion = Pattern(#"^db version v([0-9][0-9A-Za-z.+-]*[0-9A-Za-z])"#)

    init(log: ParsedMongodLog) {
        var pathHint: Platform?
        for event in log.lastStartup {
            readValues(event)
            guard platform == nil, Self.mayNamePlatform(event) else { continue }
            platform = Self.declaredPlatform(event)
            if pathHint == nil { pathHint = Self.pathPlatform(MatchSubject(event).text) }
        }
        platform = platform ?? pathHint
        if let previous = log.earlierStartups.last(where: { Self.version(of: $0) != nil }) {
            values["previousVersion"] = Self.version(of: previous)
        }
    }

    private mutating func readValues(_ event: MongodLogEvent) {
        let attributes = event.attributes
        if event.startupMarker == .starting {
            values["dbpath"] = attributes["dbPath"]?.scalarText ?? values["dbpath"]
            values["port"] = attributes["port"]?.scalarText ?? values["port"]
        }
        if event.id == 21951, case .object(let options)? = attributes["options"] {
            let lookup = { (path: [String]) in Self.value(at: path, in: .object(options)) }
            values["dbpath"] = lookup(["storage", "dbPath"]) ?? values["dbpath"]
            values["port"] = lookup(["net", "port"]) ?? values["port"]
            values["config"] = lookup(["config"]) ?? values["config"]
            values["logpath"] = lookup(["systemLog", "path"]) ?? values["logpath"]
        }
        if event.format == .legacy, event.message.hasPrefix("options: ") {
            values["dbpath"] = attributes["dbPath"]?.scalarText ?? values["dbpath"]
            values["port"] = attributes["port"]?.scalarText ?? values["port"]
            values["config"] = attributes["config"]?.scalarText ?? values["config"]
            values["logpath"] = attributes["logPath"]?.scalarText ?? values["logpath"]
        }
        if let version = Self.version(of: event) { values["serverVersion"] = version }
    }

    /// The server version a Build Info (23403) or legacy `db version v…` line states.
    static func version(of event: MongodLogEvent) -> String? {
        if event.id == 23403 { return value(at: ["buildInfo", "version"], in: .object(event.attributes.map { ($0, $1) })) }
        if event.format == .legacy, let groups = legacyVersion.firstMatch(in: event.message) { return groups[1] }
        return nil
    }

    private static func value(at path: [String], in value: JSONValue) -> String? {
        guard let first = path.first else { return value.scalarText }
        guard case .object(let pairs) = value, let inner = pairs.first(where: { $0.0 == first })?.1 else { return nil }
        return self.value(at: Array(path.dropFirst()), in: inner)
    }

    /// Lines worth reading for platform hints (never the bulk of informational lines).
    private static func mayNamePlatform(_ event: MongodLogEvent) -> Bool {
        [51765, 23403, 4_615_611, 21951].contains(event.id ?? 0) || event.format != .json || event.severity >= .warning
    }

    /// The platform an "Operating System" (51765) or Build Info (23403) line declares.
    private static func declaredPlatform(_ event: MongodLogEvent) -> Platform? {
        let attributes = JSONValue.object(event.attributes.map { ($0, $1) })
        let name = value(at: ["os", "name"], in: attributes) ?? value(at: ["buildInfo", "environment", "distmod"], in: attributes)
        let legacyText = event.format == .legacy ? event.message : nil
        guard let text = (name ?? legacyText)?.lowercased() else { return nil }
        if text.contains("windows") { return .windows }
        if text.contains("mac os") || text.contains("macos") || text.contains("osx") || text.contains("darwin") { return .macos }
        return name == nil ? nil : .linux
    }

    /// The platform paths in the text point to (`C:\…`, `/sys/kernel/mm`, `/opt/homebrew`).
    private static func pathPlatform(_ text: String) -> Platform? {
        if windowsPath.firstMatch(in: text) != nil { return .windows }
        if text.contains("/opt/homebrew/") || text.contains("/usr/local/var/mongodb") { return .macos }
        if text.contains("/sys/kernel/mm/") || text.contains("/var/lib/mongodb") { return .linux }
        return nil
    }
}
