import Foundation
import Testing

/// Years before 1 CE (ISO `-0043` is 44 BCE) in year pages, year lists, search filters and the BibTeX and RIS
/// downloads, end to end.
@Suite struct BCEYearTests {
    static func site() throws -> FixtureSite {
        try FixtureSite([
            "Content/documents/caesar.md": document("The Ides of March", date: "-0043-03-15", body: "Beware the ides of March."),
            "Content/documents/first.md": document("A Letter of 1 CE", date: "0001"),
            "Content/documents/augustus.md": document("Res Gestae", date: "0014-08"),
            "Content/documents/kerry.md": document("Press Conference", date: "2013-05-07"),
        ])
    }

    @Test func aYearBeforeOneCEHasItsOwnPageNamedWithItsEra() throws {
        let site = try Self.site()
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let page = try site.read("Public/years/44-bce/index.html")
        #expect(page.contains("Documents from 44 BCE"))
        #expect(page.contains("The Ides of March"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Public/years/-43").path))
        #expect(try site.read("Public/sitemap.xml").contains("https://example.org/years/44-bce/"))

        // Newest first, so 44 BCE comes after 1 CE; every list names it "44 BCE" and links its page.
        for path in ["Public/years/index.html", "Public/index.html", "Public/search/index.html"] {
            let list = try site.read(path)
            #expect(list.contains("<a href=\"/years/44-bce/\">44 BCE</a>"), "\(path)")
            #expect(!list.contains("-43"), "\(path)")
            let order = ["/years/2013/", "/years/14/", "/years/1/", "/years/44-bce/"].map { list.range(of: "\"\($0)\"")?.lowerBound }
            #expect(!order.contains(nil) && order.map { $0! } == order.map { $0! }.sorted(), "\(path)")
        }
    }

    @Test func bibTeXAndRISGiveTheEraTheWayBibLaTeXAndRISExpect() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try site.build().status == 0)
        // BibLaTeX reads `date` as ISO 8601 / EDTF (1 BCE is year 0); classic styles print `year` as written.
        let bibtex = try site.read("Public/documents/caesar/citation.bib")
        #expect(bibtex.contains("date = {-0043-03-15}"), "\(bibtex)")
        #expect(bibtex.contains("year = {44 BCE}"), "\(bibtex)")
        let augustus = try site.read("Public/documents/augustus/citation.bib")
        #expect(augustus.contains("date = {0014-08}") && augustus.contains("year = {14}"), "\(augustus)")
        // RIS: four unsigned digits, the era as the date's "other info".
        let ris = try site.read("Public/documents/caesar/citation.ris").components(separatedBy: "\r\n")
        #expect(ris.contains("PY  - 0044///BCE"), "\(ris)")
        #expect(ris.contains("DA  - 0044/03/15/BCE"), "\(ris)")
        let modern = try site.read("Public/documents/kerry/citation.ris").components(separatedBy: "\r\n")
        #expect(modern.contains("PY  - 2013") && modern.contains("DA  - 2013/05/07/"), "\(modern)")
    }

    @Test func searchFiltersByAYearBeforeOneCE() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try site.build().status == 0)
        for year in ["44 BCE", "44-bce", "-43", "100 BCE-1"] {
            // `--year=-43`: written apart, ArgumentParser would read "-43" as an option.
            let result = try CLI.run(["search", "ides", "--year=\(year)", "--site", site.root.path, "--format", "json"])
            #expect(result.status == 0, "\(year): \(result.stderr)")
            #expect(result.stdout.contains("\"caesar\""), "\(year): \(result.stdout)")
            #expect(result.stdout.contains("\"label\" : \"51 BCE–42 BCE\""), "\(year): \(result.stdout)")
        }
        let later = try CLI.run(["search", "ides", "--year", "1-2013", "--site", site.root.path, "--format", "json"])
        #expect(!later.stdout.contains("\"caesar\""), "\(later.stdout)")
    }
}
