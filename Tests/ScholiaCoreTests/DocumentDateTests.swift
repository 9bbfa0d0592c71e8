import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaCore

@Suite struct DocumentDateTests {
    @Test(arguments: [
        ("2013-05-07", "May 7, 2013"), ("2013-05", "May 2013"), ("2013", "2013"),
        ("1945-02-04/1945-02-11", "February 4–11, 1945"), ("1945-02-28/1945-03-02", "February 28 – March 2, 1945"),
        ("1944-12-30/1945-01-02", "December 30, 1944–January 2, 1945"),
    ])
    func displays(_ text: String, _ expected: String) throws {
        let date = try #require(DocumentDate(text))
        #expect(date.display == expected)
        #expect(date.iso == text)
    }

    @Test func circa() throws {
        #expect(try #require(DocumentDate("1862", circa: true)).display == "c. 1862")
    }

    @Test(arguments: ["2013-13-01", "2013-02-30", "13-05-07", "May 7, 2013", "2013/2012", "", "2013-5-7", "1945-02-11/1945-02-04"])
    func rejects(_ text: String) {
        #expect(DocumentDate(text) == nil)
    }

    @Test func leapYears() {
        #expect(DocumentDate("2012-02-29") != nil)
        #expect(DocumentDate("1900-02-29") == nil)
        #expect(DocumentDate("2000-02-29") != nil)
    }

    @Test func ordersByStart() throws {
        let a = try #require(DocumentDate("2013-05"))
        let b = try #require(DocumentDate("2013-05-07"))
        #expect(a < b)
    }

    /// Dates written in speaker files (born, died, roles) as readers see them; anything else as written.
    @Test func datesFromFilesReadAsWords() {
        #expect(DocumentDate.display("1943-12-11") == "December 11, 1943")
        #expect(DocumentDate.display("2013-02") == "February 2013")
        #expect(DocumentDate.display("1985") == "1985")
        #expect(DocumentDate.display("about 1943") == "about 1943")
    }
}

/// Dates before year 1 (issue 11, item 9): ISO 8601 years, where `0000` is 1 BCE and `-0043` is 44 BCE.
@Suite struct EraDateTests {
    @Test(arguments: [
        ("-0043-03-15", "March 15, 44 BCE", -43), ("0000-01-01", "January 1, 1 BCE", 0), ("-0043", "44 BCE", -43),
        ("0044-03-15", "March 15, 44", 44), ("-0489-09", "September 490 BCE", -489),
    ])
    func readsAndPrintsTheEra(_ text: String, _ shown: String, _ year: Int) throws {
        let date = try #require(DocumentDate(text))
        #expect(date.year == year)
        #expect(date.display == shown)
        #expect(date.iso == text)
    }

    @Test func aRangeAcrossTheEras() throws {
        let date = try #require(DocumentDate("-0001-06/0001-06"))
        #expect(date.display == "June 2 BCE–June 1")
        #expect(try #require(DocumentDate("-0100")) < (try #require(DocumentDate("-0043"))))
    }

    @Test(arguments: ["-43-03-15", "--0043", "-0043-02-30", "+0043", "-00a3"])
    func rejectsWhatIsNotADate(_ text: String) {
        #expect(DocumentDate(text) == nil)
    }

    /// CSL counts years without a year 0, as MLA, APA and Chicago print them: 44 BCE is -44.
    @Test func citationsGetTheHistoricalYear() throws {
        let date = try #require(DocumentDate("-0043-03-15"))
        #expect(CitationItem.cslDate(date) == .object([("date-parts", .array([.array([.int(-44), .int(3), .int(15)])]))]))
        #expect(date.start.slashed == "-0043/03/15")
        #expect(try #require(DocumentDate("0044-03-15")).start.slashed == "0044/03/15")
    }

    @Test func risHasFourDigitYears() throws {
        let item = JSONValue.object([("type", .string("speech")), ("title", .string("T")),
                                     ("issued", CitationItem.cslDate(try #require(DocumentDate("0044-03-15"))))])
        let lines = CitationExports.ris(item).split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.contains("PY  - 0044"), "\(lines)")
        #expect(lines.contains("DA  - 0044/03/15/"), "\(lines)")
    }
}
