internal import CLibMongoC

/// Stack storage for one libbson struct (`bson_t`, `bson_iter_t`), at the 128-byte alignment libbson
/// declares for both. Internal to the bridge.
///
/// `withUnsafeTemporaryAllocation` moves an allocation to the heap when its alignment is above the
/// platform's largest (16 bytes on x86-64 and arm64), so asking it for 128 would cost a
/// `posix_memalign` and a `free` per struct: several per command and reply. Instead the struct gets
/// 256 bytes of 16-aligned stack storage (a constant size, which stays on the stack) and starts at
/// the first 128-byte boundary inside it.
///
/// Ownership: the storage lives for the closure only; the pointer must not escape it, and whoever
/// initialises a `bson_t` there destroys it before the closure returns.
enum LibBSONScratch {
    /// The alignment libbson declares (`BSON_ALIGNED_BEGIN(128)`).
    static let alignment: UInt = 128

    /// Runs `body` with uninitialised storage for a `bson_t` or a `bson_iter_t`.
    static func with<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        assert(md_bson_size() <= Int(alignment) && md_iter_size() <= Int(alignment), "a libbson struct outgrew its scratch space")
        return try withUnsafeTemporaryAllocation(byteCount: 256, alignment: 16) { raw in
            let start = (UInt(bitPattern: raw.baseAddress!) + alignment - 1) & ~(alignment - 1)
            return try body(OpaquePointer(bitPattern: start)!)
        }
    }
}
