// libFuzzer target `uri`: the connection-string parser and linter (ConnectionString), on any bytes.
// Built and run by scripts/fuzz; not a SwiftPM target.
import ConnectionString

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let parsed = try? ConnectionString.parse(text) {
        _ = parsed.redacted
        _ = parsed.hosts.map(\.description)
        _ = parsed.option("tls")
    }
    let lint = URILinter.lint(text)
    _ = lint.issues.map(\.message)
    _ = ConnectionString.encodeCredential(text)
    return 0
}
