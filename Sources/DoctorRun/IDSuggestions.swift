public import DoctorCore

/// "Did you mean": the known ids closest to a mistyped one.
public enum IDSuggestions {
    /// Up to three ids within a small edit distance of `text`, or sharing its area and a word, closest first.
    public static func closest(to text: String, among ids: [FindingID]) -> [FindingID] {
        let query = text.lowercased()
        let scored = ids.map { id -> (id: FindingID, score: Int, distance: Int) in
            let edits = distance(query, id.rawValue)
            var score = edits
            if id.rawValue.contains(query) || (query.count >= 4 && query.contains(id.rawValue)) { score = min(score, 1) }
            return (id, score, edits)
        }
        let limit = max(2, query.count / 3)
        // Equal scores (several ids containing the text) go by edit distance, then by id.
        return scored.filter { $0.score <= limit }
            .sorted { ($0.score, $0.distance, $0.id.rawValue) < ($1.score, $1.distance, $1.id.rawValue) }
            .prefix(3).map(\.id)
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
