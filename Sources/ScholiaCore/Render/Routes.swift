/// Every URL of the site is made here. A route is relative to `base_url` ("documents/kerry/"); links add
/// the base path ("/hist210/documents/kerry/"), so that a site works under a sub-path.
public struct Routes: Sendable {
    public let basePath: String
    public let baseURL: String

    public init(config: SiteConfig) {
        basePath = config.basePath
        baseURL = config.baseURL
    }

    public static let home = ""
    public static func documents(page: Int = 1) -> String { page <= 1 ? "documents/" : "documents/page/\(page)/" }
    public static func document(_ id: String) -> String { "documents/\(id)/" }
    public static func citation(_ id: String, _ format: String) -> String { "documents/\(id)/citation.\(format)" }
    public static func annotations(_ id: String) -> String { "documents/\(id)/annotations.jsonld" }
    public static let speakers = "speakers/"
    public static func speaker(_ id: String) -> String { "speakers/\(id)/" }
    public static let topics = "topics/"
    public static func topic(_ id: String) -> String { "topics/\(id)/" }
    public static let years = "years/"
    /// `years/2013/`; a year before 1 CE as readers write it, so the ISO year -43 is `years/44-bce/`.
    public static func year(_ year: Int) -> String { year > 0 ? "years/\(year)/" : "years/\(1 - year)-bce/" }
    public static let types = "types/"
    public static func type(_ type: String) -> String { "types/\(type)/" }
    public static let collections = "collections/"
    public static func collection(_ id: String) -> String { "collections/\(id)/" }
    public static func asset(_ name: String) -> String { "assets/\(name)" }
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let notFound = "404.html"

    /// The link to put in `href`: the base path and the route.
    public func link(_ route: String) -> String { basePath + route }

    /// The absolute public URL, for feeds, sitemaps, canonical links and citations.
    public func absolute(_ route: String) -> String { baseURL + route }

    /// The file a route is written to: folders get an `index.html`.
    public static func outputPath(_ route: String) -> String {
        route.isEmpty || route.hasSuffix("/") ? route + "index.html" : route
    }
}
