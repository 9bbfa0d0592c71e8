import Foundation
import ScholiaModel
import ScholiaLoad
import ScholiaRender

/// `scholia build`'s quick path, for the common edit: the text of a few documents changed, and nothing that any other
/// page shows of them (`TextEdits` is the same path in the preview, which keeps its last plan in memory). The site the
/// last build resolved is read back from its snapshot (`SiteSnapshot`) rather than loaded and resolved again, and only
/// the changed documents' pages and the search index are planned: every other page is the last build's, since nothing
/// it shows changed. Any other change (another kind of file, a file added or removed, a changed title, date, speaker,
/// topic, summary, note…, a warning, a theme or setting) is left to the full build.
struct QuickBuild {
    /// The site as it is now, ready to render the changed documents' pages.
    let prepared: PreparedSite
    /// The snapshot to save for the next build.
    let snapshot: SiteSnapshot
    /// The documents read again.
    let documentIDs: [String]
    let documentPaths: Set<String>
    /// The jobs kept from the last build: all but those documents' pages and the search index.
    let kept: [String]

    /// What the quick build reads before it needs the last build's records: the last build's site and how to read a
    /// document again, started on a thread of its own as soon as the changed files are known.
    final class Reading: Sendable {
        fileprivate let changedFiles: Set<String>
        /// The key of the last build, which its snapshot must have.
        fileprivate let lastKey: String
        fileprivate let reader: Concurrent<DocumentReader?>
        fileprivate let snapshot: Concurrent<SiteSnapshot?>
        /// The documents cache, which the full build reads too when the quick one cannot be made.
        let documents: Concurrent<DocumentCache>

        /// Started in the order they are needed: the work queue runs them in that order, and the build's other reads
        /// (the pages records, the output's checks) after them. None waits for another, which would hold a thread.
        fileprivate init(changedFiles: Set<String>, lastKey: String, _ options: BuildOptions, stamps: FileStamps, cacheFolder: URL) {
            self.changedFiles = changedFiles
            self.lastKey = lastKey
            // The documents are those of the last build (only their bytes changed): looked up among the files the
            // stamps saw, not listed again.
            let site = options.siteDirectory.path + "/"
            reader = Concurrent {
                ContentLoader(siteDirectory: options.siteDirectory, includeDrafts: options.includeDrafts).documentReader { stamps.wasSeen(site + $0) }
            }
            snapshot = Concurrent { SiteSnapshot.read(from: cacheFolder) }
            documents = Concurrent { DocumentCache.read(from: cacheFolder) }
        }
    }

    /// Starts reading for a quick build, or nil when the changed files (by `stamps`, which have looked at every file of
    /// `Content/` for the build key) are not all documents, or there is no last build (whose key is `lastKey`).
    static func start(_ options: BuildOptions, stamps: FileStamps, lastKey: String?, cacheFolder: URL) -> Reading? {
        let site = options.siteDirectory.path + "/"
        guard let lastKey, let changedFiles = stamps.changes(under: site + "Content/"), !changedFiles.isEmpty,
              changedFiles.allSatisfy({ $0.hasPrefix(site + "Content/documents/") }) else { return nil }
        return Reading(changedFiles: Set(changedFiles.map { String($0.dropFirst(site.count)) }), lastKey: lastKey, options, stamps: stamps,
                       cacheFolder: cacheFolder)
    }

