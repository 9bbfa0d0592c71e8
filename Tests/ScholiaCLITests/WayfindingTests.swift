import Foundation
import Testing

/// Breadcrumbs, earlier and later documents, the types index, the favicon, Open Graph and JSON-LD; dates,
/// tags and questions as a reader sees them.
@Suite struct WayfindingTests {
    static let files: [String: String] = [
        "Content/documents/press.md": document("Joint Press Conference", extra: """
        type: press-conference
        speakers:
          - {id: john-kerry, role: Secretary of State, label: SECRETARY KERRY}
        topics: [syria]
        summary: Kerry on Syria.

        """, body: "QUESTION: Why now?\n\nSECRETARY KERRY: Because."),
        "Content/documents/older.md": document("An Older Speech", date: "1999-01-02", extra: "type: speech\nspeakers: [john-kerry]\n"),
        "Content/documents/newer.md": document("A Newer Letter", date: "2020-03-04", extra: "type: letter\nspeakers: [john-kerry]\n"),
        "Content/speakers/john-kerry.md": """
        ---
        name: John Kerry
        born: 1943-12-11
        roles:
          - {title: Secretary of State, from: 2013-02-01, to: 2017-01-20}
          - {title: Senator, from: 1985, to: about 2013}
        ---

        """,
        "Content/topics/syria.md": "---\ntitle: The Syrian War\n---\n",
    ]

    static func build(_ files: [String: String] = files) throws -> FixtureSite {
        let site = try FixtureSite(files)
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        return site
    }

    @Test func documentPagesHaveBreadcrumbsAndTheirNeighboursInTime() throws {
        let site = try Self.build()
        defer { site.remove() }
        let press = try site.read("Public/documents/press/index.html")
        #expect(press.contains(#"<nav class="breadcrumbs" aria-label="Breadcrumb">"#))
        #expect(press.contains(#"<ol><li><a href="/documents/">Documents</a></li><li><a href="/types/press-conference/">Press conferences</a></li>"#
            + #"<li><a href="/documents/press/" aria-current="page">Joint Press Conference</a></li></ol>"#))
        #expect(press.contains(#"<a href="/documents/older/" rel="prev"><span class="pager-label">← Earlier:</span> An Older Speech</a>"#))
        #expect(press.contains(#"<a href="/documents/newer/" rel="next"><span class="pager-label">Later:</span> A Newer Letter →</a>"#))
        let oldest = try site.read("Public/documents/older/index.html")
        #expect(!oldest.contains(#"rel="prev""#))
        #expect(oldest.contains(#"<a href="/documents/press/" rel="next">"#))
        #expect(oldest.contains(#"<a href="/types/speech/">Speeches</a>"#))
        let newest = try site.read("Public/documents/newer/index.html")
        #expect(newest.contains(#"<a href="/documents/press/" rel="prev">"#) && !newest.contains(#"rel="next""#))
        // A lone document has no neighbours and no pager.
        let lone = try Self.build(["Content/documents/press.md": Self.files["Content/documents/press.md"]!])
        defer { lone.remove() }
        #expect(try !lone.read("Public/documents/press/index.html").contains("document-pager"))
    }

    @Test func theTypesIndexListsEveryTypeWithItsCount() throws {
        let site = try Self.build(Self.files.merging(["Content/documents/another.md": document("Another", date: "2001-01-01", extra: "type: speech\n")]) { $1 })
        defer { site.remove() }
        let types = try site.read("Public/types/index.html")
        #expect(types.contains("<h1>Document types</h1>"))
        #expect(types.contains(#"<li><a href="/types/letter/">Letters</a> <span class="count">(1)</span></li>"#))
        #expect(types.contains(#"<li><a href="/types/press-conference/">Press conferences</a> <span class="count">(1)</span></li>"#))
        #expect(types.contains(#"<li><a href="/types/speech/">Speeches</a> <span class="count">(2)</span></li>"#))
        #expect(try site.read("Public/sitemap.xml").contains("<loc>https://example.org/types/</loc>"))
        #expect(try site.read("Public/index.html").contains(#"<a href="/types/">All types →</a>"#))
    }

    @Test func everyPageLinksTheFaviconAndTheRootHasFaviconICO() throws {
        let site = try Self.build()
        defer { site.remove() }
        for page in ["index.html", "documents/press/index.html", "speakers/john-kerry/index.html", "types/index.html", "404.html"] {
            #expect(try site.read("Public/" + page).contains(#"<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">"#), "\(page)")
        }
        let ico = try Data(contentsOf: site.root.appendingPathComponent("Public/favicon.ico"))
        #expect(Array(ico.prefix(6)) == [0, 0, 1, 0, 1, 0], "an ICO with one image")
        #expect(ico.count == 6 + 16 + 40 + 16 * 16 * 4 + 16 * 4)
        // The site's own favicon.ico is copied in its place.
        var files = Self.files
        files["Content/static/favicon.ico"] = "mine"
        let own = try Self.build(files)
        defer { own.remove() }
        #expect(try own.read("Public/favicon.ico") == "mine")
    }

