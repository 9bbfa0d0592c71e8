import Testing
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
