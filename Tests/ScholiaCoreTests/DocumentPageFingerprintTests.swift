import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaRender
@testable import ScholiaCore

/// A document page's fingerprint is made from its inputs, not from its context: it must change with each of
/// them, and must not change when a document the page does not show changes.
@Suite struct DocumentPageFingerprintTests {
    /// A site in memory, newest first: `d5`, `d4`, `a`, `d2`, `d1`, `far`. `a` shows `d4` and `d2` (its neighbours),
    /// `d5` (related), and links to `d1` from a note; `far` it does not show at all.
    struct Fixture {
        var documents: [Document]
        var speakers: [Speaker]
        var topics: [Topic]

        init() {
            let note = Annotation(quote: "long day", link: "d1", tags: ["trade", "elections"], location: SourceLocation(path: "a.md"))
            documents = [
                Self.document("d5", year: 2020, people: ["chen"], related: ["a"]),
                Self.document("d4", year: 2015),
                Self.document("a", year: 2010, people: ["kerry", "un", "ghost"], topics: ["trade", "war"], related: ["d5"],
                              annotations: [AnchoredAnnotation(number: 1, annotation: note, paragraph: 1, range: 0..<8)]),
                Self.document("d2", year: 2005),
                Self.document("d1", year: 2000),
                Self.document("far", year: 1990, people: ["zed"], topics: ["farming"]),
            ]
            speakers = [Self.speaker("kerry", PersonName(given: "John", family: "Kerry")), Self.speaker("un", PersonName(literal: "United Nations")),
                        Self.speaker("chen", PersonName(given: "Chen", family: "Wei")), Self.speaker("zed", PersonName(given: "Zed", family: "Zero"))]
            topics = [Topic(id: "trade", title: "Trade"), Topic(id: "farming", title: "Farming")]
        }

        static func document(_ id: String, year: Int, people: [String] = [], topics: [String] = [], related: [String] = [],
                             annotations: [AnchoredAnnotation] = []) -> Document {
            Document(id: id, sourcePath: "Content/documents/\(id).md", title: "Title of \(id)", date: DocumentDate(start: PartialDate(year: year)),
                     type: "speech", participants: people.map { Participant(speakerID: $0, participation: .speaker) }, topicIDs: topics,
                     source: SourceInfo(), isDraft: false, transcript: Transcript(turns: []), annotations: annotations, citationOverrides: [],
                     relatedIDs: related, contentKey: UInt64(id.utf8.reduce(7) { $0 &* 31 &+ Int($1) }))
        }

        static func speaker(_ id: String, _ name: PersonName) -> Speaker { Speaker(id: id, name: name, aliases: [], declaredRoles: []) }

        mutating func document(_ id: String, _ change: (inout Document) -> Void) { change(&documents[documents.firstIndex { $0.id == id }!]) }
        mutating func speaker(_ id: String, _ change: (inout Speaker) -> Void) { change(&speakers[speakers.firstIndex { $0.id == id }!]) }
        mutating func topic(_ id: String, _ change: (inout Topic) -> Void) { change(&topics[topics.firstIndex { $0.id == id }!]) }

        /// The site, each speaker with its documents as the resolver lists them.
        var site: Site {
            let speakers = speakers.map { speaker in
                var speaker = speaker
                speaker.documentIDs = documents.filter { $0.participants.contains { $0.speakerID == speaker.id } }.map(\.id)
                return speaker
            }
            return Site(config: SiteConfig(), documents: documents, speakers: speakers, topics: topics, collections: [], staticFiles: [])
        }

        func fingerprint(of id: String = "a") -> UInt64 {
            let site = site
            var fingerprint = Fingerprint()
            fingerprint.addDocumentPageInputs(site.document(id)!, PageContexts(site: site, routes: Routes(config: site.config)))
            return fingerprint.value
        }
    }

