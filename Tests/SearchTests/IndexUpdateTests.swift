import Foundation
import Testing
@testable import Search

/// An index updated from the last build's files and state must be, file for file, the index planned whole.
@Suite struct IndexUpdateTests {
    /// A small site through rounds of random edits to one to three documents (words replaced, paragraphs added
    /// and dropped, words that appear in or vanish from the whole site, a title changed); after each, the files
    /// the update makes, keeps and removes must give exactly the files of the whole plan, and its state the
    /// whole plan's state.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func updatesGiveTheFilesOfAWholePlan(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let writer = IndexWriter(language: "en")
        var documents = (0..<60).map { number in Self.randomDocument(number, version: 0, &random) }
        var keys = documents.indices.map { UInt64($0) << 32 }
        var (files, state) = Self.plan(writer, documents, keys)
        var entries: [UInt64: Data] = [:]
        for (key, document) in zip(keys, documents) { entries[key] = writer.entry(for: document).encodedText }
        var updated = 0, rounds = 0
        for round in 1...30 {
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let ordinal = Int.random(in: 0..<documents.count, using: &random)
                documents[ordinal] = Self.edit(documents[ordinal], round: round, &random)
                keys[ordinal] = UInt64(ordinal) << 32 | UInt64(round)
            }
            let newEntries = documents.map { writer.entry(for: $0) }
            for (key, entry) in zip(keys, newEntries) { entries[key] = entry.encodedText }
            let (expected, expectedState) = Self.plan(writer, documents, keys)
            rounds += 1
            let previousFiles = files
            guard let update = IndexUpdate(writer: writer, previous: state, documents: newEntries.map(\.document), keys: keys, entry: { newEntries[$0] },
                                           oldEntry: { entries[$0] }, previousFile: { previousFiles[$0] }) else {
                (files, state) = (expected, expectedState)
                continue
            }
            updated += 1
            var result = files.filter { !update.removed.contains($0.key) }
            for file in update.made + update.summary { result[file.path] = file.data }
            let context = "seed \(seed), round \(round)"
            #expect(Set(result.keys) == Set(expected.keys), "\(context): \(Set(result.keys).symmetricDifference(expected.keys).sorted())")
            for (path, data) in expected where result[path] != data {
                Issue.record("\(context): \(path) differs:\n\(String(decoding: result[path] ?? Data(), as: UTF8.self))\nexpected:\n\(String(decoding: data, as: UTF8.self))")
            }
            var next = update.state
            for file in update.made { next.files[file.path] = Self.fingerprint(file.data) }
            #expect(next.encoded == expectedState.encoded, "\(context): the state differs from the whole plan's")
            (files, state) = (result, next)
        }
        // The test means something only if most rounds were updates.
        #expect(updated * 3 >= rounds * 2, "seed \(seed): \(updated) updates in \(rounds) rounds")
    }

    @Test func aMissingFileOrOldEntryOrTooManyChangesPlansWhole() throws {
        var random = SeededRandom(seed: 9)
        let writer = IndexWriter(language: "en")
        var documents = (0..<30).map { Self.randomDocument($0, version: 0, &random) }
        var keys = documents.indices.map { UInt64($0) }
        let (files, state) = Self.plan(writer, documents, keys)
        let original = documents.map { writer.entry(for: $0) }
        let old = Dictionary(uniqueKeysWithValues: zip(keys, documents.map { writer.entry(for: $0).encodedText }))
        documents[3] = Self.edit(documents[3], round: 1, &random)
        keys[3] = 1000
        let entries = documents.map { writer.entry(for: $0) }
        #expect(IndexUpdate(writer: writer, previous: state, documents: entries.map(\.document), keys: keys, entry: { entries[$0] }, oldEntry: { old[$0] }, previousFile: { files[$0] }) != nil)
        // A file the last build wrote that is not there as written.
        #expect(IndexUpdate(writer: writer, previous: state, documents: entries.map(\.document), keys: keys, entry: { entries[$0] }, oldEntry: { old[$0] }, previousFile: { _ in nil }) == nil)
        // A file edited into something that is not an index file.
        #expect(IndexUpdate(writer: writer, previous: state, documents: entries.map(\.document), keys: keys, entry: { entries[$0] }, oldEntry: { old[$0] },
                            previousFile: { $0.hasPrefix("words/") ? files[$0] : Data("{\"a\":[1,}\n".utf8) }) == nil)
        // The old entry of the changed document is gone.
        #expect(IndexUpdate(writer: writer, previous: state, documents: entries.map(\.document), keys: keys, entry: { entries[$0] }, oldEntry: { $0 == 3 ? nil : old[$0] }, previousFile: { files[$0] }) == nil)
        // Another language, or a document more.
        #expect(IndexUpdate(writer: IndexWriter(language: "fr"), previous: state, documents: entries.map(\.document), keys: keys, entry: { entries[$0] }, oldEntry: { old[$0] }, previousFile: { files[$0] }) == nil)
        #expect(IndexUpdate(writer: writer, previous: state, documents: (entries + [entries[0]]).map(\.document), keys: keys + [7], entry: { entries[$0] }, oldEntry: { old[$0] }, previousFile: { files[$0] }) == nil)
        // Nothing changed: nothing is made but the summary.
        let same = IndexUpdate(writer: writer, previous: state, documents: original.map(\.document), keys: state.entryKeys, entry: { original[$0] }, oldEntry: { old[$0] }, previousFile: { files[$0] })
        #expect(same?.made.isEmpty == true && same?.removed.isEmpty == true && same?.summary.isEmpty == false)
    }

    /// A word replaced in a long document keeps its length as BM25 takes it: only the files of the words and
    /// pairs that changed are made again, not those of every word the document uses.
    @Test func aWordReplacedMakesOnlyTheFilesOfWhatChanged() throws {
        var random = SeededRandom(seed: 12)
        let writer = IndexWriter(language: "en")
        let long = (0..<40).map { paragraph in (0..<10).map { "word\(paragraph * 10 + $0)" }.joined(separator: " ") }
        var documents = (0..<300).map { Self.randomDocument($0, version: 0, &random) } + [document("long", long)]
        var keys = documents.indices.map { UInt64($0) }
        let (files, state) = Self.plan(writer, documents, keys)
        let old = Dictionary(uniqueKeysWithValues: zip(keys, documents.map { writer.entry(for: $0).encodedText }))
        var edited = long
        edited[17] = edited[17].replacingOccurrences(of: "word173", with: "fresh")
        documents[300] = document("long", edited)
        keys[300] = 1000
        let entries = documents.map { writer.entry(for: $0) }
        let heads: [SearchDocument] = entries.map(\.document)
        let made: IndexUpdate? = IndexUpdate(writer: writer, previous: state, documents: heads, keys: keys, entry: { entries[$0] },
                                             oldEntry: { old[$0] }, previousFile: { files[$0] })
        let update = try #require(made)
        let reached = Set((0..<400).map { IndexFormat.shardPath(IndexFormat.shard(of: "word\($0)", count: state.termShardCount), count: state.termShardCount) })
        // The document reaches every terms shard; before, an edit made them all again.
        #expect(reached.count == state.termShardCount && state.termShardCount >= 8 && state.pairShardCount >= 8)
        // The old and new word's postings, and the pairs each stood in (two before, two after).
        let terms = update.made.filter { $0.path.hasPrefix("terms/") }, pairs = update.made.filter { $0.path.hasPrefix("pairs/") }
        #expect(terms.count <= 2 && pairs.count <= 4, "\(update.made.map(\.path))")
        #expect(IndexFormat.scoringLength(400) == IndexFormat.scoringLength(401))
    }

    /// A speaker renamed changes the heads of many documents (more than `alwaysUpdated`) but reaches few files:
    /// it is an update, file for file the whole plan. Many documents rewritten reach most files: planned whole.
    @Test func aRenameInManyHeadsIsUpdatedAndManyRewritesArePlannedWhole() throws {
        var random = SeededRandom(seed: 21)
        let writer = IndexWriter(language: "en")
        var documents = (0..<400).map { Self.randomDocument($0, version: 0, &random) }
        // The renamed speaker's documents share a title, so that the pairs the name stands in are few.
        for ordinal in stride(from: 0, to: 400, by: 10) { documents[ordinal].title = "Press conference" }
        var keys = documents.indices.map { UInt64($0) }
        let (files, state) = Self.plan(writer, documents, keys)
        let old = Dictionary(uniqueKeysWithValues: zip(keys, documents.map { writer.entry(for: $0).encodedText }))
        #expect(state.termShardCount >= 4 && state.pairShardCount >= 16)

        var renamed = documents
        for ordinal in stride(from: 0, to: 400, by: 10) {
            renamed[ordinal].speakers = [.init(id: "ada", label: "ADELAIDE")]
            keys[ordinal] += 1000
        }
        var entries = renamed.map { writer.entry(for: $0) }
        let heads: [SearchDocument] = entries.map(\.document)
        let renameEntries = entries
        let made: IndexUpdate? = IndexUpdate(writer: writer, previous: state, documents: heads, keys: keys, entry: { renameEntries[$0] },
                                             oldEntry: { old[$0] }, previousFile: { files[$0] })
        let update = try #require(made)
        #expect(keys.indices.filter { keys[$0] != state.entryKeys[$0] }.count > IndexUpdate.alwaysUpdated)
        var result = files.filter { !update.removed.contains($0.key) }
        for file in update.made + update.summary { result[file.path] = file.data }
        let (expected, _) = Self.plan(writer, renamed, keys)
        #expect(result == expected)
        #expect(update.made.count < 12, "\(update.made.map(\.path))")

        // The same words in another order: lengths and terms stay, most pairs change.
        for ordinal in stride(from: 0, to: 400, by: 10) {
            documents[ordinal].paragraphs = documents[ordinal].paragraphs.map { paragraph in
                var shuffled = paragraph
                shuffled.text = paragraph.text.split(separator: " ").shuffled(using: &random).joined(separator: " ")
                return shuffled
            }
        }
        entries = documents.map { writer.entry(for: $0) }
        let rewriteEntries = entries
        let rewritten: IndexUpdate? = IndexUpdate(writer: writer, previous: state, documents: rewriteEntries.map(\.document), keys: keys,
                                                  entry: { rewriteEntries[$0] }, oldEntry: { old[$0] }, previousFile: { files[$0] })
        #expect(rewritten == nil)
    }

    @Test func scoringLengthsKeepFourSignificantBits() {
        #expect((0...15).map(IndexFormat.scoringLength) == Array(0...15))
        #expect([16, 17, 31, 32, 33, 35, 36, 655, 700, 1_000_000].map(IndexFormat.scoringLength) == [16, 16, 30, 32, 32, 32, 36, 640, 640, 983_040])
        for length in [0, 5, 16, 100, 655, 12_345, 1 << 40] {
            let scored = IndexFormat.scoringLength(length)
            #expect(IndexFormat.scoringLength(scored) == scored && scored <= length && Double(scored) >= Double(length) * 0.88)
        }
    }

    @Test func theStateReadsBackAndADamagedOneIsNotRead() throws {
        var random = SeededRandom(seed: 5)
        let writer = IndexWriter(language: "en")
        let documents = (0..<10).map { Self.randomDocument($0, version: 0, &random) }
        let (_, state) = Self.plan(writer, documents, documents.indices.map { UInt64($0) })
        let data = state.encoded
        #expect(IndexState(encoded: data) == state)
        var damaged = data
        damaged[data.count / 2] ^= 1
        #expect(IndexState(encoded: damaged) == nil)
        #expect(IndexState(encoded: data.dropLast(3)) == nil)
        #expect(IndexState(encoded: Data()) == nil)
    }

    @Test func keyedNumbersReadWhatTheWriterWrites() {
        let entries: [(String, [Int])] = [("alpha", [0, 138, 1, 100]), ("état", []), ("a 3 b", [12, -4])]
        let parsed = KeyedNumbers.parse(KeyedNumbers.data(entries))
        #expect(parsed?.map(\.0) == entries.map(\.0))
        #expect(parsed?.map(\.1) == entries.map(\.1))
        #expect(KeyedNumbers.parse(Data("{}\n".utf8))?.isEmpty == true)
        for broken in ["{", "{\"a\":[1,]}\n", "{\"a\\\"\":[1]}\n", "{\"a\":[1]}", "{\"a\":[1]}\nx", "[\"a\"]\n"] {
            #expect(KeyedNumbers.parse(Data(broken.utf8)) == nil, "\(broken)")
        }
    }

    /// A stem's postings changed in place (`IndexUpdate.splicedPostings`): the text of the postings decoded, changed and
    /// written whole, for lists long and short, documents changed at the start, the middle, the end, past the end, a
    /// document dropped from a list and one joining it; and nil for text that is not postings.
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func postingsSplicedAreThePostingsWrittenWhole(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        for _ in 0..<300 {
            let size = Int.random(in: 0...40, using: &random)
            let ordinals = (0..<size * 2).shuffled(using: &random).prefix(size).sorted()
            let postings = ordinals.map { ($0, Int.random(in: 1...999, using: &random)) }
            let removing = Set((0..<Int.random(in: 1...4, using: &random)).map { _ in Int.random(in: 0...(size * 2 + 2), using: &random) })
            let adding = removing.filter { _ in Bool.random(using: &random) }.sorted().map { (ordinal: $0, impact: Int.random(in: 1...999, using: &random)) }
            var expected = postings.filter { !removing.contains($0.0) } + adding.map { ($0.ordinal, $0.impact) }
            expected.sort { $0.0 < $1.0 }
            let text = Self.postingsText(postings), expectedText = Self.postingsText(expected)
            let spliced = Array(text.utf8).withUnsafeBytes { IndexUpdate.splicedPostings($0, removing: removing, adding: adding) }
            #expect(spliced.map { String(decoding: $0, as: UTF8.self) } == expectedText, "\(text) - \(removing.sorted()) + \(adding)")
        }
        for broken in ["1", "1,2,", ",1,2", "1,,2", "1,x", "-1,2", "1,2,3"] {
            #expect(Array(broken.utf8).withUnsafeBytes { IndexUpdate.splicedPostings($0, removing: [5], adding: [(5, 1)]) } == nil, "\(broken)")
        }
    }

    /// A pair's entries changed in place (`IndexUpdate.splicedPairEntries`), each entry a gap, a length, a count and that
    /// many places: the text of the entries decoded, changed and written whole.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func pairEntriesSplicedAreTheEntriesWrittenWhole(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        func rest() -> [Int] {
            let count = Int.random(in: 0...3, using: &random)
            return [Int.random(in: 1...90, using: &random), count] + (0..<2 * count).map { _ in Int.random(in: 0...300, using: &random) }
        }
        for _ in 0..<300 {
            let size = Int.random(in: 0...30, using: &random)
            let entries = (0..<size * 2).shuffled(using: &random).prefix(size).sorted().map { ($0, rest()) }
            let removing = Set((0..<Int.random(in: 1...4, using: &random)).map { _ in Int.random(in: 0...(size * 2 + 2), using: &random) })
            let adding = removing.filter { _ in Bool.random(using: &random) }.sorted().map { (ordinal: $0, numbers: rest()) }
            var expected = entries.filter { !removing.contains($0.0) } + adding.map { ($0.ordinal, $0.numbers) }
            expected.sort { $0.0 < $1.0 }
            func text(_ entries: [(Int, [Int])]) -> String {
                var last = 0
                return entries.map { entry in
                    defer { last = entry.0 }
                    return ([entry.0 - last] + entry.1).map(String.init).joined(separator: ",")
                }.joined(separator: ",")
            }
            let spliced = Array(text(entries).utf8).withUnsafeBytes { IndexUpdate.splicedPairEntries($0, removing: removing, adding: adding) }
            #expect(spliced.map { String(decoding: $0, as: UTF8.self) } == text(expected), "\(text(entries)) - \(removing.sorted())")
        }
        // An entry cut short: its places fewer than its count says.
        #expect(Array("3,7,2,1,1".utf8).withUnsafeBytes { IndexUpdate.splicedPairEntries($0, removing: [9], adding: []) } == nil)
    }

    /// Postings (ordinal, impact) as the index writes them: gap to the last ordinal, impact, comma-separated.
    static func postingsText(_ postings: [(Int, Int)]) -> String {
        var last = 0
        return postings.map { posting in
            defer { last = posting.0 }
            return "\(posting.0 - last),\(posting.1)"
        }.joined(separator: ",")
    }

    // MARK: - Support

    static func plan(_ writer: IndexWriter, _ documents: [SearchDocument], _ keys: [UInt64]) -> (files: [String: Data], state: IndexState) {
        var (plans, state) = writer.plan(for: documents.map { writer.entry(for: $0) })
        state.entryKeys = keys
        var files: [String: Data] = [:]
        for plan in plans {
            let data = plan.make()
            files[plan.path] = data
            if IndexState.holds(plan.path) { state.files[plan.path] = fingerprint(data) }
        }
        return (files, state)
    }

    static func fingerprint(_ data: Data) -> UInt64 { UInt64(truncatingIfNeeded: data.hashValue) }

    static let vocabulary = ["state", "states", "stated", "union", "unions", "trade", "trading", "war", "wars", "treaty", "treaties",
                             "peace", "peaceful", "arms", "control", "controls", "minister", "president", "the", "of", "and", "a",
                             "nation", "nations", "national", "river", "bridge", "talks", "talked", "talking", "oil", "grain",
                             "1962", "berlin", "moscow", "état", "communiqué", "zoning", "zone", "zones"]

    static func randomParagraph(_ random: inout SeededRandom, rare: String? = nil) -> String {
        var words = (0..<Int.random(in: 3...14, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
        if let rare { words.insert(rare, at: Int.random(in: 0...words.count, using: &random)) }
        return words.joined(separator: " ")
    }

    static func randomDocument(_ number: Int, version: Int, _ random: inout SeededRandom) -> SearchDocument {
        let paragraphs = (0..<Int.random(in: 2...6, using: &random)).map { _ in randomParagraph(&random, rare: Bool.random(using: &random) ? "rare\(number)x\(version)" : nil) }
        return document("doc-\(number)", year: 1950 + number, title: "Document \(number)", speakers: ["ada"], paragraphs)
    }

    static func edit(_ document: SearchDocument, round: Int, _ random: inout SeededRandom) -> SearchDocument {
        var document = document
        var paragraphs = document.paragraphs.map(\.text)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: paragraphs[Int.random(in: 0..<paragraphs.count, using: &random)] = randomParagraph(&random)
        // Words of one stem under two words files ("ad" and "ads"), seldom used: they come and go.
        case 1: paragraphs.append(randomParagraph(&random, rare: ["new\(round)word", "ad", "ads", "up", "ups"].randomElement(using: &random)!))
        case 2 where paragraphs.count > 1: paragraphs.remove(at: Int.random(in: 0..<paragraphs.count, using: &random))
        case 3: document.title = "Document retitled \(round)"
        default: paragraphs = paragraphs.map { $0.replacingOccurrences(of: "rare", with: "seldom") }
        }
        document.paragraphs = paragraphs.enumerated().map { .init(number: $0 + 1, speaker: "ADA", text: $1) }
        return document
    }
}
