/// What a citation says about a document beyond its title, date and people: where the words were spoken
/// or the document written, who issued it, and its number (front matter `place`, `issuer`, `number`).
package struct DocumentDetails: Sendable, Hashable, Codable {
    /// "Washington, DC": where the speech was given or the letter written, not where a source was published.
    package var place: String?
    /// The body that issued the document or heard it: "National Security Council".
    package var issuer: String?
    /// The document's own number: "NSC 68".
    package var number: String?

    package static let keys = ["place", "issuer", "number"]

    package init(place: String? = nil, issuer: String? = nil, number: String? = nil) {
        self.place = place
        self.issuer = issuer
        self.number = number
    }
}
