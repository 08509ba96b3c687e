import DoctorCore
import Foundation

/// Reads and validates one catalog file; every problem is a `CatalogError` naming the entry.
struct CatalogFileDecoder {
    /// Shown in errors.
    let file: String

    private static let fileKeys: Set = ["area", "description", "entries"]
    private static let entryKeys: Set = [
        "id", "severity", "title", "explanation", "match", "exitCode", "fixes", "suppressedBy", "fallback",
        "detection", "manual",
    ]
    private static let matchKeys: Set = ["logIds", "codeNames", "messagePattern", "exitCodes", "platforms"]
    private static let fixKeys: Set = ["id", "summary", "commands"]
    private static let idPattern = Pattern(#"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$"#)

    /// Decodes the entries of `data`.
    func decode(_ data: Data) throws(CatalogError) -> [DiagnosticEntry] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw CatalogError(file: file, reason: "not valid JSON (\(error.localizedDescription))")
        }
        let rawEntries: [Any]
        if let list = root as? [Any] {
            rawEntries = list
        } else if let object = root as? [String: Any] {
            try checkKeys(object, allowed: Self.fileKeys, entry: nil, what: "file")
            guard let list = object["entries"] as? [Any] else {
                throw CatalogError(file: file, reason: "missing \"entries\" array")
            }
            rawEntries = list
        } else {
            throw CatalogError(file: file, reason: "expected an object with \"entries\" or an array of entries")
        }
        var seen: Set<FindingID> = []
        var entries: [DiagnosticEntry] = []
        for (index, raw) in rawEntries.enumerated() {
            let entry = try decodeEntry(raw, position: index + 1)
            guard seen.insert(entry.id).inserted else {
                throw CatalogError(file: file, entry: entry.id.rawValue, reason: "duplicate id in this file")
            }
            entries.append(entry)
        }
        return entries
    }

    private func decodeEntry(_ raw: Any, position: Int) throws(CatalogError) -> DiagnosticEntry {
        var name = "#\(position)"
        guard let object = raw as? [String: Any] else {
            throw CatalogError(file: file, entry: name, reason: "an entry must be a JSON object")
        }
        guard let id = object["id"] as? String, !id.isEmpty else {
            throw CatalogError(file: file, entry: name, reason: "missing id")
        }
        name = id
        guard Self.idPattern.firstMatch(in: id) != nil else {
            throw CatalogError(file: file, entry: name, reason: "invalid id (use lowercase dotted words, like dbpath.missing)")
        }
        try checkKeys(object, allowed: Self.entryKeys, entry: name, what: "entry")
        let severityText = try string(object["severity"], key: "severity", entry: name, required: true) ?? ""
        guard let severity = Severity(rawValue: severityText) else {
            throw CatalogError(file: file, entry: name, reason: "unknown severity '\(severityText)' (expected error, warning or info)")
        }
        guard let title = try string(object["title"], key: "title", entry: name, required: true), !title.isEmpty else {
            throw CatalogError(file: file, entry: name, reason: "missing title")
        }
        var exitCode: Int?
        if let value = object["exitCode"] {
            guard let code = value as? Int, (0...255).contains(code) else {
                throw CatalogError(file: file, entry: name, reason: "exitCode must be an integer 0-255")
            }
            exitCode = code
        }
        var isFallback = false
        if let value = object["fallback"] {
            guard let number = value as? NSNumber, String(cString: number.objCType) == "c" else {
                throw CatalogError(file: file, entry: name, reason: "fallback must be true or false")
            }
            isFallback = number.boolValue
        }
        return DiagnosticEntry(
            id: FindingID(rawValue: id), severity: severity, title: title,
            explanation: try string(object["explanation"], key: "explanation", entry: name, required: false) ?? "",
            match: try rules(object["match"], entry: name), exitCode: exitCode,
            fixes: try fixes(object["fixes"], entry: name),
            suppressedBy: try list(object["suppressedBy"], of: String.self, key: "suppressedBy", entry: name).map(FindingID.init(rawValue:)),
            detection: try string(object["detection"], key: "detection", entry: name, required: false) ?? "",
            manual: try manualLink(object["manual"], entry: name),
            isFallback: isFallback, sourceFile: file)
    }

    /// The `manual` link: an https URL of MongoDB's documentation, or absent.
    private func manualLink(_ raw: Any?, entry: String) throws(CatalogError) -> String? {
        guard let link = try string(raw, key: "manual", entry: entry, required: false) else { return nil }
        guard link.hasPrefix("https://") else {
            throw CatalogError(file: file, entry: entry, reason: "manual must be an https:// link")
        }
        return link
    }

    private func rules(_ raw: Any?, entry: String) throws(CatalogError) -> [MatchRule] {
        guard let raw else { return [] }
        let objects: [Any] = (raw as? [Any]) ?? [raw]
        var rules: [MatchRule] = []
        for item in objects {
            guard let object = item as? [String: Any], !object.isEmpty else {
                throw CatalogError(file: file, entry: entry, reason: "match must be a non-empty object or a list of them")
            }
            try checkKeys(object, allowed: Self.matchKeys, entry: entry, what: "match")
            let pattern = try string(object["messagePattern"], key: "messagePattern", entry: entry, required: false)
            do {
                rules.append(
                    try MatchRule(
                        logIds: try list(object["logIds"], of: Int.self, key: "logIds", entry: entry),
                        codeNames: try list(object["codeNames"], of: String.self, key: "codeNames", entry: entry),
                        messagePattern: pattern,
                        exitCodes: try list(object["exitCodes"], of: Int.self, key: "exitCodes", entry: entry),
                        platforms: try platforms(object["platforms"], entry: entry)))
            } catch let error as CatalogError {
                throw error
            } catch {
                throw CatalogError(file: file, entry: entry, reason: "invalid messagePattern '\(pattern ?? "")': \(error.localizedDescription)")
            }
        }
        return rules
    }

    private func fixes(_ raw: Any?, entry: String) throws(CatalogError) -> [Platform: [FixTemplate]] {
        guard let raw else { return [:] }
        guard let object = raw as? [String: Any] else {
            throw CatalogError(file: file, entry: entry, reason: "fixes must be an object keyed by platform")
        }
        var result: [Platform: [FixTemplate]] = [:]
        for (key, value) in object {
            guard let platform = Platform(rawValue: key) else {
                throw CatalogError(file: file, entry: entry, reason: "unknown platform '\(key)' in fixes (expected linux, macos or windows)")
            }
            guard let items = value as? [[String: Any]] else {
                throw CatalogError(file: file, entry: entry, reason: "fixes.\(key) must be a list of objects")
            }
            result[platform] = try items.map { (item) throws(CatalogError) -> FixTemplate in
                try checkKeys(item, allowed: Self.fixKeys, entry: entry, what: "fix")
                guard let id = item["id"] as? String, !id.isEmpty,
                    let summary = item["summary"] as? String, !summary.isEmpty
                else {
                    throw CatalogError(file: file, entry: entry, reason: "every fix in fixes.\(key) needs an id and a summary")
                }
                let commands = try list(item["commands"], of: String.self, key: "commands", entry: entry)
                return FixTemplate(id: FixID(rawValue: id), summary: summary, commands: commands)
            }
        }
        return result
    }

    private func platforms(_ raw: Any?, entry: String) throws(CatalogError) -> [Platform] {
        try list(raw, of: String.self, key: "platforms", entry: entry).map { (name) throws(CatalogError) -> Platform in
            guard let platform = Platform(rawValue: name) else {
                throw CatalogError(file: file, entry: entry, reason: "unknown platform '\(name)' (expected linux, macos or windows)")
            }
            return platform
        }
    }

    private func list<T>(_ raw: Any?, of type: T.Type, key: String, entry: String) throws(CatalogError) -> [T] {
        guard let raw else { return [] }
        guard let typed = raw as? [T] else {
            throw CatalogError(file: file, entry: entry, reason: "\(key) must be a list of \(T.self == Int.self ? "integers" : "strings")")
        }
        return typed
    }

    private func string(_ raw: Any?, key: String, entry: String, required: Bool) throws(CatalogError) -> String? {
        guard let raw else {
            if required { throw CatalogError(file: file, entry: entry, reason: "missing \(key)") }
            return nil
        }
        guard let text = raw as? String else {
            throw CatalogError(file: file, entry: entry, reason: "\(key) must be a string")
        }
        return text
    }

    private func checkKeys(_ object: [String: Any], allowed: Set<String>, entry: String?, what: String) throws(CatalogError) {
        let unknown = object.keys.filter { !allowed.contains($0) && !$0.hasPrefix("_") && $0 != "comment" }.sorted()
        if let first = unknown.first {
            throw CatalogError(file: file, entry: entry, reason: "unknown \(what) key '\(first)' (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }
}
