import Foundation
import Testing

/// `scholia search` end to end, and the index `scholia build` writes.
@Suite struct SearchCommandTests {
    static let files = [
        "Content/documents/press.md": document("Joint Press Conference", extra: """
        type: press-conference
        speakers: [{id: john-kerry, labels: [SECRETARY KERRY]}]
        topics: [syria]

        """, body: "SECRETARY KERRY: We spoke about the Geneva communiqué.\n\nQUESTION: And chemical weapons?\n\nSECRETARY KERRY: Chemical weapons are a red line."),
        "Content/documents/letter.txt": "Sir: I have just read yours.\n\nMy paramount object in this struggle is to save the Union.\n",
        "Content/documents/letter.yml": "title: Letter to Horace Greeley\ndate: 1862-08-22\ntype: letter\nspeakers: [{id: abraham-lincoln, as: author}]\n",
        "Content/documents/empty.md": document("A Title Without Text", date: "1950", body: ""),
        "Content/speakers/john-kerry.md": "---\nname: John F. Kerry\n---\n",
    ]

    func search(_ site: FixtureSite, _ arguments: [String]) throws -> CLI.Result {
        try CLI.run(["search", "--site", site.root.path] + arguments)
    }

    @Test func printsParagraphHitsWithSpeakerAndPinpoint() throws {
        let site = try FixtureSite(Self.files)
        defer { site.remove() }
        let result = try search(site, ["chemical weapons"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
        press ¶2  QUESTION: And chemical weapons?
        press ¶3  John F. Kerry: Chemical weapons are a red line.
        1 document

        """)
        #expect(try search(site, ["communique"]).stdout.hasPrefix("press ¶1  John F. Kerry: We spoke about the Geneva communiqué."))
        #expect(try search(site, ["paramount", "--year", "1800-1899"]).stdout.hasPrefix("letter ¶2  My paramount object"))
        #expect(try search(site, ["paramount", "--year", "1900"]).stdout == "No results.\n")
        #expect(try search(site, ["weapons", "--speaker", "abraham-lincoln"]).stdout == "No results.\n")
    }

    @Test func jsonHasHitsSnippetsAndFacets() throws {
        let site = try FixtureSite(Self.files)
        defer { site.remove() }
        let result = try search(site, ["\"chemical weapons\"", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["count"] as? Int == 1)
        let hit = try #require((json["hits"] as? [[String: Any]])?.first)
        #expect(hit["id"] as? String == "press")
        let paragraphs = try #require(hit["paragraphs"] as? [[String: Any]])
        // Equal scores: the earlier paragraph first.
        #expect(paragraphs.map { $0["number"] as? Int } == [2, 3])
        #expect(paragraphs[1]["matches"] as? [String] == ["Chemical", "weapons"])
        let facets = try #require(json["facets"] as? [String: [[String: Any]]])
        #expect(facets["topic"]?.first?["id"] as? String == "syria")
    }

    @Test func badInputGivesMessagesNotCrashes() throws {
        let site = try FixtureSite(Self.files)
        defer { site.remove() }
        let cases: [(String, String)] = [
            ("the of", "Only very common words were typed (the, of); they are not indexed. Add a more distinctive word.\n"),
            ("-", "The query has no words to search for.\n"),
            ("\"unbalanced quote", "No results.\n"),
            (".*[a-z]+(", "No results.\n"),
            ("مرحبا بالعالم", "No results.\n"),
            ("中华人民共和国", "No results.\n"),
            (String(repeating: "weapons ", count: 1300), "press ¶2  QUESTION: And chemical weapons?\npress ¶3  John F. Kerry: Chemical weapons are a red line.\n1 document\n"),
        ]
        for (query, expected) in cases {
            let result = try search(site, ["--", query])
            #expect(result.status == 0, "\(query.prefix(40)): \(result.stderr)")
            #expect(result.stdout == expected, "\(query.prefix(40))")
        }
        // The document without paragraphs is found by its title.
        #expect(try search(site, ["without"]).stdout.hasPrefix("empty  title: A Title Without Text"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let site = try FixtureSite(Self.files)
        defer { site.remove() }
        for arguments in [["x", "--year", "sixties"], ["x", "--format", "xml"], ["x", "--sort", "random"], ["x", "--limit", "0"]] {
            let result = try search(site, arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("--"), "\(arguments)")
        }
    }

    @Test func aBrokenSiteReportsItsErrors() throws {
        let site = try FixtureSite(["Content/documents/bad.md": "---\ntitle: No date\n---\n\nText.\n"])
        defer { site.remove() }
        let result = try search(site, ["text"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/documents/bad.md:"))
    }

    @Test func theBuildWritesTheIndexTheSearchReads() throws {
        let site = try FixtureSite(Self.files)
        defer { site.remove() }
        #expect(try site.build().status == 0)
        let output = site.root.appendingPathComponent("Public/search")
        let index = try String(contentsOf: output.appendingPathComponent("index.json"), encoding: .utf8)
        #expect(index.hasPrefix("{\"format\":2,\"language\":\"en-US\",\"shards\":1,\"pairShards\":1,\"documents\":3,"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("words/che.json").path))
        #expect(try String(contentsOf: output.appendingPathComponent("docs/0.json"), encoding: .utf8).hasPrefix("{\"id\":\"press\""))
        // Every page has the search box in its header.
        let home = try String(contentsOf: site.root.appendingPathComponent("Public/index.html"), encoding: .utf8)
        #expect(home.contains("<form class=\"site-search\" role=\"search\" action=\"/search/\" method=\"get\">"))
    }
}
