import Foundation
import Testing
@testable import CSL

@Suite struct DateTests {
    func item(_ date: CSLDate) -> CSLItem { CSLItem(id: "d", dates: ["issued": date]) }

    @Test func localizedTextDate() throws {
        let out = try TestSupport.render(#"<date variable="issued" form="text"/>"#, [item(CSLDate(year: 2001, month: 3, day: 4))])
        #expect(out == "March 4, 2001")
    }

    @Test func rangeWithinOneYear() throws {
        let range = CSLDate(parts: [[2001, 3, 4], [2001, 5, 6]])
        let out = try TestSupport.render(#"<date variable="issued" form="text"/>"#, [item(range)])
        #expect(out == "March 4–May 6, 2001")
    }

    @Test func seasonAndLiteral() throws {
        let layout = #"<date variable="issued"><date-part name="month" suffix=" "/><date-part name="year"/></date>"#
        #expect(try TestSupport.render(layout, [item(CSLDate(parts: [[1999]], season: 2))]) == "Summer 1999")
        #expect(try TestSupport.render(layout, [item(CSLDate(literal: "ca. 1200"))]) == "ca. 1200")
    }

    @Test func rawDatesAndInvalidInput() throws {
        let json = #"[{"id":"x","issued":{"raw":"1999-02-03"}},{"id":"y","issued":"someday"}]"#
        let items = try CSLItem.decodeArray(from: Data(json.utf8))
        #expect(items[0].dates["issued"]?.parts == [[1999, 2, 3]])
        #expect(items[1].dates["issued"]?.literal == "someday")
        let bad = #"[{"id":"z","issued":{"date-parts":[["spring"]]}}]"#
        #expect(throws: CSLError.self) { try CSLItem.decodeArray(from: Data(bad.utf8)) }
    }
}
