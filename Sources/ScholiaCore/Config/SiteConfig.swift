import Foundation

/// The settings in `site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String = "Primary Sources"
    /// Always ends with "/"; may carry a path ("https://example.edu/hist210/").
    public var baseURL: String = "http://localhost:8000/"
    public var language: String = "en-US"
    public var publisher: String?
    public var citationStyles: [String] = SiteConfig.defaultCitationStyles
    public var unsafeHTML: Bool = false
    /// Documents per page on `/documents/`.
    public var paginate: Int = 20

    public static let defaultCitationStyles = ["mla", "apa", "chicago"]
    static let keys = ["title", "base_url", "language", "publisher", "citation_styles", "unsafe_html", "paginate"]

    public init() {}

    /// The path part of `baseURL`: "/" or "/hist210/". Every internal link starts with it.
    public var basePath: String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        let path = url.path.hasSuffix("/") ? url.path : url.path + "/"
        return path.hasPrefix("/") ? path : "/" + path
    }

    /// Reads `site.yml`; a missing file is an error, as is any unknown key.
    static func load(from file: URL, displayPath: String, _ diagnostics: inout DiagnosticList) -> SiteConfig {
        var config = SiteConfig()
        guard let data = FileManager.default.contents(atPath: file.path) else {
            diagnostics.error("site.yml not found: a site folder needs a site.yml (run 'scholia new site DIR' to make one)",
                              at: SourceLocation(path: displayPath))
            return config
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error("site.yml is not valid UTF-8", at: SourceLocation(path: displayPath))
            return config
        }
        let source = YAMLSource(path: displayPath, text: text, lineOffset: 0)
        guard let yaml = source.parseMapping(&diagnostics, what: "site.yml") else { return config }
        yaml.checkKeys(allowed: keys, in: "site.yml", &diagnostics)
        if let title = yaml.string("title", &diagnostics) { config.title = title }
        if let base = yaml.string("base_url", &diagnostics) {
            if let url = URL(string: base), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil {
                config.baseURL = base.hasSuffix("/") ? base : base + "/"
            } else {
                diagnostics.error("base_url must be an absolute http(s) URL such as https://example.edu/hist210/, not '\(base)'",
                                  at: yaml.valueLocation("base_url"))
            }
        }
        if let language = yaml.string("language", &diagnostics) { config.language = language }
        config.publisher = yaml.string("publisher", &diagnostics)
        if yaml.has("citation_styles") {
            let styles = yaml.stringList("citation_styles", &diagnostics).map(\.0)
            if styles.isEmpty {
                diagnostics.error("citation_styles must list at least one style", at: yaml.valueLocation("citation_styles"))
            } else {
                config.citationStyles = styles
            }
        }
        if let unsafe = yaml.bool("unsafe_html", &diagnostics) { config.unsafeHTML = unsafe }
        if let paginate = yaml.int("paginate", &diagnostics) {
            if paginate > 0 { config.paginate = paginate } else {
                diagnostics.error("paginate must be at least 1", at: yaml.valueLocation("paginate"))
            }
        }
        return config
    }
}
