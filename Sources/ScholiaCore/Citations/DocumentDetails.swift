/// What a citation says about a document beyond its title, date and people: where the words were spoken
/// or the document written, who issued it, and its number (front matter `place`, `issuer`, `number`).
public struct DocumentDetails: Sendable, Hashable, Codable {
    /// "Washington, DC": where the speech was given or the letter written, not where a source was published.
    public var place: String?
    /// The body that issued the document or heard it: "National Security Council".
    public var issuer: String?
    /// The document's own number: "NSC 68".
    public var number: String?

    static let keys = ["place", "issuer", "number"]

    public init(place: String? = nil, issuer: String? = nil, number: String? = nil) {
        self.place = place
        self.issuer = issuer
        self.number = number
    }

    static func read(_ yaml: YAMLMapping, _ diagnostics: inout DiagnosticList) -> DocumentDetails {
        DocumentDetails(place: yaml.string("place", &diagnostics), issuer: yaml.string("issuer", &diagnostics),
                        number: yaml.string("number", &diagnostics))
    }
}
