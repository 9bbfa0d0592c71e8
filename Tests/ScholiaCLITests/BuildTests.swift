import Foundation
import Testing

@Suite struct BuildTests {
    static let press = document("Joint Press Conference", extra: """
    type: press-conference
    speakers:
      - {id: john-kerry, role: Secretary of State, label: SECRETARY KERRY}
      - {id: sergey-lavrov, role: Minister of Foreign Affairs}
    topics: [syria, diplomacy]
    summary: Kerry and Lavrov on Syria.

    """, body: "QUESTION: Why now?\n\nSECRETARY KERRY: Because.\n\nFOREIGN MINISTER LAVROV: Indeed.")

    static let speech = document("A Speech on Syria", date: "2013-09-10", extra: "type: speech\nspeakers: [barack-obama]\ntopics: [syria]\n",
                                 body: "**THE PRESIDENT:** My fellow Americans.")

    @Test func buildsEveryPageWithTurnsAndMetadata() throws {
        let site = try FixtureSite(["Content/documents/press.md": Self.press, "Content/documents/obama.md": Self.speech])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        for path in ["index.html", "404.html", "feed.xml", "sitemap.xml", "documents/index.html", "documents/press/index.html",
                     "documents/press/citation.json", "documents/press/citation.bib", "documents/press/citation.ris",
                     "speakers/index.html", "speakers/john-kerry/index.html", "speakers/barack-obama/index.html", "topics/syria/index.html",
                     "years/index.html", "years/2013/index.html", "types/speech/index.html", "collections/index.html", "assets/scholia.css"] {
            #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Public/" + path).path), "\(path)")
        }
        let page = try site.read("Public/documents/press/index.html")
        #expect(page.contains(#"<div class="turn" data-speaker="question">"#))
        #expect(page.contains(#"<div class="turn" data-speaker="john-kerry">"#))
        #expect(page.contains(#"<div class="turn" data-speaker="sergey-lavrov">"#))
        #expect(page.contains(##"<p id="p2"><a class="paragraph-number" href="#p2" aria-label="Paragraph 2">2</a><a class="speaker-label" href="/speakers/john-kerry/">SECRETARY KERRY</a>: Because.</p>"##))
        #expect(page.contains(#"<meta name="citation_title" content="Joint Press Conference">"#))
        #expect(page.contains(#"<meta name="citation_author" content="Kerry, John">"#))
        #expect(page.contains(#"<meta name="citation_publication_date" content="2013/05/07">"#))
        #expect(page.contains(#"<meta name="DC.type" content="Speech">"#))
        #expect(page.contains("Secretary of State"))
        #expect(page.contains("More on This Topic"))
        #expect(page.contains(#"href="/documents/obama/""#))
        let speaker = try site.read("Public/speakers/john-kerry/index.html")
        #expect(speaker.contains("Secretary of State"))
        #expect(speaker.contains(#"href="/speakers/sergey-lavrov/""#))
        let obama = try site.read("Public/documents/obama/index.html")
        #expect(obama.contains(#"<div class="turn" data-speaker="the-president">"#), "an undeclared label naming no declared speaker is its own")
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let site = try FixtureSite(["Content/documents/press.md": Self.press, "Content/documents/obama.md": Self.speech])
        defer { site.remove() }
        #expect(try site.build(["--output", site.root.appendingPathComponent("one").path]).status == 0)
        #expect(try site.build(["--output", site.root.appendingPathComponent("two").path]).status == 0)
        let one = FixtureSite.snapshot(site.root.appendingPathComponent("one"))
        let two = FixtureSite.snapshot(site.root.appendingPathComponent("two"))
        #expect(one.count > 20)
        #expect(one == two)
    }

    /// Documents unchanged since the last build are known by their file stamps and not read; an edit that keeps
    /// the file's size and puts its old modification time back must still be seen.
    @Test func anEditThatKeepsSizeAndTimeIsStillSeen() throws {
        let site = try FixtureSite(["Content/documents/press.md": Self.press, "Content/documents/obama.md": Self.speech])
        defer { site.remove() }
        let path = site.root.appendingPathComponent("Content/documents/press.md").path
        var before = stat()
        stat(path, &before)
        // Files changed within a second of a build are read again whatever their stamp: wait, so that this one is trusted.
        Thread.sleep(forTimeInterval: 1.2)
        #expect(try site.build().status == 0)
        let edited = Self.press.replacingOccurrences(of: "Joint Press Conference", with: "Joint Press Konference")
        #expect(edited.utf8.count == Self.press.utf8.count && edited != Self.press)
        // Written in place (same inode), its old modification time put back, as a copy that keeps times would.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        utimensat(AT_FDCWD, path, &times, 0)
        #expect(try site.build().status == 0)
        #expect(try site.read("Public/documents/press/index.html").contains("Joint Press Konference"))
    }

