/// What the three kinds of stable id share: a dotted lowercase string that is API (documented in
/// the README and the catalog, never renamed silently), typed so that a finding id cannot be
/// passed where a check id is meant.
public protocol StableID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String, StringLiteralType == String
{
    /// Wraps `rawValue`.
    init(rawValue: String)
}

extension StableID {
    /// The id as written in the README and JSON.
    public var description: String { rawValue }

    /// An id from a literal; areas declare theirs as static constants.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// The part before the first dot (`tcp` for `tcp.refused`).
    public var area: Substring { rawValue.prefix { $0 != "." } }

    /// Ids sort by their text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A finding's id (`tcp.refused`, `dbpath.missing`).
public struct FindingID: StableID {
    /// The id's text.
    public let rawValue: String
    /// Wraps `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A check's id (`tcp`, `dbpath`, `mongod.log`).
public struct CheckID: StableID {
    /// The id's text.
    public let rawValue: String
    /// Wraps `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A fix's id, a verb phrase (`dbpath.create-directory`).
public struct FixID: StableID {
    /// The id's text.
    public let rawValue: String
    /// Wraps `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }
}
