/// The bounds that keep reading a log cheap whatever its size. Documented in the README.
public struct LogReadLimits: Sendable, Equatable {
    /// Bytes read per block, backwards and forwards (1 MiB).
    public var blockSize: Int
    /// The most of a file's end searched for the last startup; with no startup there, only this
    /// much of the end is analysed (64 MiB).
    public var scanLimit: Int64
    /// How far before the last startup a Build Info line of an earlier one is looked for (4 MiB).
    public var versionLookback: Int64
    /// Lines longer than this are cut to it (1 MiB); mongod truncates its own lines far sooner.
    public var maxLineBytes: Int
    /// Lines that matter kept from the start of the last startup (2,000), …
    public var headEvents: Int
    /// … error, fatal and startup lines kept beyond those (500), …
    public var pinnedEvents: Int
    /// … and the latest lines that matter (2,000).
    public var tailEvents: Int
    /// The most bytes of line text each of those three groups keeps (2 MiB).
    public var groupBytes: Int

    /// Creates limits.
    public init(
        blockSize: Int = 1 << 20, scanLimit: Int64 = 64 << 20, versionLookback: Int64 = 4 << 20,
        maxLineBytes: Int = 1 << 20, headEvents: Int = 2000, pinnedEvents: Int = 500, tailEvents: Int = 2000,
        groupBytes: Int = 2 << 20
    ) {
        self.blockSize = blockSize
        self.scanLimit = scanLimit
        self.versionLookback = versionLookback
        self.maxLineBytes = maxLineBytes
        self.headEvents = headEvents
        self.pinnedEvents = pinnedEvents
        self.tailEvents = tailEvents
        self.groupBytes = groupBytes
    }

    /// The limits mongo-doctor uses.
    public static let standard = LogReadLimits()
}
