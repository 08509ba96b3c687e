import Foundation
/// Strips the wrappers that tools and pastes put before a mongod line, one at a time:
/// journal/syslog prefixes (`Nov 29 10:00:00 host mongod[123]: `), `docker compose` service
/// names (`mongo-1    | `), runit/svlogd TAI64N and `-tt` stamps (`@4000000065e1a3b0123abc45 `,
/// `2024-03-01_10:00:00.12345 `), `docker logs -t` / `kubectl --timestamps` ISO stamps, and
/// test-harness prefixes (`[js_test:auth] d20010| `, `[j0:n1] `, `m31000| `).
///
/// The parser tries the whole line first; these prefixes are only removed when the line as it
/// stands is not a recognisable mongod line, so a legacy line's own timestamp is never lost.
enum LinePrefix {
    private static let patterns: [Pattern] = [
        // syslog / journalctl (short and short-iso)
        Pattern(#"^(?:[A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S*) \S+ [^\s:\[]+(?:\[\d+\])?: "#),
        // docker compose v1/v2: `name_1  | `, `name-1  | `
        Pattern(#"^[A-Za-z0-9][A-Za-z0-9_.-]*\s*\| ?"#),
        // svlogd -t (TAI64N) and -tt
        Pattern(#"^@[0-9a-f]{24} "#),
        Pattern(#"^\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d(?:\.\d+)? "#),
        // docker logs -t, kubectl logs --timestamps, CI runners: an ISO stamp and a space
        Pattern(#"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)? "#),
        // resmoke / mongo shell test harness: `[js_test:x] `, `[j0:n1] `, `d20010| `, `m31000| `, `sh1234| `
        Pattern(#"^\[[^\]\s]{1,80}\] ?"#),
        Pattern(#"^\s*[a-z]{1,3}\d{2,6}\| ?"#),
        // `systemctl status` indentation and `●`, shell prompts of a pasted session: leading spaces
        Pattern(#"^[\s\x{25CF}\x{2502}\x{251C}\x{2514}\x{2500}]+"#),
    ]

    /// The text after the first prefix found, or `nil` when the line has none.
    static func strip(_ line: Substring) -> Substring? {
        let text = String(line)
        for pattern in patterns {
            if let groups = pattern.firstMatch(in: text), let prefix = groups[0], !prefix.isEmpty {
                let rest = text.dropFirst(prefix.count)
                guard !rest.isEmpty else { continue }
                return line.dropFirst(prefix.count)
            }
        }
        return nil
    }
}
