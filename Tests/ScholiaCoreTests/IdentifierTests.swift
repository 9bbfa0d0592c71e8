import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaCore

@Suite struct IdentifierTests {
    @Test(arguments: [("U.S.–Russia Relations", "u-s-russia-relations"), ("Ursula von der Leyen", "ursula-von-der-leyen"),
                      ("Déclaration de Paris", "declaration-de-paris"), ("QUESTION", "question"), ("Nixon's Reply", "nixons-reply"),
                      ("../../etc", "etc")])
    func slugs(_ text: String, _ slug: String) {
        #expect(Identifier.slug(text) == slug)
    }

    @Test(arguments: ["john-kerry", "a", "hist-210", "1945"])
    func valid(_ id: String) { #expect(Identifier.isValid(id)) }

    @Test(arguments: ["John-Kerry", "../../etc", "a--b", "-a", "a-", "", "a b", "a/b", "<script>", "ké"])
    func invalid(_ id: String) { #expect(!Identifier.isValid(id)) }

    @Test func suggestsTheClosestKey() {
        #expect(Suggestion.closest(to: "tittle", in: DocumentLoader.keys) == "title")
        #expect(Suggestion.closest(to: "speaker", in: DocumentLoader.keys) == "speakers")
        #expect(Suggestion.closest(to: "zzzzzzzz", in: DocumentLoader.keys) == nil)
    }
}
