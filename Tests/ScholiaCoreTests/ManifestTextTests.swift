import Testing
@testable import ScholiaPublish

/// The output's manifest after an in-place update: the last one's text when it lists exactly the same files,
/// else the files sorted anew; either way the same bytes a sort would give.
@Suite struct ManifestTextTests {
    static func sortedText(_ paths: [String]) -> String { paths.sorted().joined(separator: "\n") + "\n" }

    @Test func theSameFilesKeepTheLastText() {
        let paths = ["index.html", "documents/b/index.html", "documents/a/index.html"]
        let last = Self.sortedText(paths)
        #expect(OutputWriter.manifestText(paths, made: Set(paths), last: last) == last)
    }

    @Test func otherFilesOrADamagedLastManifestAreSortedAnew() {
        let paths = ["index.html", "documents/b/index.html", "documents/a/index.html"]
        let cases = [
            Self.sortedText(paths + ["gone.html"]),                  // a file no longer made
            Self.sortedText(["index.html", "documents/a/index.html"]), // a new file
            Self.sortedText(["index.html", "documents/a/index.html", "documents/c/index.html"]), // one changed for another
            paths.joined(separator: "\n") + "\n",                      // not sorted
            Self.sortedText(paths).dropLast() + "",                    // no final line break
            "",
        ]
        for last in cases {
            #expect(OutputWriter.manifestText(paths, made: Set(paths), last: String(last)) == Self.sortedText(paths), "\(last)")
        }
        // A path made twice is listed twice, as sorting gives it.
        let twice = paths + ["index.html"]
        #expect(OutputWriter.manifestText(twice, made: Set(twice), last: Self.sortedText(paths)) == Self.sortedText(twice))
    }
}
