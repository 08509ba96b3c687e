// libFuzzer target `config`: the mongod configuration reader (LocalMongod's ConfigParser over Yams) on
// any bytes, as `check --config FILE` reads them: UTF-8 text (else where it stops being), then YAML,
// then the dotted leaves and the unknown-option suggestions.
// Built and run by scripts/fuzz; not a SwiftPM target.
import Foundation
@testable import LocalMongod

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    switch ConfigParser().parse(bytes) {
    case .parsed(let config):
        for entry in config.entries {
            _ = (config.string(entry.key), config.bool(entry.key), config.int(entry.key), config.list(entry.key))
            if !ConfigOptions.isKnown(entry) { _ = ConfigOptions.suggestion(for: entry.key) }
        }
    case .invalid(let problem):
        _ = problem.problem
    }
    return 0
}
