// libFuzzer target `catalog`: the catalog loader (MongodDiagnosis) on any bytes as one catalog file
// (what `--catalog DIR` reads), then the decoded entries matched against a short fixed log.
// Built and run by scripts/fuzz; not a SwiftPM target.
import DoctorCore
import Foundation
@testable import MongodDiagnosis

let log = """
    {"t":{"$date":"2026-01-02T03:04:05.000+00:00"},"s":"I","c":"CONTROL","id":20698,"ctx":"main","msg":"***** SERVER RESTARTED *****"}
    {"t":{"$date":"2026-01-02T03:04:05.100+00:00"},"s":"E","c":"CONTROL","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"NonExistentPath: Data directory /data/db not found."}}
    {"t":{"$date":"2026-01-02T03:04:05.200+00:00"},"s":"I","c":"CONTROL","id":20565,"ctx":"initandlisten","msg":"Now exiting"}
    {"t":{"$date":"2026-01-02T03:04:05.300+00:00"},"s":"I","c":"CONTROL","id":23138,"ctx":"initandlisten","msg":"Shutting down","attr":{"exitCode":100}}
    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let entries = try? CatalogFileDecoder(file: "fuzz.json").decode(bytes) else { return 0 }
    let catalog = DiagnosticCatalog(entries: entries)
    _ = try? MongodLogAnalyzer(catalog: catalog, platform: .linux).analyze(log, source: "fuzz")
    for entry in entries { _ = catalog.genericFinding(entry.id, platform: .linux) }
    return 0
}
