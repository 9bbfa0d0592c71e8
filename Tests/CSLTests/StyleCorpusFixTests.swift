import Foundation
import Testing
@testable import CSL

/// Behaviours found by rendering the sample documents in every installed style and comparing
/// with pandoc's citeproc (csl-suite --every-style); each failed before its fix.
@Suite struct StyleCorpusFixTests {
    static func bibliography(_ layout: String, _ items: [CSLItem], bibliographyAttributes: String = "") throws -> [String] {
        let xml = """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <info><id>test</id><title>Test</title></info>
          <citation><layout><text variable="title"/></layout></citation>
          <bibliography \(bibliographyAttributes)><layout>\(layout)</layout></bibliography>
        </style>
        """
        let processor = try CSLProcessor(style: try CSLStyle(xml: Data(xml.utf8), path: "test.csl"), locales: TestSupport.store)
        return processor.bibliography(items: items).map(\.text)
    }

    static func book(_ id: String, place: String? = nil, publisher: String? = nil, authors: [(String, String)] = []) -> CSLItem {
        var item = CSLItem(id: id, type: "book", variables: ["title": "Title \(id)"])
        if let place { item.variables["publisher-place"] = place }
        if let publisher { item.variables["publisher"] = publisher }
        if !authors.isEmpty { item.names["author"] = authors.map { CSLName(family: $0.0, given: $0.1) } }
        return item
    }

    /// iranian-journal-of-basic-medical-sciences: `<group delimiter=": "><choose><else><text/><text/>`.
    @Test func groupDelimiterSeparatesTheElementsOfAChosenBranch() throws {
        let layout = """
        <group delimiter=": "><choose><if type="speech"><text variable="publisher"/></if>
        <else><text variable="publisher-place"/><text variable="publisher"/></else></choose></group>
        """
        #expect(try Self.bibliography(layout, [Self.book("a", place: "New York", publisher: "Putnam")]) == ["New York: Putnam"])
    }

    /// the-american-midland-naturalist: `subsequent-author-substitute-rule="partial-each"`.
    @Test func partialEachReplacesTheLeadingNamesThatRepeat() throws {
        let layout = #"<group delimiter=". "><names variable="author"><name and="text"/></names><text variable="title"/></group>"#
        let items = [Self.book("1", authors: [("Kennedy", "John")]),
                     Self.book("2", authors: [("Kennedy", "John"), ("Nixon", "Richard")])]
        let entries = try Self.bibliography(layout, items, bibliographyAttributes: #"subsequent-author-substitute="---" subsequent-author-substitute-rule="partial-each""#)
        #expect(entries == ["John Kennedy. Title 1", "--- and Richard Nixon. Title 2"])
    }

    @Test func partialFirstReplacesOnlyTheFirstName() throws {
        let layout = #"<names variable="author"><name and="text"/></names>"#
        let items = [Self.book("1", authors: [("Roe", "Jane"), ("Doe", "John")]),
                     Self.book("2", authors: [("Roe", "Jane"), ("Doe", "John")])]
        let entries = try Self.bibliography(layout, items, bibliographyAttributes: #"subsequent-author-substitute="---" subsequent-author-substitute-rule="partial-first""#)
        #expect(entries.last == "--- and John Doe")
    }

    @Test func completeEachReplacesEveryNameOfARepeatedList() throws {
        let layout = #"<names variable="author"><name and="text"/></names>"#
        let items = [Self.book("1", authors: [("Roe", "Jane"), ("Doe", "John")]),
                     Self.book("2", authors: [("Roe", "Jane"), ("Doe", "John")])]
        let entries = try Self.bibliography(layout, items, bibliographyAttributes: #"subsequent-author-substitute="---" subsequent-author-substitute-rule="complete-each""#)
        #expect(entries.last == "--- and ---")
    }

    /// Numeric styles in plain text: "[1] Roosevelt", not "[1]Roosevelt".
    @Test func plainTextSetsOffTheLeftMargin() throws {
        let layout = #"<text variable="citation-number" prefix="[" suffix="]"/><text variable="title"/>"#
        let entries = try Self.bibliography(layout, [Self.book("a")], bibliographyAttributes: #"second-field-align="flush""#)
        #expect(entries == ["[1] Title a"])
    }

    /// Plain text has no small capitals: they print as capitals.
    @Test func plainTextWritesSmallCapsAsCapitals() throws {
        let layout = #"<group delimiter=". "><names variable="author"><name><name-part name="family" font-variant="small-caps"/></name></names><text variable="title"/></group>"#
        #expect(try Self.bibliography(layout, [Self.book("a", authors: [("Eisenhower", "Dwight")])]) == ["Dwight EISENHOWER. Title a"])
    }
}
