import Foundation
import Testing
@testable import CSL

@Suite struct LocaleTests {
    @Test func fallbackChain() throws {
        let extra = """
        <locale xml:lang="de-AT"><terms><term name="and">AT-und</term></terms></locale>
        <locale xml:lang="de"><terms><term name="editor">DE-hrsg</term></terms></locale>
        <locale><terms><term name="in">ANY-in</term></terms></locale>
        """
        let style = try TestSupport.style(citation: #"<text term="and"/>"#, extra: extra)
        let locale = try ResolvedLocale(language: "de-AT", style: style, store: TestSupport.store)
        #expect(locale.termText("and") == "AT-und")             // style, exact language
        #expect(locale.termText("editor") == "DE-hrsg")         // style, base language
        #expect(locale.termText("in") == "ANY-in")              // style, unqualified
        #expect(locale.termText("et-al") == "u.\u{00A0}a.")            // locale file de-AT
        let unknown = try ResolvedLocale(language: "xx-YY", style: style, store: TestSupport.store)
        #expect(unknown.termText("and") == "and")               // en-US last
    }

    @Test func ordinalsAndGender() throws {
        let style = try TestSupport.style(citation: #"<text term="and"/>"#)
        let en = try ResolvedLocale(language: "en-US", style: style, store: TestSupport.store)
        #expect(Ordinals.ordinal(1, gender: nil, locale: en) == "1st")
        #expect(Ordinals.ordinal(12, gender: nil, locale: en) == "12th")
        #expect(Ordinals.ordinal(22, gender: nil, locale: en) == "22nd")
        #expect(Ordinals.longOrdinal(3, gender: nil, locale: en) == "third")
    }
}
