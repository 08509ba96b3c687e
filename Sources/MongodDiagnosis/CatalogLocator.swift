public import Foundation

/// Finds the catalog directories to load.
///
/// The built-in `Diagnostics/` folder is searched in this order: `$MONGO_DOCTOR_CATALOG`;
/// a `Diagnostics` folder next to the executable, or `../share/mongo-doctor/Diagnostics`
/// relative to it; a `Diagnostics/` holding `mongod-startup.json` found walking up from the
/// executable's directory; finally the source tree this file was compiled from. The working
/// directory is deliberately not searched. A `--catalog DIR` is loaded after it, so its entries win.
public struct CatalogLocator: Sendable {
    /// The environment variable naming the built-in catalog directory.
    public static let environmentVariable = "MONGO_DOCTOR_CATALOG"
    /// The file whose presence marks a complete catalog directory.
    public static let markerFile = "mongod-startup.json"

    /// Environment variables to read.
    public var environment: [String: String]
    /// The running executable, when known.
    public var executable: URL?
    /// A file of this module's source tree (`#filePath`).
    public var sourceFile: String

    /// Creates a locator; defaults describe the running process.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL,
        sourceFile: String = #filePath
    ) {
        self.environment = environment
        self.executable = executable
        self.sourceFile = sourceFile
    }

    /// The directories to load, built-in first, then `userCatalog` (from `--catalog`).
    ///
    /// When no built-in catalog is found, `userCatalog` alone is used; with neither, it throws.
    public func directories(userCatalog: URL? = nil) throws(MongodDiagnosisError) -> [URL] {
        if let userCatalog, !Self.isDirectory(userCatalog) {
            throw .catalogDirectoryMissing(userCatalog.path)
        }
        do {
            let builtIn = try builtInDirectory()
            return [builtIn] + (userCatalog.map { [$0] } ?? [])
        } catch {
            guard let userCatalog, case .catalogNotFound = error else { throw error }
            return [userCatalog]
        }
    }

    /// The built-in catalog directory.
    public func builtInDirectory() throws(MongodDiagnosisError) -> URL {
        if let path = environment[Self.environmentVariable], !path.isEmpty {
            let url = URL(fileURLWithPath: path)
            guard Self.isDirectory(url) else { throw .catalogDirectoryMissing(path) }
            return url
        }
        let tried = candidates()
        if let found = tried.first(where: Self.isCatalog) { return found }
        throw .catalogNotFound(tried: tried.map(\.path))
    }

    /// Every place looked at after the environment variable, in order.
    func candidates() -> [URL] {
        var list: [URL] = []
        let executableDirectories = [executable, executable?.resolvingSymlinksInPath()]
            .compactMap { $0?.deletingLastPathComponent() }
        for directory in executableDirectories {
            list.append(directory.appendingPathComponent("Diagnostics"))
            list.append(directory.appendingPathComponent("../share/mongo-doctor/Diagnostics").standardizedFileURL)
        }
        // Only the executable's own tree is walked (a development build finds the repository's catalog);
        // never the working directory's, where anyone could plant a Diagnostics/ folder.
        for start in executableDirectories {
            list += Self.ancestors(of: start).map { $0.appendingPathComponent("Diagnostics") }
        }
        let sourceRoot = URL(fileURLWithPath: sourceFile)
            .deletingLastPathComponent()  // MongodDiagnosis/
            .deletingLastPathComponent()  // Sources/
            .deletingLastPathComponent()  // package root
        list.append(sourceRoot.appendingPathComponent("Diagnostics"))
        var seen: Set<String> = []
        return list.filter { seen.insert($0.path).inserted }
    }

    private static func ancestors(of directory: URL) -> [URL] {
        var result: [URL] = []
        var current = directory.standardizedFileURL
        while true {
            result.append(current)
            let parent = current.deletingLastPathComponent().standardizedFileURL
            if parent.path == current.path || result.count > 64 { return result }
            current = parent
        }
    }

    private static func isCatalog(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(markerFile).path)
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