    /// The quick build of `options`' site, or nil when its inputs are not the last build's but for the text of a few
    /// documents. Every job of the last build other than those documents' pages must be found intact in the output
    /// (`records`, none of them `broken`).
    static func prepare(_ reading: Reading, _ options: BuildOptions, environment: UInt64, searchCache: DataCache, searchMemory: SearchIndexMemory,
                        records: PageRecords, broken: () -> Set<String>) -> QuickBuild? {
        guard var snapshot = reading.snapshot.value, snapshot.key == reading.lastKey, let reader = reading.reader.value else { return nil }
        let cache = reading.documents.value
        var paths: Set<String> = []
        for file in reading.changedFiles {
            let documents = reader.documentPaths(reading: file)
            guard !documents.isEmpty else { return nil }
            paths.formUnion(documents)
        }
        // A document with a warning would need its warnings worked out again.
        let files = Set(paths.flatMap(reader.files(of:)))
        guard !snapshot.warnings.contains(where: { files.contains($0.location.path) }) else { return nil }
        var config = reader.config
        if let baseURL = options.baseURL { config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        // The last build's documents: as the documents cache has them, with what resolving added.
        var documents: [Document] = []
        var speakersByPath: [String: [SpeakerReference]] = [:]
        documents.reserveCapacity(snapshot.documents.count)
        for (reference, loaded) in zip(snapshot.documents, cache.storedDocuments(snapshot.documents.map(\.path))) {
            guard let loaded else { return nil }
            documents.append(loaded.document)
            documents[documents.count - 1].relatedIDs = reference.related
            documents[documents.count - 1].contentKey = reference.contentKey
            speakersByPath[reference.path] = loaded.speakers
        }
        let last = Site(config: config, documents: documents, speakers: snapshot.speakers, topics: snapshot.topics,
                        collections: snapshot.collections, staticFiles: snapshot.staticFiles)
        var edits: [Document] = []
        for path in paths.sorted() {
            guard let (loaded, diagnostics) = reader.read(path), let loaded, diagnostics.all.isEmpty,
                  let old = last.document(loaded.document.id), old.sourcePath == path,
                  TextEdits.sameExceptText(loaded.document, old),
                  TextEdits.namesAreResolvedAsBefore(loaded, reader, last) else { return nil }
            var document = loaded.document
            document.relatedIDs = old.relatedIDs
            edits.append(document)
            speakersByPath[path] = loaded.speakers
        }
        guard let edited = last.replacingDocuments(edits) else { return nil }
        let contentKeys = Dictionary(edits.map { ($0.sourcePath, $0.contentKey) }, uniquingKeysWith: { first, _ in first })
        for index in snapshot.documents.indices {
            if let key = contentKeys[snapshot.documents[index].path] { snapshot.documents[index].contentKey = key }
        }
        let transcripts = TranscriptReader(reader, speakersByPath: speakersByPath)
        guard let prepared = try? SiteBuilder.prepare(edited, transcripts: transcripts, diagnostics: DiagnosticList(snapshot.warnings),
                                                      readAnew: edits.count, options, environment: environment, searchCache: searchCache,
                                                      searchMemory: searchMemory, progress: nil) else { return nil }
        // Every other page of the site (the search index aside, planned whole) is the last build's, as it left it: the
        // site has the same pages, each recorded and found intact.
        let planned = Set(edits.map { Routes.document($0.id) })
        let kept = records.jobs.keys.filter { !planned.contains($0) && !Routes.isSearchIndexFile($0) }
        let broken = broken()
        guard kept.count + planned.count == snapshot.pageCount, planned.allSatisfy({ records.jobs[$0] != nil }),
              !kept.contains(where: broken.contains) else { return nil }
        return QuickBuild(prepared: prepared, snapshot: snapshot, documentIDs: edits.map(\.id), documentPaths: paths, kept: kept)
    }

    /// Renders the changed documents' pages and the search index, handing their files to `sink`: every job of the site,
    /// the others kept as the last build made them (`records`).
    func render(records: PageRecords, broken: Set<String>, into sink: any OutputSink) -> Rendering {
        let pages = prepared.pages
        let planned = pages.documentPlans(documentIDs).map { $0.job() } + pages.searchIndexJobs()
        let rendered = planned.parallelMap { job -> RenderedJob in
            if let fingerprint = job.fingerprint, records.isUnchanged(job.id, fingerprint: fingerprint, broken: broken) {
                return RenderedJob(id: job.id, fingerprint: fingerprint, paths: nil)
            }
            let files = job.render()
            sink.receive(files, of: job.id)
            return RenderedJob(id: job.id, fingerprint: job.fingerprint, paths: files.map(\.path))
        }
        let jobs = kept.map { RenderedJob(id: $0, fingerprint: records.jobs[$0]!.fingerprint, paths: nil) } + rendered
        return Rendering(jobs: jobs, copies: prepared.copies.map { ($0.path, $0.source) }, site: prepared.site, warnings: prepared.diagnostics.warnings)
    }
}