    static let changesOfWhatThePageShows: [(String, @Sendable (inout Fixture) -> Void)] = [
        ("its own files", { $0.document("a") { $0.contentKey &+= 1 } }),
        ("a speaker's family name", { $0.speaker("kerry") { $0.name.family = "Kerrey" } }),
        ("a speaker's given name", { $0.speaker("kerry") { $0.name.given = "J." } }),
        ("a speaker's particle", { $0.speaker("kerry") { $0.name.particle = "van" } }),
        ("a speaker's suffix", { $0.speaker("kerry") { $0.name.suffix = "Jr." } }),
        ("an organisation's name", { $0.speaker("un") { $0.name.literal = "UN" } }),
        ("a speaker it names appears", { $0.speakers.append(Fixture.speaker("ghost", PersonName(given: "Gus", family: "Host"))) }),
        ("a speaker it names goes", { $0.speakers.removeAll { $0.id == "kerry" } }),
        ("a topic's title", { $0.topic("trade") { $0.title = "Trade policy" } }),
        ("a topic it names appears", { $0.topics.append(Topic(id: "war", title: "War")) }),
        ("a related document's title", { $0.document("d5") { $0.title = "Renamed" } }),
        ("a related document's summary", { $0.document("d5") { $0.summaryHTML = "<p>Now with a summary.</p>" } }),
        ("a related document's type", { $0.document("d5") { $0.type = "interview" } }),
        ("a related document's speakers", { $0.document("d5") { $0.participants.append(Participant(speakerID: "kerry", participation: .speaker)) } }),
        ("the name of a related document's speaker", { $0.speaker("chen") { $0.name.family = "Wu" } }),
        ("its related documents", { $0.document("a") { $0.relatedIDs = ["d5", "far"] } }),
        ("its earlier neighbour's title", { $0.document("d2") { $0.title = "Renamed" } }),
        ("its later neighbour's day", { $0.document("d4") { $0.date.start.day = 3 } }),
        ("its later neighbour's month", { $0.document("d4") { $0.date.start.month = 3 } }),
        ("its later neighbour becomes a range", { $0.document("d4") { $0.date.end = PartialDate(year: 2016) } }),
        ("its later neighbour's date becomes approximate", { $0.document("d4") { $0.date.circa = true } }),
        ("a new document between it and its neighbour", { $0.documents.insert(Fixture.document("new", year: 2007), at: 3) }),
        ("the title of the page a note links to", { $0.document("d1") { $0.title = "Another title" } }),
        ("the topic a note's tag names appears", { $0.topics.append(Topic(id: "elections", title: "Elections")) }),
    ]

    @Test func changesWithEachInputOfThePage() {
        let before = Fixture().fingerprint()
        #expect(Fixture().fingerprint() == before, "the same inputs give the same fingerprint")
        for (what, change) in Self.changesOfWhatThePageShows {
            var fixture = Fixture()
            change(&fixture)
            #expect(fixture.fingerprint() != before, "\(what)")
        }
    }

