import Foundation
import Testing
@testable import CSL

/// Styles over 10 MB are valid XML; libxml2 only refuses one tag or comment over its limit, which is named.
@Suite struct LargeStyleTests {
    /// A valid style made large by `count` comments of `commentLength` bytes, with `macro` before its citation.
    func style(comments count: Int, commentLength: Int, macro: String = "") -> Data {
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <info><id>large</id><title>Large</title></info>

        """
        let comment = "  <!-- " + String(repeating: "c", count: commentLength) + " -->\n"
        xml.reserveCapacity(count * comment.utf8.count + 1000)
        for _ in 0..<count { xml += comment }
        xml += macro + "  <citation><layout><text macro=\"title\"/></layout></citation>\n</style>\n"
        return Data(xml.utf8)
    }

    let titleMacro = "  <macro name=\"title\"><text variable=\"title\" font-style=\"italic\"/></macro>\n"

    @Test func aStyleOverTenMegabytesLoadsAndRenders() throws {
        let data = style(comments: 11_000, commentLength: 1_000, macro: titleMacro)
        #expect(data.count > 11_000_000)
        let processor = try CSLProcessor(style: try CSLStyle(xml: data, path: "large.csl"), locales: TestSupport.store)
        let item = CSLItem(id: "a", variables: ["title": "Letter to Greeley"])
        #expect(processor.citation([CSLCite(id: "a")], items: [item]).text == "Letter to Greeley")
    }

    @Test func oneCommentOverTheLimitIsNamedWithItsLine() {
        // The limit is injected small so the test stays fast; the real one is libxml2's 10,000,000 bytes.
        let data = style(comments: 3, commentLength: 2_000, macro: titleMacro)
        #expect(throws: CSLError(file: "long.csl", line: 4,
                                 message: "a tag or comment of 2009 bytes is longer than the XML reader's limit of 1000 bytes "
                                     + "(libxml2's, without XML_PARSE_HUGE); shorten it")) {
            try XMLNode.parse(data, file: "long.csl", markupLimit: 1_000)
        }
    }

    @Test func aLongAttributeValueIsNamedAndTagsUnderTheLimitPass() throws {
        let value = String(repeating: "v", count: 1_500)
        let data = style(comments: 1, commentLength: 10, macro: "  <macro name=\"title\"><text value=\"\(value)\"/></macro>\n")
        #expect(XMLMarkupLimit.firstMarkup(in: data, longerThan: 1_000) == .init(line: 5, length: 1_516))
        #expect(XMLMarkupLimit.firstMarkup(in: data, longerThan: 2_000) == nil)
        // A `>` inside a comment does not end it.
        let comment = Data("<a><!-- x > y --></a>".utf8)
        #expect(XMLMarkupLimit.firstMarkup(in: comment, longerThan: 12) == .init(line: 1, length: 14))
    }
}
