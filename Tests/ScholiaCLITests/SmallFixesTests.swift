import Foundation
import Testing

/// The smaller problems of issue 11, item 8 (and the years of item 9, end to end).
@Suite struct SmallFixesTests {
    @Test func aNULByteInATextFileIsAnErrorWithItsPlace() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        try site.write("Content/documents/binary.txt", "First line.\nSecond\u{0} line.\n")
        try site.write("Content/documents/binary.yml", "title: Binary\ndate: 2000-01-01\n")
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/documents/binary.txt:2:7: error: the file holds a NUL byte"), "\(result.stderr)")
    }

    @Test func aDocumentListedTwiceInAReadingListIsAnError() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        try site.write("Content/collections/week.md", "---\ntitle: Week\ndocuments:\n  - doc-1\n  - doc-3\n  - doc-1\n---\n")
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/collections/week.md:6:5: error: 'doc-1' is listed twice in this reading list (first on line 4)"), "\(result.stderr)")
    }

    @Test func aFamilyNameWithAndIsOneBibTeXAuthor() throws {
        let site = try FixtureSite([
            "Content/documents/report.md": document("Report", extra: "speakers: [{id: smith-jones, as: author}]\n"),
            "Content/speakers/smith-jones.md": "---\nname: Smith and Jones\nfamily: Smith and Jones\n---\n",
        ])
        defer { site.remove() }
        #expect(try site.build().status == 0)
        let bibtex = try site.read("Public/documents/report/citation.bib")
        #expect(bibtex.contains("author = {{Smith and Jones}}"), "\(bibtex)")
    }

    @Test func aMissingSiteFolderIsAUsageError() throws {
        let result = try CLI.run(["build", "--site", "/nonexistent-\(UUID().uuidString)"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no such folder"), "\(result.stderr)")
    }

    @Test func aNegativeParagraphIsReadAsANumber() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        let result = try CLI.run(["cite", "doc-1", "--paragraph", "-1", "--site", site.root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--paragraph counts from 1"), "\(result.stderr)")
    }

    @Test func escapeSequencesInFileNamesAreNotSentToTheTerminal() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        try site.write("Content/documents/evil\u{1B}]0;owned\u{07}.md", "no front matter\n")
        let result = try site.build()
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"))
        #expect(result.stderr.contains("evil\\u{1B}]0;owned\\u{7}.md"), "\(result.stderr)")
    }

    @Test func aDateBeforeYearOneIsPrintedWithItsEra() throws {
        let site = try FixtureSite(["Content/documents/caesar.md": document("The Ides of March", date: "-0043-03-15")])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let page = try site.read("Public/documents/caesar/index.html")
        #expect(page.contains("March 15, 44 BCE"))
        #expect(page.contains("<meta name=\"citation_date\" content=\"-0043/03/15\">"), "\(page)")
        #expect(try site.read("Public/documents/caesar/citation.json").contains("-44"))
    }
}
