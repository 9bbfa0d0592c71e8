import Foundation

/// The settings in `site.yml`.
package struct SiteConfig: Sendable, Hashable {
    package var title: String = "Primary Sources"
    /// Always ends with "/"; may carry a path ("https://example.edu/hist210/").
    package var baseURL: String = "http://localhost:8000/"
    package var language: String = "en-US"
    package var publisher: String?
    package var citationStyles: [String] = SiteConfig.defaultCitationStyles
    package var unsafeHTML: Bool = false
    /// Documents per page on `/documents/`.
    package var paginate: Int = 20

    static let defaultCitationStyles = ["mla", "apa", "chicago"]
    package static let keys = ["title", "base_url", "language", "publisher", "citation_styles", "unsafe_html", "paginate"]

    package init() {}

    /// The path part of `baseURL`: "/" or "/hist210/". Every internal link starts with it.
    package var basePath: String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        let path = url.path.hasSuffix("/") ? url.path : url.path + "/"
        return path.hasPrefix("/") ? path : "/" + path
    }
}
