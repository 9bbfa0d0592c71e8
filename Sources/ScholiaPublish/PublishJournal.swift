import Foundation
import ScholiaModel

/// `.scholia-cache/publishing`: written and synced before a build changes its output, removed only once the
/// output, its manifest and the caches all describe that build. Found by the next build, it means the last
/// one stopped half way: its caches are not trusted (everything is rendered again and published with a
/// swap), and the files it lists are known to be Scholia's, not someone else's, so they can be replaced.
package struct PublishJournal {
    let file: URL
    let output: String

    init(cacheFolder: URL, output: String) {
        file = cacheFolder.appendingPathComponent("publishing")
        self.output = output
    }

    /// Whether a build stopped while publishing (to any output).
    package var isPresent: Bool { access(file.path, F_OK) == 0 }

    /// The paths an interrupted build may have written into this output (with their `.scholia-new`
    /// temporaries): empty when there was none or it wrote elsewhere.
    func interruptedPaths() -> Set<String> {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "scholia-publishing " + output else { return [] }
        var paths = Set<String>()
        for path in lines.dropFirst() where !path.isEmpty {
            paths.insert(path)
            paths.insert(path + OutputWriter.temporarySuffix)
        }
        return paths
    }

    /// Records, before they are written, the output paths an update is about to change (adding to those of
    /// an interrupted build, which may still be there).
    func begin(writing paths: [String]) throws {
        let all = Set(paths).union(interruptedPaths().filter { !$0.hasSuffix(OutputWriter.temporarySuffix) })
        let text = (["scholia-publishing " + output] + all.sorted()).joined(separator: "\n") + "\n"
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try POSIXFiles.replace(file.path, with: Data(text.utf8), sync: true)
        // The journal's name must reach the disk before any output file changes, or a power cut could keep
        // changed files and lose the journal that says they are unfinished.
        try POSIXFiles.syncFolder(file.deletingLastPathComponent().path)
    }

    /// The build is complete: its output and caches agree.
    package func end() {
        FaultInjection.step()
        unlink(file.path)
    }
}
