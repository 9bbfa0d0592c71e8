import Foundation
import Search
import ScholiaModel
import ScholiaRender

/// `.scholia-cache/search-state`: the state of the search index the last build wrote (`IndexState`), so that
/// the next build can update the index rather than plan it whole. It is trusted only if it names exactly the
/// index files the pages cache recorded, with their fingerprints: a state left by another build is not used.
enum SearchStateCache {
    static let name = "search-state"

    /// The last build's index, with a reader of its files that gives a file only while it is as that build wrote it.
    static func memory(cacheFolder: URL, records: PageRecords, output: String) -> SearchIndexMemory {
        let state = FileManager.default.contents(atPath: cacheFolder.appendingPathComponent(name).path).flatMap(IndexState.init(encoded:))
        let recorded = records.jobs.keys.filter { $0.hasPrefix(Routes.search) && IndexState.holds(String($0.dropFirst(Routes.search.count))) }.count
        let agrees = state.map { state in
            state.files.count == recorded && state.files.allSatisfy { records.jobs[Routes.search + $0.key]?.fingerprint == $0.value }
        } ?? false
        return SearchIndexMemory(previous: agrees ? state : nil) { path in
            guard let job = records.jobs[Routes.search + path], job.files.count == 1, let file = job.files.first,
                  let found = PageRecords.stat(output + "/" + file.path), found == (file.size, file.modified) else { return nil }
            return FileManager.default.contents(atPath: output + "/" + file.path)
        }
    }

    /// Keeps the state of the index this build planned, or removes the last one if it planned none.
    static func save(_ memory: SearchIndexMemory, to folder: URL) {
        let url = folder.appendingPathComponent(name)
        if let state = memory.next {
            try? state.encoded.write(to: url, options: .atomic)
        } else {
            try? FileManager.default.removeItem(at: url)
        }
    }
}
