import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaCore

/// The bibliography entry of each document type in each default style, against the form its manual gives
/// (`Goldens/manual-forms/TYPE.STYLE.txt`: a comment line naming the manual's section, then the entry).
/// Testimony and treaties get APA's and Chicago's legal forms from `hearing`, `congress`, `session`, `parties`
/// and `series`. A pair whose entry does not yet follow its manual has no golden: it is listed, with what stands in the
/// way, in `Goldens/manual-forms/not-yet.txt`, so that every type × style is accounted for.
@Suite struct ManualFormTests {
    static let folder = CorrectedStyleTests.repository.appendingPathComponent("Tests/ScholiaCoreTests/Goldens/manual-forms")
    /// The names a site uses for the three default styles.
    static let styles = ["mla", "apa", "chicago"]
    static let types = ["speech", "remarks", "press-conference", "interview", "debate", "testimony", "statement", "letter",
                        "memorandum", "treaty", "report"]

    /// One small document per type, as a site would describe it: "id: Name: how they take part", then the
    /// document's other keys. A title in sentence case for the citations (`citation: {title: …}`) is what
    /// APA prints; MLA and Chicago give it title case again.
    static let fixtures: [String: String] = [
        "speech": document("Inaugural Address", "1961-01-20", "speech", ["john-f-kennedy: John F. Kennedy: speaker"],
                           "place: Washington, DC\ncitation: {title: Inaugural address}\n"),
        "remarks": document("Remarks at the Brandenburg Gate", "1987-06-12", "remarks", ["ronald-reagan: Ronald Reagan: speaker"],
                            "place: West Berlin\n"),
        "press-conference": document("The President's News Conference", "1954-04-07", "press-conference", ["dwight-d-eisenhower: Dwight D. Eisenhower: speaker"],
                                     "place: Washington, DC\ncitation: {title: \"The President's news conference\"}\n"),
        "interview": document("Television Interview", "1963-09-02", "interview", ["john-f-kennedy: John F. Kennedy: speaker", "walter-cronkite: Walter Cronkite: interviewer"],
                              "place: Hyannis Port, MA\ncitation: {title: Television interview}\n"),
        "debate": document("The First Kennedy-Nixon Presidential Debate", "1960-09-26", "debate",
                           ["john-f-kennedy: John F. Kennedy: speaker", "richard-nixon: Richard Nixon: speaker", "howard-k-smith: Howard K. Smith: moderator"],
                           "place: Chicago\ncitation: {title: The first Kennedy-Nixon presidential debate}\n"),
        "testimony": document("Statement before the Senate Committee on Foreign Relations", "1971-04-22", "testimony", ["john-kerry: John Kerry: speaker"],
                              "place: Washington, DC\nissuer: Senate Committee on Foreign Relations\n"
                              + "hearing: 'Legislative Proposals Relating to the War in Southeast Asia: Hearings before the Committee on Foreign Relations'\n"
                              + "congress: 92\nsession: 1\n"
                              + "citation: {title: 'Statement <span class=\"nocase\">before</span> the Senate Committee on Foreign Relations'}\n"),
        "statement": document("Statement by the President on the Situation in Korea", "1950-06-27", "statement", ["harry-s-truman: Harry S. Truman: author"],
                              "citation: {title: Statement by the President on the situation in Korea}\n"),
        "letter": document("Letter to Horace Greeley", "1862-08-22", "letter", ["abraham-lincoln: Abraham Lincoln: author", "horace-greeley: Horace Greeley: recipient"]),
        "memorandum": document("Memorandum for the Secretary of State", "1961-03-08", "memorandum", ["mcgeorge-bundy: McGeorge Bundy: author"]),
        "treaty": document("The Atlantic Charter", "1941-08-14", "treaty", ["franklin-d-roosevelt: Franklin D. Roosevelt: author", "winston-churchill: Winston Churchill: author"],
                         "parties: [U.S., U.K.]\nseries: 55 Stat. 1603\n"),
        "report": document("United States Objectives and Programs for National Security", "1950-04-14", "report", ["paul-h-nitze: Paul H. Nitze: author"],
                           "issuer: National Security Council\nnumber: NSC 68\ncitation: {title: United States objectives and programs for national security}\n"),
    ]

