import Foundation
import Testing
@testable import CSL

@Suite struct ErrorTests {
    func parse(_ xml: String) throws -> CSLStyle { try CSLStyle(xml: Data(xml.utf8), path: "bad.csl") }

    @Test func malformedXMLNamesFileAndLine() {
        do {
            _ = try parse("<style xmlns=\"http://purl.org/net/xbiblio/csl\">\n<citation>\n<layout>\n</style>")
            Issue.record("expected an error")
        } catch let error as CSLError {
            #expect(error.file == "bad.csl")
            #expect(error.line != nil)
        } catch { Issue.record("unexpected error type \(error)") }
    }

    @Test func unknownElementAndAttribute() {
        #expect(throws: CSLError.self) { try TestSupport.style(citation: "<bogus/>") }
        do {
            _ = try TestSupport.style(citation: #"<text variable="title" colour="red"/>"#)
            Issue.record("expected an error")
        } catch let error as CSLError {
            #expect(error.element == "text")
            #expect(error.message.contains("colour"))
        } catch { Issue.record("unexpected error type \(error)") }
    }

    @Test func undefinedMacro() {
        #expect(throws: CSLError.self) { try TestSupport.style(citation: #"<text macro="nowhere"/>"#) }
    }

    @Test func wronglyTypedItemFieldsNameTheField() {
        let cases = [
            (#"[{"id":"a","title":["x"]}]"#, "a.title"),
            (#"[{"id":"a","author":"Smith"}]"#, "a.author"),
            (#"[{"id":"a","author":[{}]}]"#, "a.author[0]."),
            (#"[{"id":"a","issued":{"date-parts":"2000"}}]"#, "a.issued.date-parts"),
        ]
        for (json, field) in cases {
            do {
                _ = try CSLItem.decodeArray(from: Data(json.utf8), file: "items.json")
                Issue.record("expected an error for \(json)")
            } catch let error as CSLError {
                #expect(error.file == "items.json")
                #expect(error.element == field, "for \(json)")
            } catch { Issue.record("unexpected error type \(error)") }
        }
    }

    @Test func dependentStyleWithoutParentFails() {
        let xml = """
        <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><id>x</id>
        <link rel="independent-parent" href="http://www.zotero.org/styles/no-such-style"/></info></style>
        """
        #expect(throws: CSLError.self) {
            try CSLStyle(xml: Data(xml.utf8), path: "dep.csl", stylesFolder: URL(fileURLWithPath: "/nonexistent"))
        }
    }
}
