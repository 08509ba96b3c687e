// libFuzzer target `sqlite`: the SQLite auth file inspector (`SQLiteAuthBackend.inspect`, what
// `provision --sqlite` and `users --sqlite` read first) on a file holding the fuzz input, read-only.
// Built and run by scripts/fuzz; not a SwiftPM target.
import AuthStoreSQLite
import Foundation

let path = NSTemporaryDirectory() + "mongo-doctor-fuzz-\(getpid()).db"

/// The file's bytes, read with POSIX calls (Foundation's `FileManager.contents(atPath:)` leaks a 4 KiB
/// buffer on some files, which LeakSanitizer would report as this target's leak).
func contents(of path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = read(fd, &buffer, buffer.count)
        if count < 0 { return nil }
        if count == 0 { return bytes }
        bytes += buffer[..<count]
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
    let before = Array(UnsafeBufferPointer(start: data, count: size))
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0, write(fd, data, size) == size, close(fd) == 0 else { fatalError("fuzz sqlite: cannot write \(path)") }
    // The inspector is async (it runs on a BlockingThreadPool); libFuzzer's callback is not.
    let finished = DispatchSemaphore(value: 0)
    Task.detached {
        _ = try? await SQLiteAuthBackend.inspect(path: path)
        finished.signal()
    }
    finished.wait()
    // inspect is read-only: the file must hold exactly what was written.
    guard contents(of: path) == before else { fatalError("fuzz sqlite: inspect changed the file") }
    return 0
}
