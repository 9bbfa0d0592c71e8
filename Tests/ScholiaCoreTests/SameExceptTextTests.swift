import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaCore

/// `TextEdits.sameExceptText`, which lets a save or a build take the quick path: any field but the text that differs
/// (compared by `==` where the field's type has it, by description where it has not) makes it take the full one.
@Suite struct SameExceptTextTests {
    static let document = Document(
        id: "a", sourcePath: "Content/documents/a.md", title: "A", date: DocumentDate(start: PartialDate(year: 1990)), type: "speech",
        participants: [Participant(speakerID: "kerry", participation: .speaker)], topicIDs: ["trade"], summaryHTML: "<p>S</p>",
        source: SourceInfo(), isDraft: false, transcript: Transcript(turns: []),
        annotations: [], citationOverrides: [("publisher", .string("Office"))])

    @Test func theTextAndWhatFollowsFromItMayDiffer() {
        var edited = Self.document
        edited.transcript = Transcript(turns: [TranscriptTurn(label: "KERRY", speakerID: "kerry", isDeclaredSpeaker: true, blocks: [])])
        edited.contentKey = 42
        edited.transcriptIsOmitted = true
        #expect(TextEdits.sameExceptText(edited, Self.document))
    }

    @Test func anyOtherFieldThatDiffersIsSeen() {
        let changes: [(String, (inout Document) -> Void)] = [
            ("title", { $0.title = "B" }),
            ("date", { $0.date = DocumentDate(start: PartialDate(year: 1991)) }),
            ("participants", { $0.participants[0].role = "host" }),
            ("topics", { $0.topicIDs = [] }),
            ("summary, something to nothing", { $0.summaryHTML = nil }),
            ("excerpt, nothing to something", { $0.excerpt = "Excerpt" }),
            ("source", { $0.source.publisher = "Press" }),
            ("a citation override, whose type has no ==", { $0.citationOverrides = [("publisher", .string("Other office"))] }),
            ("details", { $0.details.place = "Geneva" }),
        ]
        for (field, change) in changes {
            var edited = Self.document
            change(&edited)
            #expect(!TextEdits.sameExceptText(edited, Self.document), "\(field)")
            #expect(!TextEdits.sameExceptText(Self.document, edited), "\(field), the other way")
        }
    }

    @Test func valuesCompareByEqualityOrByDescription() {
        #expect(TextEdits.same("a", "a"))
        #expect(!TextEdits.same("a", "b"))
        #expect(!TextEdits.same(Optional("a"), Optional<String>.none))
        #expect(TextEdits.same(Optional<String>.none, Optional<String>.none))
        #expect(!TextEdits.same(1, "1"))
        #expect(TextEdits.same([("x", 1)], [("x", 1)]))
        #expect(!TextEdits.same([("x", 1)], [("x", 2)]))
    }
}
