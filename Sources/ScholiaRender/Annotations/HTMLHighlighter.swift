import ScholiaModel

/// Marks annotated passages in a paragraph's inner HTML.
///
/// Each passage becomes `<mark class="annotation kind-KIND" data-anno="N" id="anno-N-ref">…</mark>`
/// followed by its numbered reference `<a class="anno-ref kind-KIND" href="#anno-N" role="doc-noteref"
/// aria-label="Note N">N</a>`. The markup stays well formed: a mark never contains a tag of the
/// paragraph's own (only text, entities, line breaks and comments), so where a passage crosses into or out of
/// `<em>`, `<a>` and the like, the mark is closed before the tag and reopened after it; every part has
/// the same class and `data-anno`, and only the first carries the id. Overlapping passages nest: where
/// an outer mark ends before an inner one, the inner one is closed and reopened around the end. A
/// reference is never put inside a link of the text (links cannot nest), but right after it.
enum HTMLHighlighter {
    package struct Highlight: Sendable, Hashable {
        /// Character offsets in the paragraph's `plainText`.
        package var range: Range<Int>
        package var number: Int
        package var kind: AnnotationKind

        package init(range: Range<Int>, number: Int, kind: AnnotationKind) {
            self.range = range
            self.number = number
            self.kind = kind
        }
    }

    /// The paragraph's HTML with the highlights marked. Each highlight goes where the paragraph's layout
    /// (recorded when its HTML was written) puts its plain-text offsets: the HTML is not read again.
    static func highlight(_ paragraph: TranscriptParagraph, _ highlights: [Highlight]) -> String {
        guard !highlights.isEmpty else { return paragraph.html }
        var writer = Writer(highlights: scalarRanges(paragraph.plainText, highlights))
        let html = paragraph.html.utf8
        var start = html.startIndex
        for piece in paragraph.layout.pieces {
            let end = html.index(start, offsetBy: piece.htmlLength)
            let raw = Substring(html[start..<end])
            start = end
            switch piece.kind {
            case .text:
                for unit in textUnits(raw) { writer.text(unit, length: 1) }
            case .atom where piece.textLength > 0:
                writer.text(raw, length: piece.textLength)
            case .atom, .inline:
                writer.inline(raw)
            case .open, .openLink:
                writer.tag(raw, opening: piece.kind == .openLink)
            case .close, .closeLink:
                writer.tag(raw, closing: piece.kind == .closeLink)
            }
        }
        return writer.finish()
    }

