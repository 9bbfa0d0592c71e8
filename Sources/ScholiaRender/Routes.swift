import ScholiaModel
import ScholiaLoad

/// Every URL of the site is made here. A route is relative to `base_url` ("documents/kerry/"); links add
/// the base path ("/hist210/documents/kerry/"), so that a site works under a sub-path.
package struct Routes: Sendable {
    package let basePath: String
    package let baseURL: String

    package init(config: SiteConfig) {
        basePath = config.basePath
        baseURL = config.baseURL
    }

    static let home = ""
    package static func documents(page: Int = 1) -> String { page <= 1 ? "documents/" : "documents/page/\(page)/" }
    package static func document(_ id: String) -> String { "documents/\(id)/" }
    package static func citation(_ id: String, _ format: String) -> String { "documents/\(id)/citation.\(format)" }
    package static func annotations(_ id: String) -> String { "documents/\(id)/annotations.jsonld" }
    package static let speakers = "speakers/"
    package static func speaker(_ id: String) -> String { "speakers/\(id)/" }
    package static let topics = "topics/"
    package static func topic(_ id: String) -> String { "topics/\(id)/" }
    package static let years = "years/"
    /// `years/2013/`; a year before 1 CE as readers write it, so the ISO year -43 is `years/44-bce/`.
    package static func year(_ year: Int) -> String { year > 0 ? "years/\(year)/" : "years/\(1 - year)-bce/" }
    static let types = "types/"
    package static func type(_ type: String) -> String { "types/\(type)/" }
    package static let collections = "collections/"
    package static func collection(_ id: String) -> String { "collections/\(id)/" }
    static func asset(_ name: String) -> String { "assets/\(name)" }
    package static let feed = "feed.xml"
    static let sitemap = "sitemap.xml"
    package static let notFound = "404.html"

    /// The link to put in `href`: the base path and the route.
    package func link(_ route: String) -> String { basePath + route }

    /// The absolute public URL, for feeds, sitemaps, canonical links and citations.
    package func absolute(_ route: String) -> String { baseURL + route }

    /// The file a route is written to: folders get an `index.html`.
    package static func outputPath(_ route: String) -> String {
        route.isEmpty || route.hasSuffix("/") ? route + "index.html" : route
    }
}
