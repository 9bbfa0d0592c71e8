import Testing
@testable import ScholiaModel

@Suite struct PersonNameTests {
    @Test func splitsGivenAndFamily() {
        let name = PersonName(splitting: "John F. Kerry")
        #expect(name.given == "John F.")
        #expect(name.family == "Kerry")
        #expect(name.display == "John F. Kerry")
    }

    @Test func keepsParticlesWithTheFamilyName() {
        let name = PersonName(splitting: "Ursula von der Leyen")
        #expect(name.given == "Ursula")
        #expect(name.particle == "von der")
        #expect(name.family == "Leyen")
        #expect(name.display == "Ursula von der Leyen")
    }

    @Test func splitsSuffixes() {
        let name = PersonName(splitting: "Martin Luther King Jr.")
        #expect(name.given == "Martin Luther")
        #expect(name.family == "King")
        #expect(name.suffix == "Jr.")
        #expect(PersonName(splitting: "Martin Luther King, Jr.").family == "King")
    }

    @Test func organisationsStayLiteral() {
        #expect(PersonName(splitting: "United States Department of State").literal == "United States Department of State")
        #expect(PersonName(splitting: "Cher").literal == "Cher")
    }

    @Test func sortsByFamilyName() {
        #expect(PersonName(splitting: "John F. Kerry").sortKey < PersonName(splitting: "Sergey V. Lavrov").sortKey)
    }
}
