import Foundation

/// One catalog entry as plain JSON, with the `_` notes the loader ignores (`_placeholders`).
struct RawCatalogEntry {
    /// The entry's id.
    let id: String
    /// The whole JSON object.
    let object: [String: Any]

    /// The entries of `Diagnostics/<name>`.
    static func load(_ name: String) throws -> [RawCatalogEntry] {
        let data = try Data(contentsOf: Fixtures.diagnosticsDirectory.appendingPathComponent(name))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let entries = root?["entries"] as? [[String: Any]] ?? []
        return entries.map { RawCatalogEntry(id: $0["id"] as? String ?? "", object: $0) }
    }

    /// The names `_placeholders` documents.
    var documentedPlaceholders: Set<String> {
        Set((object["_placeholders"] as? [String: Any] ?? [:]).keys)
    }

    /// Every fix of every platform.
    var fixes: [[String: Any]] {
        (object["fixes"] as? [String: [[String: Any]]] ?? [:]).values.flatMap { $0 }
    }

    /// The title and every fix summary: text shown to the user as it is.
    var titleAndSummaries: [String] {
        [object["title"] as? String ?? ""] + fixes.compactMap { $0["summary"] as? String }
    }

    /// Every fix command.
    var commands: [String] {
        fixes.flatMap { $0["commands"] as? [String] ?? [] }
    }

    /// Every text that may hold placeholders.
    var templates: [String] {
        titleAndSummaries + commands + ["explanation", "detection"].compactMap { object[$0] as? String }
    }

    /// The `{name}` placeholders used, by the rule `Placeholders.fill` applies.
    var usedPlaceholders: Set<String> {
        let regex = try! NSRegularExpression(pattern: #"\{([A-Za-z0-9_]+)\}"#)
        return Set(templates.flatMap { text in
            regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
                Range(match.range(at: 1), in: text).map { String(text[$0]) }
            }
        })
    }
}