    @Test func aSecondBuildOfAnUnchangedSiteDoesNothing() throws {
        let site = try FixtureSite(["Content/documents/press.md": Self.press])
        defer { site.remove() }
        func build() throws -> String { try CLI.run(["build", "--site", site.root.path]).stdout }
        #expect(try build().hasPrefix("Built 1 document ("))
        #expect(try build().hasPrefix("Nothing changed since the last build"))
        try site.write("Templates/list.mustache", try site.read("Templates/list.mustache") + "\n")
        #expect(try build().hasPrefix("Built"), "a template changed")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Public/speakers/index.html"))
        #expect(try build().hasPrefix("Built"), "an output file is missing")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Public/speakers/index.html").path))
        try site.write(".scholia-cache/build-key", "garbage")
        #expect(try build().hasPrefix("Built"), "a foreign cache is ignored")
        #expect(try build().hasPrefix("Nothing changed"))
        #expect(try CLI.run(["build", "--site", site.root.path, "--drafts"]).stdout.hasPrefix("Built"), "other options, other key")
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        let site = try FixtureSite(["Content/documents/press.md": Self.press, "Content/documents/obama.md": Self.speech])
        defer { site.remove() }
        #expect(try site.build().status == 0)
        func inode(_ path: String) throws -> Int {
            try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("Public/" + path).path)[.systemFileNumber] as! Int
        }
        let speech = try inode("documents/obama/index.html"), press = try inode("documents/press/index.html")
        try site.write("Content/documents/press.md", Self.press.replacingOccurrences(of: "Because.", with: "Because, then."))
        #expect(try site.build().status == 0)
        #expect(try inode("documents/obama/index.html") == speech, "same bytes: the same file")
        #expect(try inode("documents/press/index.html") != press, "new bytes: a new file")
        #expect(try site.read("Public/documents/press/index.html").contains("Because, then."))
    }

    @Test func everyInternalLinkWorksUnderASubPath() throws {
        let site = try FixtureSite([
            "site.yml": "title: Sub\nbase_url: https://example.edu/hist210/\npaginate: 1\n",
            "Content/documents/press.md": Self.press, "Content/documents/obama.md": Self.speech,
            "Content/collections/week.md": "---\ntitle: Week\ndocuments: [press, {id: obama, note: Read}]\n---\n",
        ])
        defer { site.remove() }
        #expect(try site.build().status == 0)
        let output = site.root.appendingPathComponent("Public")
        let links = LinkChecker.brokenLinks(in: output, basePath: "/hist210/")
        #expect(links.broken.isEmpty, "\(links.broken)")
        #expect(links.checked > 50)
        let page = try String(contentsOf: output.appendingPathComponent("documents/index.html"), encoding: .utf8)
        #expect(page.contains(#"href="/hist210/documents/page/2/""#))
        let feed = try String(contentsOf: output.appendingPathComponent("feed.xml"), encoding: .utf8)
        #expect(feed.contains("https://example.edu/hist210/documents/press/"))
    }

    /// A pager links the first and last pages and two either side of the current one, not every page: on a large site
    /// every page listing every page grows with the square of their count.
    @Test func thePagerLinksTheEndsAndTheNeighbours() throws {
        var files = ["site.yml": "title: Pages\nbase_url: https://example.org/\npaginate: 1\n"]
        for number in 1...12 { files["Content/documents/d\(number).md"] = document("D\(number)", date: "2001-01-\(10 + number)") }
        let site = try FixtureSite(files)
        defer { site.remove() }
        #expect(try site.build().status == 0)
        func pagerOf(_ path: String) throws -> String {
            try #require(try site.read(path).components(separatedBy: "<nav class=\"pagination\"").last?.components(separatedBy: "</nav>").first)
        }
        let pager = try pagerOf("Public/documents/page/6/index.html")
        let linked = pager.matches(of: /href="\/documents\/(page\/(\d+)\/)?"/).map { $0.output.2.map { Int($0)! } ?? 1 }
        #expect(linked == [5, 1, 4, 5, 7, 8, 12, 7], "newer, the numbers, older: \(linked)")
        #expect(pager.contains(#"<span aria-current="page">6</span>"#))
        #expect(pager.components(separatedBy: "<li class=\"gap\">…</li>").count == 3)
        let first = try pagerOf("Public/documents/index.html")
        #expect(first.matches(of: /href="\/documents\/page\/(\d+)\/"/).map { Int($0.output.1)! } == [2, 3, 12, 2])
        let links = LinkChecker.brokenLinks(in: site.root.appendingPathComponent("Public"), basePath: "/")
        #expect(links.broken.isEmpty, "\(links.broken)")
    }

    @Test func staticFilesAreCopied() throws {
        let site = try FixtureSite(["Content/documents/a.md": document("A"), "Content/static/robots.txt": "User-agent: *\n",
                                    "Content/static/img/seal.svg": "<svg/>"])
        defer { site.remove() }
        #expect(try site.build().status == 0)
        #expect(try site.read("Public/robots.txt") == "User-agent: *\n")
        #expect(try site.read("Public/img/seal.svg") == "<svg/>")
    }
}
