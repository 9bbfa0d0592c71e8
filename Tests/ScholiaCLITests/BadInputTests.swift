import Foundation
import Testing

@Suite struct BadInputTests {
    @Test func errorsAreAllReportedAndThePreviousOutputStays() throws {
        let site = try FixtureSite(["Content/documents/good.md": document("Good")])
        defer { site.remove() }
        #expect(try site.build().status == 0)
        let before = FixtureSite.snapshot(site.root.appendingPathComponent("Public"))

        try site.write("Content/documents/a.md", document("A", extra: "speakrs: [x]\n"))
        try site.write("Content/documents/b.md", "---\ntitle: [oops\n---\n")
        try site.write("Content/documents/c.md", document("C", date: "yesterday"))
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/documents/a.md:4:1: error: unknown key 'speakrs' in document metadata; did you mean 'speakers'?"))
        #expect(result.stderr.contains("Content/documents/b.md:3:1: error: malformed YAML"))
        #expect(result.stderr.contains("Content/documents/c.md:3:7: error: 'yesterday' is not a date"))
        #expect(result.stderr.contains("3 error(s); nothing was written"))
        #expect(FixtureSite.snapshot(site.root.appendingPathComponent("Public")) == before)
    }

    @Test func aTemplateSyntaxErrorHasItsPlace() throws {
        let site = try FixtureSite(["Content/documents/a.md": document("A")])
        defer { site.remove() }
        try site.write("Templates/list.mustache", "{{#heading}}\nunclosed\n")
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("Templates/list.mustache:"))
        #expect(result.stderr.contains("template syntax error"))
    }

    @Test func aFileTheBuildDidNotMakeStopsIt() throws {
        let site = try FixtureSite(["Content/documents/a.md": document("A")])
        defer { site.remove() }
        #expect(try site.build().status == 0)
        try site.write("Public/notes-for-myself.txt", "keep me")
        try site.write("Content/documents/b.md", document("B"))
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("Public/notes-for-myself.txt"))
        #expect(result.stderr.contains("did not make"))
        #expect(try site.read("Public/notes-for-myself.txt") == "keep me")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Public/documents/b/index.html").path))
    }

    @Test func hostileStringsAreEscapedEverywhere() throws {
        let hostile = "<script>alert(1)</script>"
        let site = try FixtureSite([
            "Content/documents/x.md": document("Title \(hostile)", extra: """
            speakers: [{id: evil, name: "Eve \(hostile)", role: "Role \(hostile)", label: EVE}]
            topics: ["Topic \(hostile)"]
            summary: "Summary \(hostile)"
            source: {publisher: "Pub \(hostile)", title: "T \(hostile)"}

            """, body: "EVE: Body \(hostile) and <img src=x onerror=alert(1)>"),
            "Content/documents/y.txt": "EVE: plain \(hostile)\n",
            "Content/documents/y.yml": "title: \"Y \(hostile)\"\ndate: 2013\nspeakers: [{id: evil, label: EVE}]\n",
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let files = FixtureSite.snapshot(site.root.appendingPathComponent("Public"))
        // BibTeX and RIS are plain text, not markup: there a title is kept as written.
        for (path, data) in files where [".html", ".xml", ".json"].contains(where: path.hasSuffix) {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.contains("<img src=x"), "\(path)")
        }
        let page = try site.read("Public/documents/x/index.html")
        #expect(page.contains("Title &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains(#"<meta name="citation_title" content="Title &lt;script&gt;alert(1)&lt;/script&gt;">"#))
        #expect(try site.read("Public/feed.xml").contains("Title &lt;script&gt;"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try CLI.run(["build", "--no-such-option"]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
        #expect(try CLI.run(["new", "document", "X", "--date", "soon"]).status == 2)
    }

    @Test func aMissingSiteIsAClearError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try CLI.run(["build", "--site", empty.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("site.yml:1:1: error: site.yml not found"))
        #expect(result.stderr.contains("no Content/ folder"))
    }
}
