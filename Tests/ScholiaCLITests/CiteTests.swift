import Foundation
import Testing

@Suite struct CiteTests {
    static let files = [
        "Content/documents/press.md": document("Joint Press Conference", extra: """
        type: press-conference
        speakers: [{id: john-kerry, role: Secretary of State}, {id: sergey-lavrov}]

        """),
        "Content/documents/letter.txt": "Sir: I have just read yours.\n",
        "Content/documents/letter.yml": "title: Letter to Horace Greeley\ndate: 1862-08-22\ntype: letter\nspeakers: [{id: abraham-lincoln, as: author}, {id: horace-greeley, as: recipient}]\n",
        "Content/speakers/john-kerry.md": "---\nname: John F. Kerry\ngiven: John F.\nfamily: Kerry\n---\n",
        "Content/collections/week.md": "---\ntitle: Week\nstyle: apa\ndocuments: [letter, {id: press, note: Read it}]\n---\n",
    ]

    @Test func citesDocumentsInEachFormat() throws {
        let site = try FixtureSite(Self.files)
        defer { site.remove() }
        func cite(_ arguments: [String]) throws -> String {
            let result = try CLI.run(["cite", "--site", site.root.path] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        // The date the words were spoken follows the title; the site, in italics, is the container.
        #expect(try cite(["press", "--style", "mla"]) == "Kerry, John F., and Sergey Lavrov. “Joint Press Conference.” 7 May 2013. Fixture, https://example.org/documents/press/.\n")
        #expect(try cite(["press", "--style", "mla", "--format", "markdown"]).contains("*Fixture*"))
        // APA sets the webpage's title in italics and the site's name in roman.
        #expect(try cite(["press", "--style", "apa", "--format", "html"]).contains("<i>Joint Press Conference</i> [Press conference transcript]. Fixture."))
        let json = try cite(["press", "--format", "csl-json", "--accessed", "2027-01-15"])
        #expect(json.contains("\"accessed\": {\n      \"date-parts\": [\n        [2027, 1, 15]"))
        #expect(try cite(["letter", "--format", "bibtex"]).hasPrefix("@misc{letter,\n  author = {Lincoln, Abraham},"))
        #expect(try cite(["letter", "--format", "ris"]).hasPrefix("TY  - PCOMM\r\nAU  - Lincoln, Abraham\r\nA2  - Greeley, Horace\r\n"))
    }

    /// `cite` reads the last build's caches: an unchanged document comes from them, an edited one is read again.
    @Test func afterABuildCitesFromTheCacheAndSeesAnEdit() throws {
        let site = try FixtureSite(Self.files)
        defer { site.remove() }
        Thread.sleep(forTimeInterval: 1.2)
        #expect(try site.build().status == 0)
        let cached = try CLI.run(["cite", "--site", site.root.path, "press", "letter", "--style", "apa"])
        #expect(cached.status == 0, "\(cached.stderr)")
        #expect(cached.stdout.contains("Joint press conference") || cached.stdout.contains("Joint Press Conference"))
        try site.write("Content/documents/press.md", try site.read("Content/documents/press.md")
            .replacingOccurrences(of: "Joint Press Conference", with: "Second Press Conference"))
        let edited = try CLI.run(["cite", "--site", site.root.path, "press", "--style", "apa"])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("Second"), "the edited title, not the cached one: \(edited.stdout)")
    }

    @Test func findsADocumentByItsSlug() throws {
        var files = Self.files
        files["Content/documents/Some File Name.md"] = document("Renamed", extra: "slug: renamed\n")
        let site = try FixtureSite(files)
        defer { site.remove() }
        let result = try CLI.run(["cite", "--site", site.root.path, "renamed", "--style", "apa"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Renamed"))
        let byName = try CLI.run(["cite", "--site", site.root.path, "some-file-name", "--style", "apa"])
        #expect(byName.status == 0, "a file name that is not an id is found by its slug: \(byName.stderr)")
    }

    @Test func citesAReadingListInItsStyle() throws {
        let site = try FixtureSite(Self.files)
        defer { site.remove() }
        let result = try CLI.run(["cite", "--site", site.root.path, "--collection", "week"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("Kerry, J. F., & Lavrov, S. (2013, May 7)."), "APA, sorted by author")
        #expect(lines[1].hasPrefix("Lincoln, A. (1862, August 22)."))
        let output = site.root.appendingPathComponent("week.txt")
        #expect(try CLI.run(["cite", "--site", site.root.path, "--collection", "week", "--output", output.path]).status == 0)
        #expect(try String(contentsOf: output, encoding: .utf8) == result.stdout)
    }

    @Test func badRequestsAreClearErrors() throws {
        let site = try FixtureSite(Self.files)
        defer { site.remove() }
        let missing = try CLI.run(["cite", "--site", site.root.path, "nope"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no document with the id 'nope'"))
        let style = try CLI.run(["cite", "--site", site.root.path, "press", "--style", "no-such-style"])
        #expect(style.status == 1)
        #expect(style.stderr.contains("citation style 'no-such-style' not found; looked in"))
        #expect(style.stderr.contains("citation-style-language-styles"))
        #expect(try CLI.run(["cite", "--site", site.root.path, "press", "--format", "doc"]).status == 2)
        #expect(try CLI.run(["cite", "--site", site.root.path, "press", "--accessed", "soon"]).status == 2)
        #expect(try CLI.run(["cite", "--site", site.root.path]).status == 2)
    }

    @Test func theSiteHasACiteBoxAndCollectionBibliographies() throws {
        let site = try FixtureSite(Self.files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let page = try site.read("Public/documents/press/index.html")
        for label in ["MLA", "APA", "Chicago"] { #expect(page.contains(">\(label)</h3>")) }
        #expect(page.contains(#"<p class="cite-entry">Kerry, John F., and Sergey Lavrov. “Joint Press Conference.” 7 May 2013. <i>Fixture</i>"#))
        #expect(page.contains(#"<span class="meta">In-text citation:</span> <span class="cite-short-text">(Kerry and Lavrov)</span>"#))
        #expect(page.contains(#"<span class="meta">Note:</span>"#))
        let collection = try site.read("Public/collections/week/index.html")
        #expect(collection.contains(#"<section class="cite-style cite-first" id="bibliography-apa-scholia""#),
                "the list's own style is the one opened first and printed")
        #expect(collection.range(of: "bibliography-modern-language-association")!.lowerBound < collection.range(of: "bibliography-apa")!.lowerBound,
                "the tabs keep the site's order of styles, as on every document page")
        #expect(try site.read("Public/collections/week/bibliography.txt").hasPrefix("Kerry, J. F., & Lavrov, S. (2013, May 7)."))
        #expect(try site.read("Public/collections/week/bibliography.bib").contains("@misc{press,"))
        #expect(try site.read("Public/collections/week/bibliography.ris").contains("TY  - PCOMM"))
        #expect(try site.read("Public/collections/week/bibliography.json").hasPrefix("[\n  {\n    \"id\": \"letter\""))
    }

    @Test func aStyleThatCannotBeFoundStopsTheBuild() throws {
        var files = Self.files
        files["site.yml"] = "title: Fixture\nbase_url: https://example.org/\ncitation_styles: [mla, nonexistent-style]\n"
        let site = try FixtureSite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("site.yml:1:1: error: citation style 'nonexistent-style' not found"))
    }

    @Test func aBrokenStyleInTheThemeIsAnError() throws {
        var files = Self.files
        files["site.yml"] = "title: Fixture\nbase_url: https://example.org/\ncitation_styles: [broken]\n"
        files["Templates/styles/broken.csl"] = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\"><info><title>Broken"
        let site = try FixtureSite(files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("citation style 'broken' cannot be used"))
        #expect(result.stderr.contains("broken.csl"))
    }
}