    /// The HTML of each plain-text scalar of a text piece: the scalar, or the entity written for it. The
    /// piece is escaped text, so an `&` always starts an entity that ends at the next `;`.
    private static func textUnits(_ raw: Substring) -> [Substring] {
        var units: [Substring] = []
        let scalars = raw.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            var end = scalars.index(after: index)
            if scalars[index] == "&", let semicolon = scalars[index...].firstIndex(of: ";") {
                end = scalars.index(after: semicolon)
            }
            units.append(Substring(scalars[index..<end]))
            index = end
        }
        return units
    }

    /// The highlights with their ranges converted from Characters to Unicode scalars of the plain text,
    /// the unit the writer counts in (a grapheme may join across a tag; a scalar never does).
    private static func scalarRanges(_ text: String, _ highlights: [Highlight]) -> [Highlight] {
        var scalarOffsets: [Int] = [0]
        scalarOffsets.reserveCapacity(text.count + 1)
        for character in text { scalarOffsets.append(scalarOffsets[scalarOffsets.count - 1] + character.unicodeScalars.count) }
        func convert(_ offset: Int) -> Int { scalarOffsets[min(max(offset, 0), scalarOffsets.count - 1)] }
        return highlights.map { highlight in
            var converted = highlight
            let start = convert(highlight.range.lowerBound)
            converted.range = start..<max(start, convert(highlight.range.upperBound))
            return converted
        }
    }

    /// Writes the HTML with marks, keeping track of what is open.
    private struct Writer {
        let highlights: [Highlight]
        var output = ""
        /// Open marks, innermost last, as indices into `highlights`.
        var openMarks: [Int] = []
        /// Marks that have had their first part (the one with the id).
        var started: Set<Int> = []
        /// Highlights whose passage is over and whose reference is still to be written.
        var pendingReferences: [Int] = []
        var referenced: Set<Int> = []
        /// How many of the paragraph's own links are open, to keep references out of them.
        var openLinks = 0
        /// Position in the text content, in Unicode scalars.
        var position = 0

        init(highlights: [Highlight]) { self.highlights = highlights }

        mutating func text(_ raw: Substring, length: Int) {
            settle()
            // A unit belongs to every passage it overlaps; an entity or image is never split.
            let wanted = highlights.indices.filter { index in
                let range = highlights[index].range
                return range.lowerBound < position + max(length, 1) && range.upperBound > position
            }
            keepOnly(Set(wanted))
            let toOpen = wanted.filter { !openMarks.contains($0) }
                .sorted { (highlights[$0].range.upperBound, highlights[$1].number) > (highlights[$1].range.upperBound, highlights[$0].number) }
            for index in toOpen { open(index) }
            output += raw
            position += length
        }

        /// A void element or comment: it may sit inside a mark.
        mutating func inline(_ raw: Substring) {
            settle()
            output += raw
        }

        mutating func tag(_ raw: Substring, opening isLink: Bool) {
            settle()
            keepOnly([])
            output += raw
            if isLink { openLinks += 1 }
        }

        mutating func tag(_ raw: Substring, closing isLink: Bool) {
            // References wait until after end tags, so that one follows `</em>` rather than sitting in it.
            closeEndedMarks()
            collectEndedPassages()
            keepOnly([])
            output += raw
            if isLink { openLinks = max(openLinks - 1, 0) }
        }

        mutating func finish() -> String {
            keepOnly([])
            collectEndedPassages()
            // Passages past the end of the text (bad offsets) still get their reference.
            pendingReferences += highlights.indices.filter { !referenced.contains($0) && !pendingReferences.contains($0) }
            writeReferences(force: true)
            return output
        }

        /// Closes marks whose passage has ended and writes the references that may go here.
        private mutating func settle() {
            closeEndedMarks()
            collectEndedPassages()
            writeReferences(force: false)
        }

        /// Closes the first mark whose passage has ended, with every mark inside it; those still going
        /// reopen at the next text, after the references, so that a reference sits outside them.
        private mutating func closeEndedMarks() {
            guard let first = openMarks.firstIndex(where: { highlights[$0].range.upperBound <= position }) else { return }
            for _ in openMarks[first...] { output += "</mark>" }
            openMarks.removeSubrange(first...)
        }

        private mutating func collectEndedPassages() {
            // An empty passage gets its reference where it would start.
            for index in highlights.indices where highlights[index].range.upperBound <= position
                && !referenced.contains(index) && !pendingReferences.contains(index) {
                pendingReferences.append(index)
            }
        }

        private mutating func writeReferences(force: Bool) {
            guard !pendingReferences.isEmpty, force || openLinks == 0 else { return }
            for index in pendingReferences.sorted(by: { highlights[$0].number < highlights[$1].number }) {
                let highlight = highlights[index]
                let kind = highlight.kind.rawValue
                // Out of the Tab order: the note itself is the next stop after its paragraph, one stop per note.
                output += "<a class=\"anno-ref kind-\(kind)\" href=\"#anno-\(highlight.number)\" role=\"doc-noteref\" tabindex=\"-1\" "
                    + "aria-label=\"\(highlight.kind.title) \(highlight.number)\">\(highlight.number)</a>"
                referenced.insert(index)
            }
            pendingReferences = []
        }

        /// Closes every open mark not in `wanted`, with the marks inside it, and reopens those still wanted.
        private mutating func keepOnly(_ wanted: Set<Int>) {
            guard let first = openMarks.firstIndex(where: { !wanted.contains($0) }) else { return }
            let closed = openMarks[first...]
            for _ in closed { output += "</mark>" }
            openMarks.removeSubrange(first...)
            for index in closed where wanted.contains(index) { open(index) }
        }

        private mutating func open(_ index: Int) {
            let highlight = highlights[index]
            output += "<mark class=\"annotation kind-\(highlight.kind.rawValue)\" data-anno=\"\(highlight.number)\""
            if started.insert(index).inserted { output += " id=\"anno-\(highlight.number)-ref\"" }
            output += ">"
            openMarks.append(index)
        }
    }
}
