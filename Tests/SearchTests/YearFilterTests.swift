import Testing
@testable import Search

/// `--year` and the search page's `year=` read years before 1 CE; ranges are ISO (astronomical) years.
@Suite struct YearFilterTests {
    @Test func yearsAndRangesInEveryForm() {
        let cases: [(String, ClosedRange<Int>?)] = [
            ("1962", 1962...1962), ("1960-1969", 1960...1969), (" 1960 – 1969 ", 1960...1969),
            ("44 BCE", -43 ... -43), ("44-bce", -43 ... -43), ("44 bc", -43 ... -43), ("-43", -43 ... -43), ("1 BCE", 0...0),
            ("100 BCE-44 BCE", -99 ... -43), ("-99--43", -99 ... -43), ("44 BCE-14", -43...14),
            ("1969-1960", nil), ("0 BCE", nil), ("bce", nil), ("19x2", nil), ("", nil),
        ]
        for (text, expected) in cases { #expect(SearchFilters.years(text) == expected, "\(text)") }
    }

    @Test func decadesBeforeOneCEAreLabelledWithTheirEra() {
        #expect(SearchIndex.decadeLabel(1960) == "1960s")
        #expect(SearchIndex.decadeLabel(0) == "1 BCE–9")
        #expect(SearchIndex.decadeLabel(-50) == "51 BCE–42 BCE")
    }
}
