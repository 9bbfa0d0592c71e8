import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad

/// Reading a file's bytes as text: NUL bytes and invalid UTF-8 are placed, a BOM and CRLF line ends go.
@Suite struct ContentFileTests {
    func decode(_ bytes: [UInt8]) -> (String?, DiagnosticList) {
        var diagnostics = DiagnosticList()
        let text = ContentFile.decode(Data(bytes), displayPath: "a.txt", &diagnostics)
        return (text, diagnostics)
    }

    @Test func aNULByteIsPlacedByLineAndColumn() {
        let (text, diagnostics) = decode(Array("one\ntwo\nth".utf8) + [0] + Array("ree".utf8))
        #expect(text == nil)
        #expect(diagnostics.errors.count == 1)
        #expect(diagnostics.errors.first?.location.line == 3)
        #expect(diagnostics.errors.first?.location.column == 3)
    }

    @Test func aSliceOfDataIsSearchedFromItsStart() {
        let data = Data([0x41, 0x00, 0x0A, 0x42, 0x00, 0x43]).dropFirst(2)
        var diagnostics = DiagnosticList()
        #expect(ContentFile.decode(data, displayPath: "a.txt", &diagnostics) == nil)
        #expect(diagnostics.errors.first?.location.line == 2)
        #expect(diagnostics.errors.first?.location.column == 2)
        var none = DiagnosticList()
        #expect(ContentFile.decode(Data([0x00, 0x41]).dropFirst(), displayPath: "a.txt", &none) == "A")
        #expect(!none.hasErrors)
    }

    @Test func windowsLineEndsAndAByteOrderMarkGo() {
        let (text, diagnostics) = decode([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\r\n".utf8))
        #expect(text.map { Array($0.utf8) } == Array("a\nb\rc\n".utf8))
        #expect(!diagnostics.hasErrors)
    }

    @Test func emptyAndPlainTextReadAsTheyAre() {
        #expect(decode([]).0 == "")
        #expect(decode(Array("Señor: plain\n".utf8)).0 == "Señor: plain\n")
        #expect(decode([0x41, 0xC0, 0x80]).0 == nil)
    }
}
