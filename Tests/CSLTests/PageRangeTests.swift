import Testing
@testable import CSL

@Suite struct PageRangeTests {
    let locale: ResolvedLocale

    init() throws {
        let style = try TestSupport.style(citation: #"<text variable="page"/>"#)
        locale = try ResolvedLocale(language: "en-US", style: style, store: TestSupport.store)
    }

    @Test func formats() {
        #expect(PageRange.format("321-328", "expanded", locale) == "321–328")
        #expect(PageRange.format("321-28", "expanded", locale) == "321–328")
        #expect(PageRange.format("321-328", "minimal", locale) == "321–8")
        #expect(PageRange.format("321-328", "minimal-two", locale) == "321–28")
        #expect(PageRange.format("71-72", "chicago", locale) == "71–72")
        #expect(PageRange.format("1496-1504", "chicago", locale) == "1496–1504")
        #expect(PageRange.format("12-15, 20-22", nil, locale) == "12–15, 20–22")
    }
}
