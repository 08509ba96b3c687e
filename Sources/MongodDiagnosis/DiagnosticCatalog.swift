public import DoctorCore
public import Foundation

/// The known mongod problems, loaded from JSON files (`Diagnostics/*.json` plus user directories).
///
/// Directories are read in order; an entry in a later directory replaces the entry with the
/// same id from an earlier one, so user catalogs (`--catalog DIR`) override the built-in one.
public struct DiagnosticCatalog: Sendable {
    /// The entries, in file order; an overriding entry takes the place of the one it replaces.
    public private(set) var entries: [DiagnosticEntry]
    /// Ids whose built-in entry was replaced by a later directory, with the replacing file.
    public private(set) var overrides: [FindingID: String]

    /// Creates a catalog from entries (later entries with an existing id replace it).
    public init(entries: [DiagnosticEntry]) {
        self.entries = []
        self.overrides = [:]
        merge(entries)
    }

    /// Loads every `*.json` file of each directory, in order.
    ///
    /// Throws a `CatalogError` naming the file and entry for the first bad entry, for an id
    /// defined twice in one directory, and for a directory that cannot be read.
    public static func load(directories: [URL]) throws(CatalogError) -> DiagnosticCatalog {
        var catalog = DiagnosticCatalog(entries: [])
        for directory in directories {
            catalog.merge(try loadDirectory(directory))
        }
        return catalog
    }

    /// Loads one file (for tests and tools that validate a single file).
    public static func loadFile(_ file: URL) throws(CatalogError) -> [DiagnosticEntry] {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw CatalogError(file: file.path, reason: "cannot read (\(error.localizedDescription))")
        }
        return try CatalogFileDecoder(file: file.path).decode(data)
    }

    /// The entry with this id.
    public func entry(id: FindingID) -> DiagnosticEntry? {
        entries.first { $0.id == id }
    }

    private static func loadDirectory(_ directory: URL) throws(CatalogError) -> [DiagnosticEntry] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw CatalogError(file: directory.path, reason: "cannot read catalog directory (\(error.localizedDescription))")
        }
        var entries: [DiagnosticEntry] = []
        var definedIn: [FindingID: String] = [:]
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let file = directory.appendingPathComponent(name)
            for entry in try loadFile(file) {
                if let other = definedIn[entry.id] {
                    throw CatalogError(file: file.path, entry: entry.id.rawValue, reason: "id already defined in \(other)")
                }
                definedIn[entry.id] = file.path
                entries.append(entry)
            }
        }
        return entries
    }

    private mutating func merge(_ newEntries: [DiagnosticEntry]) {
        for entry in newEntries {
            if let index = entries.firstIndex(where: { $0.id == entry.id }) {
                entries[index] = entry
                overrides[entry.id] = entry.sourceFile
            } else {
                entries.append(entry)
            }
        }
    }
}
