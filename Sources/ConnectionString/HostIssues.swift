/// Per-host errors of the host list, merged when several hosts have the same defect: one issue
/// naming every host, instead of the same error once per host.
struct HostIssues {
    private struct Item {
        var id: String
        var template: String
        var message: (String) -> String
        var hosts: [String]
        var position: Int
    }

    private var items: [Item] = []

    /// Records `id` for `host` at `position`; `message` builds the text from the host phrase
    /// (`host 'a'`, or `hosts 'a', 'b' and 'c'`) and must not depend on anything else of the host.
    mutating func add(_ id: String, host: String, at position: Int, _ message: @escaping (String) -> String) {
        let template = message("\u{1}")
        if let index = items.firstIndex(where: { $0.id == id && $0.template == template }) {
            items[index].hosts.append(host)
        } else {
            items.append(Item(id: id, template: template, message: message, hosts: [host], position: position))
        }
    }

    /// Reports every merged issue as an error, at the first host's position.
    func flush(into log: inout IssueLog) {
        for item in items {
            log.error(item.id, item.message(Self.phrase(item.hosts)), at: item.position)
        }
    }

    /// `host 'a'`, `hosts 'a' and 'b'`, `hosts 'a', 'b' and 'c'`.
    static func phrase(_ hosts: [String]) -> String {
        let quoted = hosts.map { "'\($0)'" }
        guard let last = quoted.last, quoted.count > 1 else { return "host " + (quoted.first ?? "") }
        return "hosts " + quoted.dropLast().joined(separator: ", ") + " and " + last
    }
}