    /// `scholia serve` plans again, after a speaker's or topic's save, the pages `Site.documentIDs(showing:)` names: they
    /// must be every page whose fingerprint the change moves (here exactly those), by the speaker's own documents, the
    /// documents that show one of them as related or as a neighbour, a note's link, a topic or a note's tag.
    @Test func thePagesShowingASpeakerOrTopicAreThoseItsChangeMoves() {
        // A note that links to a speaker shows its name (on `d4`, which shows nothing else of `zed`).
        var linking = Fixture()
        linking.document("d4") { $0.annotations = [AnchoredAnnotation(number: 1, annotation: Annotation(quote: "q", link: "zed", location: SourceLocation(path: "d4.md")),
                                                                      paragraph: 1, range: 0..<1)] }
        // A note's tag that names a topic shows its title ("elections", on `a` only as a tag).
        var tagged = Fixture()
        tagged.topics.append(Topic(id: "elections", title: "Elections"))
        let renameZed: (inout Fixture) -> Void = { $0.speaker("zed") { $0.name.family = "One" } }
        let cases: [(fixture: Fixture, speakers: Set<String>, topics: Set<String>, listed: Set<String>, change: (inout Fixture) -> Void)] = [
            (Fixture(), ["kerry"], [], ["a"], { $0.speaker("kerry") { $0.name.family = "Kerrey" } }),
            (Fixture(), ["chen"], [], ["d5"], { $0.speaker("chen") { $0.name.given = "Li" } }),
            (Fixture(), ["zed"], [], ["far"], renameZed),
            (linking, ["zed"], [], ["far"], renameZed),
            (Fixture(), [], ["trade"], [], { $0.topic("trade") { $0.title = "Trade policy" } }),
            (Fixture(), [], ["farming"], [], { $0.topic("farming") { $0.title = "Agriculture" } }),
            (tagged, [], ["elections"], [], { $0.topic("elections") { $0.title = "Votes" } }),
        ]
        for (fixture, speakers, topics, listed, change) in cases {
            var changed = fixture
            change(&changed)
            let moved = Set(fixture.documents.map(\.id).filter { fixture.fingerprint(of: $0) != changed.fingerprint(of: $0) })
            let shown = changed.site.documentIDs(showing: speakers, topics)
            #expect(!moved.isEmpty && shown.pages == moved, "\(speakers) \(topics): moved \(moved.sorted()), shown \(shown.pages.sorted())")
            #expect(shown.listed == listed, "\(speakers) \(topics)")
        }
    }

    @Test func staysWhenADocumentThePageDoesNotShowChanges() {
        let before = Fixture().fingerprint()
        let unrelated: [(String, @Sendable (inout Fixture) -> Void)] = [
            ("its files", { $0.document("far") { $0.contentKey &+= 1; $0.title = "Changed" } }),
            // The text of a document the page lists is not shown: only what a list shows of it is.
            ("the text of a related document", { $0.document("d5") { $0.contentKey &+= 1 } }),
            ("the text of a neighbour", { $0.document("d2") { $0.contentKey &+= 1 } }),
            ("its speaker's name", { $0.speaker("zed") { $0.name.family = "One" } }),
            ("its topic's title", { $0.topic("farming") { $0.title = "Agriculture" } }),
        ]
        for (what, change) in unrelated {
            var fixture = Fixture()
            change(&fixture)
            #expect(fixture.fingerprint() == before, "a document the page does not show: \(what)")
            let changed = what.hasPrefix("the text of") ? (what.hasSuffix("neighbour") ? "d2" : "d5") : "far"
            #expect(fixture.fingerprint(of: changed) != Fixture().fingerprint(of: changed), "but its own page changes: \(what)")
        }
    }
}

/// The pages that list documents (all documents, a year, a type) are fingerprinted from what a list shows of
/// each: read through the loader, as a build reads them, from one site folder (its path is in the environment).
@Suite struct ListPageFingerprintTests {
    static let listingThird = ["documents/page/2/", "years/2001/", "types/speech/"]

    static func document(_ title: String, _ date: String, extra: String = "", body: String = "Text.") -> String {
        markdownDocument(title: title, date: date, extra: "type: speech\n" + extra, body: body)
    }

    static func site() throws -> TestSite {
        try TestSite(["site.yml": "title: Test\nbase_url: https://example.org/\npaginate: 2\n",
                      "Content/documents/first.md": document("First", "2003-01-01"),
                      "Content/documents/second.md": document("Second", "2002-01-01"),
                      "Content/documents/third.md": document("Third", "2001-03-01"),
                      "Content/speakers/ada-byron.md": "---\nname: Ada Byron\n---\n"])
    }

