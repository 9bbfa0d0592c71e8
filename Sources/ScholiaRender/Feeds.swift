import Foundation
import ScholiaModel
import ScholiaLoad

/// The Atom feed of the newest documents and the sitemap of every page.
enum Feeds {
    static func atom(site: Site, routes: Routes, limit: Int = 20) -> OutputFile {
        let x: (String) -> String = HTML.escape
        let recent = site.documents.prefix(limit)
        // The feed's date is the newest document's, so that an unchanged site gives an unchanged feed.
        let updated = recent.first.map { timestamp($0.date.start) } ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(x(site.config.title))</title>
          <id>\(x(routes.absolute(Routes.home)))</id>
          <link rel="self" href="\(x(routes.absolute(Routes.feed)))"/>
          <link href="\(x(routes.absolute(Routes.home)))"/>
          <updated>\(updated)</updated>

        """
        for document in recent {
            let url = routes.absolute(Routes.document(document.id))
            xml += "  <entry>\n"
            xml += "    <title>\(x(document.title))</title>\n"
            xml += "    <id>\(x(url))</id>\n"
            xml += "    <link href=\"\(x(url))\"/>\n"
            xml += "    <updated>\(timestamp(document.date.start))</updated>\n"
            for participant in document.participants where [.speaker, .author].contains(participant.participation) {
                let name = site.speaker(participant.speakerID)?.name.display ?? participant.speakerID
                xml += "    <author><name>\(x(name))</name></author>\n"
            }
            if document.participants.isEmpty { xml += "    <author><name>\(x(site.config.publisher ?? site.config.title))</name></author>\n" }
            if let summary = document.summaryHTML {
                xml += "    <summary type=\"html\">\(x(summary))</summary>\n"
            }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: Routes.feed, data: Data(xml.utf8))
    }

    static func timestamp(_ date: PartialDate) -> String {
        "\(zeroPadded(date.year, 4))-\(zeroPadded(date.month ?? 1, 2))-\(zeroPadded(date.day ?? 1, 2))T00:00:00Z"
    }

    /// The pages the sitemap lists, in its order: what it is made from, besides the base URL.
    static func sitemapRoutes(site: Site, extraRoutes: [String]) -> [String] {
        extraRoutes + site.documents.map { Routes.document($0.id) } + site.speakers.map { Routes.speaker($0.id) }
            + site.topics.map { Routes.topic($0.id) }
    }

    static func sitemap(routes: Routes, pages: [String]) -> OutputFile {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for route in pages {
            xml += "  <url><loc>\(HTML.escape(routes.absolute(route)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: Routes.sitemap, data: Data(xml.utf8))
    }
}
