/// Finds the closest known name for a misspelled option name or value ("did you mean").
enum NameMatcher {
    /// The closest candidate to `word`, or `nil` when none is close enough.
    ///
    /// Case, `_` and `-` are ignored first (`replica_set` → `replicaSet`); otherwise the
    /// candidate with the smallest edit distance wins, if that distance is small for the length.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let squashed = squash(word)
        guard !squashed.isEmpty else { return nil }
        if let exact = candidates.first(where: { squash($0) == squashed }) {
            return exact
        }
        let limit = squashed.count <= 4 ? 1 : (squashed.count <= 8 ? 2 : 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(squashed, squash(candidate))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// The closest known option name.
    static func closestOption(to key: String) -> String? {
        closest(to: key, in: OptionTable.allNames)
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous = Array(0...right.count)
        var current = Array(repeating: 0, count: right.count + 1)
        for row in 1...left.count {
            current[0] = row
            for column in 1...right.count {
                let cost = left[row - 1] == right[column - 1] ? 0 : 1
                current[column] = min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }

    private static func squash(_ text: String) -> String {
        OptionTable.lowercaseASCII(text).filter { $0 != "_" && $0 != "-" }
    }
}
