import Foundation

/// The real process table, read from `/proc` (Linux; empty elsewhere).
public struct LiveProcessProbe: ProcessProbe {
    private let procRoot: String

    /// Creates the probe; `procRoot` is `/proc` except in tests.
    public init(procRoot: String = "/proc") { self.procRoot = procRoot }

    public func mongodProcesses() -> [ProcessSnapshot] {
        let me = ProcessInfo.processInfo.processIdentifier
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: procRoot)) ?? []
        return entries.compactMap { Int32($0) }.filter { $0 != me }.sorted().compactMap { pid in
            guard let snapshot = process(pid: pid), snapshot.name == "mongod" || snapshot.isMongod else { return nil }
            return snapshot
        }
    }

    public func process(pid: Int32) -> ProcessSnapshot? {
        let base = "\(procRoot)/\(pid)"
        guard let status = ProcFile.text("\(base)/status") else { return nil }
        let name = ProcFile.text("\(base)/comm")?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let cmdline = ProcFile.data("\(base)/cmdline") ?? Data()
        let arguments = cmdline.split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        let trimmed = arguments.last == "" ? Array(arguments.dropLast()) : arguments
        return ProcessSnapshot(pid: pid, uid: Self.effectiveUID(status) ?? UInt32.max, name: name, arguments: trimmed)
    }

    public func openFileLimit(pid: Int32) -> UInt64? {
        guard let text = ProcFile.text("\(procRoot)/\(pid)/limits") else { return nil }
        return Self.softOpenFiles(limitsText: text)
    }

    /// The `Uid:` line's effective uid (second field).
    static func effectiveUID(_ status: String) -> UInt32? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Uid:") }) else { return nil }
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return fields.count >= 3 ? UInt32(fields[2]) : nil
    }

    /// The soft limit of `Max open files` in a `/proc/<pid>/limits` text (`unlimited` → `UInt64.max`).
    static func softOpenFiles(limitsText: String) -> UInt64? {
        guard let line = limitsText.split(separator: "\n").first(where: { $0.hasPrefix("Max open files") }) else { return nil }
        let fields = line.dropFirst("Max open files".count).split(separator: " ", omittingEmptySubsequences: true)
        guard let soft = fields.first else { return nil }
        return soft == "unlimited" ? UInt64.max : UInt64(soft)
    }
}

extension ProcessSnapshot {
    /// Whether argv[0]'s base name is `mongod`.
    var isMongod: Bool { arguments.first.map { $0.split(separator: "/").last.map(String.init) == "mongod" } ?? false }
}