    /// Every job's fingerprint, as the planning of a build gives it (nothing is rendered: every job counts as
    /// unchanged), after writing `files` into the site.
    static func fingerprints(_ site: TestSite, writing files: [String: String] = [:]) throws -> [String: UInt64] {
        for (path, text) in files { try text.write(to: site.root.appendingPathComponent(path), atomically: true, encoding: .utf8) }
        let prepared = try SiteBuilder.prepare(BuildOptions(siteDirectory: site.root), cache: nil, progress: nil)
        let jobs = prepared.pages.render(unchanged: { _, _ in true }, into: MemorySink())
        return Dictionary(jobs.compactMap { job in job.fingerprint.map { (job.id, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    @Test(arguments: [
        ("text only", document("Third", "2001-03-01", body: "Other text."), false),
        ("title", document("Third, retitled", "2001-03-01"), true),
        ("summary", document("Third", "2001-03-01", extra: "summary: Now summarised.\n"), true),
        ("date", document("Third", "2001-04-01"), true),
        ("speakers", document("Third", "2001-03-01", extra: "speakers: [ada-byron]\n"), true),
    ])
    func changeWithWhatTheListShowsOnly(what: String, third: String, shows: Bool) throws {
        let site = try Self.site()
        defer { site.remove() }
        let before = try Self.fingerprints(site)
        let after = try Self.fingerprints(site, writing: ["Content/documents/third.md": third])
        for page in Self.listingThird + ["documents/"] { #expect(before[page] != nil, "\(page) is planned") }
        for page in Self.listingThird { #expect((after[page] != before[page]) == shows, "\(what): \(page)") }
        #expect(after["documents/"] == before["documents/"], "\(what): a page that does not list it")
        #expect(after["documents/third/"] != before["documents/third/"], "\(what): its own page")
    }

    /// A speaker's and a topic's page list their documents as lists show them: fingerprinted from that, not from the context.
    @Test(arguments: [
        ("text only", "Third", "Other text.", false),
        ("title", "Third, retitled", "Text.", true),
        ("date", "Third", "Text.", true),
    ])
    func speakerAndTopicPagesChangeWithWhatTheyListOnly(what: String, title: String, body: String, shows: Bool) throws {
        let site = try Self.site()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content/topics"), withIntermediateDirectories: true)
        let listed = "speakers: [ada-byron]\ntopics: [trade]\n"
        let before = try Self.fingerprints(site, writing: ["Content/topics/trade.md": "---\ntitle: Trade\n---\n",
                                                           "Content/documents/third.md": Self.document("Third", "2001-03-01", extra: listed)])
        let date = what == "date" ? "2001-04-01" : "2001-03-01"
        let after = try Self.fingerprints(site, writing: ["Content/documents/third.md": Self.document(title, date, extra: listed, body: body)])
        for page in ["speakers/ada-byron/", "topics/trade/"] {
            #expect(before[page] != nil, "\(page) is planned")
            #expect((after[page] != before[page]) == shows, "\(what): \(page)")
        }
        let renamed = try Self.fingerprints(site, writing: ["Content/topics/trade.md": "---\ntitle: Trade policy\n---\n"])
        #expect(renamed["topics/trade/"] != after["topics/trade/"], "the topic's own title")
    }

    @Test func changeWithTheNamesOfTheListedSpeakers() throws {
        let site = try Self.site()
        defer { site.remove() }
        let before = try Self.fingerprints(site, writing: ["Content/documents/third.md": Self.document("Third", "2001-03-01", extra: "speakers: [ada-byron]\n")])
        let renamed = try Self.fingerprints(site, writing: ["Content/speakers/ada-byron.md": "---\nname: Ada Lovelace\n---\n"])
        for page in Self.listingThird { #expect(renamed[page] != before[page], "a listed speaker's name: \(page)") }
    }

    @Test func changeWithTheNumberOfPages() throws {
        let site = try Self.site()
        defer { site.remove() }
        let before = try Self.fingerprints(site)
        let added = try Self.fingerprints(site, writing: ["Content/documents/fourth.md": markdownDocument(title: "Fourth", date: "1999-01-01", extra: "type: letter\n")])
        // The first page lists the same two documents, but its count and its links to the other pages change.
        #expect(added["documents/"] != before["documents/"])
    }
}