    @Test func openGraphTagsAndJSONLDDescribeTheDocument() throws {
        let site = try Self.build()
        defer { site.remove() }
        let press = try site.read("Public/documents/press/index.html")
        for tag in [#"<meta property="og:title" content="Joint Press Conference">"#, #"<meta property="og:type" content="article">"#,
                    #"<meta property="og:url" content="https://example.org/documents/press/">"#,
                    #"<meta property="og:description" content="Kerry on Syria.">"#, #"<meta property="og:site_name" content="Fixture">"#,
                    #"<meta name="citation_title" content="Joint Press Conference">"#] {
            #expect(press.contains(tag), "\(tag)")
        }
        #expect(try site.read("Public/index.html").contains(#"<meta property="og:type" content="website">"#))
        let json = try Self.jsonLD(press)
        #expect(json["@context"] as? String == "https://schema.org")
        #expect(json["@type"] as? String == "Conversation")
        #expect(json["name"] as? String == "Joint Press Conference")
        #expect(json["genre"] as? String == "Press conference")
        #expect(json["dateCreated"] as? String == "2013-05-07")
        #expect(json["url"] as? String == "https://example.org/documents/press/")
        let author = (json["author"] as? [[String: Any]])?.first
        #expect(author?["@type"] as? String == "Person")
        #expect(author?["name"] as? String == "John Kerry")
        #expect((json["about"] as? [[String: Any]])?.first?["name"] as? String == "The Syrian War")
        #expect(try Self.jsonLD(try site.read("Public/documents/newer/index.html"))["@type"] as? String == "Message")
        #expect(try Self.jsonLD(try site.read("Public/documents/older/index.html"))["@type"] as? String == "CreativeWork")
    }

    @Test func aTitleCannotBreakOutOfTheJSONLDScript() throws {
        let title = #"Hello </script><script>alert(1)</script> & <!-- \"quoted\""#
        let site = try Self.build(["Content/documents/evil.md": "---\ntitle: '\(title)'\ndate: 2013-05-07\n---\n\nText.\n"])
        defer { site.remove() }
        let page = try site.read("Public/documents/evil/index.html")
        #expect(!page.contains("<script>alert(1)"))
        #expect(!page.contains("<!-- "), "no comment opened either")
        #expect(page.components(separatedBy: "</script>").count - 1 == page.components(separatedBy: "<script").count - 1)
        #expect(try Self.jsonLD(page)["name"] as? String == title, "the title itself survives")
    }

    @Test func readersSeeHumanDatesTopicTitlesAndQuestionsNumberedFromOne() throws {
        var files = Self.files
        files["Content/documents/press.md"] = document("Joint Press Conference", extra: """
        type: press-conference
        topics: [syria]
        annotations:
          - {quote: Why now, note: A note., tags: [syria, us-policy, U.S. policy]}
          - {quote: Because, kind: question, note: First question?}
          - {quote: It is time, kind: question, note: Second question?}

        """, body: "QUESTION: Why now?\n\nSECRETARY KERRY: Because. It is time.")
        files["Content/collections/week-1.md"] = "---\ntitle: Week 1\ndocuments: [press]\n---\n"
        let site = try Self.build(files)
        defer { site.remove() }
        let speaker = try site.read("Public/speakers/john-kerry/index.html")
        #expect(speaker.contains("Born December 11, 1943"))
        #expect(speaker.contains("Secretary of State <span class=\"meta\">(February 1, 2013–January 20, 2017)</span>"))
        #expect(speaker.contains("Senator <span class=\"meta\">(1985–about 2013)</span>"), "what is not a date stays as written")
        let press = try site.read("Public/documents/press/index.html")
        #expect(press.contains(#"<p class="note-meta"><a href="/topics/syria/">The Syrian War</a>, Us Policy, U.S. policy</p>"#))
        let questions = try #require(press.range(of: #"<section class="questions""#)).upperBound
        let section = String(press[questions..<(try #require(press[questions...].range(of: "</section>")).lowerBound)])
        #expect(section.contains("<ol>\n      <li>"), "\(section)")
        #expect(!section.contains("value="))
        let reading = try site.read("Public/collections/week-1/index.html")
        #expect(reading.contains("<ol><li>"), "the reading list's questions are numbered too")
    }

    /// The page's JSON-LD block, parsed.
    static func jsonLD(_ page: String) throws -> [String: Any] {
        let start = try #require(page.range(of: #"<script type="application/ld+json">"#)).upperBound
        let end = try #require(page[start...].range(of: "</script>")).lowerBound
        return try #require(try JSONSerialization.jsonObject(with: Data(page[start..<end].utf8)) as? [String: Any])
    }
}
