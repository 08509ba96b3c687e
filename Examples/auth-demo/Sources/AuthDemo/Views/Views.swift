import Foundation
import Mustache

/// The Mustache templates and the stylesheet, loaded once at start from the package's resources.
/// Templates escape every value as HTML; no page is glued together from strings.
public struct Views: Sendable {
    let library: MustacheLibrary
    /// `static/app.css`.
    public let stylesheet: String

    /// Why the resources could not be loaded.
    public struct LoadError: Error, CustomStringConvertible {
        /// One line naming the file.
        public let description: String
    }

    /// Loads `templates/*.mustache` and `static/app.css` from the module's resource bundle.
    public static func load() async throws -> Views {
        guard let root = Bundle.module.resourceURL else { throw LoadError(description: "auth-demo: the resource bundle is missing") }
        let templates = root.appendingPathComponent("templates").path
        let library: MustacheLibrary
        do { library = try await MustacheLibrary(directory: templates) } catch {
            throw LoadError(description: "auth-demo: a template in \(templates) does not parse: \(error)")
        }
        for name in ["layout", "login", "signup", "dashboard", "message"] where library.getTemplate(named: name) == nil {
            throw LoadError(description: "auth-demo: the template \(templates)/\(name).mustache is missing")
        }
        let css = root.appendingPathComponent("static/app.css")
        guard let stylesheet = try? String(contentsOf: css, encoding: .utf8) else { throw LoadError(description: "auth-demo: cannot read \(css.path)") }
        return Views(library: library, stylesheet: stylesheet)
    }

    /// The login form.
    public func login(_ page: CredentialsPage) -> String { render(page, "login") }
    /// The sign-up form.
    public func signup(_ page: CredentialsPage) -> String { render(page, "signup") }
    /// The dashboard.
    public func dashboard(_ page: DashboardPage) -> String { render(page, "dashboard") }
    /// A message page.
    public func message(_ page: MessagePage) -> String { render(page, "message") }

    private func render(_ page: Any, _ name: String) -> String {
        library.render(page, withTemplate: name) ?? ""
    }
}
