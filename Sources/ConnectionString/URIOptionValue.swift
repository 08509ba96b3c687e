/// The typed value of one connection-string option after parsing and validation.
public enum URIOptionValue: Sendable, Equatable {
    /// A string option, e.g. `replicaSet`, `authSource`, or `w=majority`.
    case string(String)
    /// An integer option, e.g. `serverSelectionTimeoutMS` or `w=2`.
    case int(Int)
    /// A boolean option, e.g. `tls` or `retryWrites`.
    case bool(Bool)
    /// A list of strings, e.g. `compressors=snappy,zlib`.
    case strings([String])
    /// A list of tag sets, one per `readPreferenceTags` occurrence.
    case tags([[String: String]])
    /// Key/value pairs, e.g. `authMechanismProperties=SERVICE_NAME:mongodb`.
    case document([String: String])
}

extension URIOptionValue {
    /// The value when it is a boolean.
    public var boolValue: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    /// The value when it is an integer.
    public var intValue: Int? {
        if case let .int(value) = self { return value }
        return nil
    }

    /// The value when it is a string.
    public var stringValue: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    /// The value when it is a list of strings (`compressors`).
    public var stringsValue: [String]? {
        if case let .strings(value) = self { return value }
        return nil
    }

    /// The value when it is a list of tag sets (`readPreferenceTags`).
    public var tagsValue: [[String: String]]? {
        if case let .tags(value) = self { return value }
        return nil
    }

    /// The value when it is a set of key/value pairs (`authMechanismProperties`).
    public var documentValue: [String: String]? {
        if case let .document(value) = self { return value }
        return nil
    }
}
