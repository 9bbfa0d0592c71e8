/// What a citation says about a document beyond its title, date and people: where the words were spoken
/// or the document written, who issued it, and its number (front matter `place`, `issuer`, `number`); for
/// testimony, the published hearing and the Congress and session (`hearing`, `congress`, `session`); for a
/// treaty, its parties and the series that prints it (`parties`, `series`). The legal forms of APA (ch. 11)
/// and Chicago (ch. 14) need these; without them a document is cited as other primary sources are.
package struct DocumentDetails: Sendable, Hashable, Codable {
    /// "Washington, DC": where the speech was given or the letter written, not where a source was published.
    package var place: String?
    /// The body that issued the document or heard it: "National Security Council".
    package var issuer: String?
    /// The document's own number: "NSC 68".
    package var number: String?
    /// The title of the published hearing in which testimony is printed.
    package var hearing: String?
    /// The number of the Congress that held the hearing: 92.
    package var congress: Int?
    /// The number of that Congress's session: 1.
    package var session: Int?
    /// The states party to a treaty, as the manuals abbreviate them: ["U.S.", "U.K."].
    package var parties: [String]
    /// Where a treaty is printed, volume, series and page: "55 Stat. 1603".
    package var series: String?

    package static let keys = ["place", "issuer", "number", "hearing", "congress", "session", "parties", "series"]

    package init(place: String? = nil, issuer: String? = nil, number: String? = nil, hearing: String? = nil,
                 congress: Int? = nil, session: Int? = nil, parties: [String] = [], series: String? = nil) {
        self.place = place
        self.issuer = issuer
        self.number = number
        self.hearing = hearing
        self.congress = congress
        self.session = session
        self.parties = parties
        self.series = series
    }
}