    static func document(_ title: String, _ date: String, _ type: String, _ people: [String], _ more: String = "") -> String {
        let speakers = people.map { person -> String in
            let parts = person.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            return "  - id: \(parts[0])\n    name: \(parts[1])\n    as: \(parts[2])\n"
        }.joined()
        return markdownDocument(title: "\"\(title)\"", date: date, extra: "type: \(type)\nspeakers:\n\(speakers)\(more)")
    }

    /// Each fixture's entry in each style, rendered as the site renders it.
    static func entries(of fixtures: [String: String] = fixtures) throws -> [String: String] {
        var files: [String: String] = ["site.yml": "title: Primary Sources Online\nbase_url: https://example.org/\npublisher: Center for Primary Sources\n"]
        for (type, text) in fixtures { files["Content/documents/\(type).md"] = text }
        let site = try TestSite(files, theme: false)
        defer { site.remove() }
        let (loaded, diagnostics) = site.load()
        let built = try #require(loaded, "\(diagnostics)")
        let loader = CitationStyleLoader(siteDirectory: site.root, language: "en-US")
        let routes = Routes(config: built.config)
        var entries: [String: String] = [:]
        for style in styles {
            let loadedStyle = try loader.load(style)
            for document in built.documents {
                let json = CitationItem.make(for: document, config: built.config, url: routes.absolute(Routes.document(document.id))) { built.speaker($0)?.name }
                let item = try #require(try Citations.cslItems([json]).first)
                entries["\(document.type).\(style)"] = Citations.render(item, styles: [loadedStyle])[0].bibliographyText
            }
        }
        return entries
    }

    @Test func everyTypeAndStyleHasAGoldenOrAReason() throws {
        let goldens = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".txt") && $0 != "not-yet.txt" }
        let notYet = try String(contentsOf: Self.folder.appendingPathComponent("not-yet.txt"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains(":") }.map { String($0.prefix { $0 != ":" }) }
        let covered = goldens.map { String($0.dropLast(".txt".count)) } + notYet
        let expected = Self.types.flatMap { type in Self.styles.map { "\(type).\($0)" } }
        #expect(covered.sorted() == expected.sorted())
        // A pair is either right or explained, never both.
        #expect(Set(covered).count == covered.count)
    }

    @Test func entriesFollowTheirManuals() throws {
        let entries = try Self.entries()
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".txt") && $0 != "not-yet.txt" }
        #expect(!names.isEmpty)
        for name in names {
            let lines = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(lines.count == 2 && lines[0].hasPrefix("# ") && ["MLA Handbook 9th ed.", "APA Publication Manual 7th ed.", "Chicago Manual of Style 17th ed."]
                .contains { lines[0].contains($0) }, "\(name): a comment naming the manual's section, then the entry")
            #expect(entries[String(name.dropLast(".txt".count))] == lines.last, "\(name)")
        }
    }

    /// Testimony without its hearing and a treaty without its series are cited as they were before the legal
    /// forms (the official styles' forms, not the manuals'): nothing changes for a site that does not give them.
    @Test func withoutTheLegalDetailsTestimonyAndTreatiesAreCitedAsBefore() throws {
        let legalKeys = ["hearing:", "congress:", "session:", "parties:", "series:"]
        let plain = ["testimony", "treaty"].reduce(into: [String: String]()) { fixtures, type in
            fixtures[type] = Self.fixtures[type]!.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { line in !legalKeys.contains { line.hasPrefix($0) } }.joined(separator: "\n")
        }
        #expect(plain["testimony"]?.contains("hearing:") == false && plain["treaty"]?.contains("series:") == false)
        let entries = try Self.entries(of: plain)
        #expect(entries["testimony.apa"]
                == "Kerry, J. (1971, April 22). Statement before the Senate Committee on Foreign Relations [Testimony transcript]. Primary Sources Online. https://example.org/documents/testimony/")
        #expect(entries["testimony.chicago"]
                == "Kerry, John. “Statement before the Senate Committee on Foreign Relations.” Testimony, Senate Committee on Foreign Relations, Washington, DC, April 22, 1971. Primary Sources Online, Center for Primary Sources. https://example.org/documents/testimony/.")
        #expect(entries["treaty.apa"]
                == "The Atlantic Charter, Roosevelt-Churchill, August 14, 1941, Primary Sources Online, https://example.org/documents/treaty/")
        #expect(entries["treaty.chicago"]
                == "Roosevelt, Franklin D., and Winston Churchill. “The Atlantic Charter.” Primary Sources Online. Center for Primary Sources, August 14, 1941. https://example.org/documents/treaty/.")
    }
}
