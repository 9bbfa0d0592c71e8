import Testing
@testable import CSL

@Suite struct NameTests {
    let two = CSLItem(id: "a", names: ["author": [CSLName(family: "Doe", given: "John Ronald"),
                                                 CSLName(family: "Gogh", given: "Vincent", nonDroppingParticle: "van")]])

    @Test func displayOrderWithAnd() throws {
        let out = try TestSupport.render(#"<names variable="author"><name and="text"/></names>"#, [two])
        #expect(out == "John Ronald Doe and Vincent van Gogh")
    }

    @Test func sortOrderAndInitials() throws {
        let out = try TestSupport.render(
            #"<names variable="author"><name name-as-sort-order="first" initialize-with=". " and="symbol"/></names>"#, [two])
        #expect(out == "Doe, J. R. & V. van Gogh")
    }

    @Test func etAl() throws {
        var item = two
        item.names["author"]!.append(CSLName(family: "Roe", given: "Jane"))
        let out = try TestSupport.render(
            #"<names variable="author"><name form="short" et-al-min="3" et-al-use-first="1"/></names>"#, [item])
        #expect(out == "Doe et al.")
    }

    @Test func initialsOfHyphenatedNames() {
        #expect(Initials.make("Jean-Paul", with: ".", hyphen: true, initializeFull: true) == "J.-P.")
        #expect(Initials.make("Jean-Paul", with: ".", hyphen: false, initializeFull: true) == "J.P.")
        #expect(Initials.make("John M.E.", with: " ", hyphen: true, initializeFull: false) == "John M E")
    }

    @Test func particlesAreParsedFromFamily() {
        var name = CSLName(family: "van der Berg", given: "Anna")
        NameParticles.parse(&name)
        #expect(name.nonDroppingParticle == "van der")
        #expect(name.family == "Berg")
    }
}
