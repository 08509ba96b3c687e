// libFuzzer target `log`: the mongod log reader (MongodDiagnosis) on any bytes, three ways: the text
// read whole, the file reader (backward scan to the last startup, then forward) and the stream reader,
// both with tiny limits so block, line and retention boundaries fall inside small inputs.
// Built and run by scripts/fuzz; not a SwiftPM target.
import DoctorCore
import MongodDiagnosis

let catalog: DiagnosticCatalog = {
    do { return try DiagnosticCatalog.load(directories: CatalogLocator().directories()) } catch {
        fatalError("fuzz log: cannot load the built-in catalog: \(error)")
    }
}()
let analyzer = MongodLogAnalyzer(catalog: catalog, platform: .linux)
let tiny = LogReadLimits(
    blockSize: 61, scanLimit: 2048, versionLookback: 512, maxLineBytes: 300,
    headEvents: 8, pinnedEvents: 4, tailEvents: 8, groupBytes: 1024)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? analyzer.analyze(text, source: "fuzz")
    _ = try? analyzer.analyze(file: InMemoryLog(bytes), source: "fuzz", limits: tiny)
    var stream = InMemoryLog(bytes)
    _ = try? analyzer.analyze(stream: &stream, source: "fuzz", limits: tiny)
    return 0
}
