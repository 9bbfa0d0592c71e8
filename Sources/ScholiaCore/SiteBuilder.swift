import Foundation
import ScholiaModel
import ScholiaLoad
import ScholiaResolve
import ScholiaRender
import ScholiaPublish

/// What a build is asked to do.
package struct BuildOptions: Sendable {
    package var siteDirectory: URL
    /// Default: `Public/` in the site folder.
    package var outputDirectory: URL?
    package var baseURL: String?
    package var includeDrafts = false

    package init(siteDirectory: URL, outputDirectory: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
    }

    var output: URL { outputDirectory ?? siteDirectory.appendingPathComponent("Public") }
}

package struct BuildReport: Sendable {
    package var documentCount: Int
    package var fileCount: Int
    package var warnings: [Diagnostic]
    /// True when nothing had changed since the last build, so nothing was done.
    package var unchanged = false
    /// Files rendered by this build; the others were kept from the last build.
    var renderedFileCount = 0
    /// True when the build changed files in place rather than writing a new folder and swapping it in.
    var updatedInPlace = false
    /// True when the search index was updated from the last build's rather than planned whole.
    var searchIndexUpdated = false
    /// True when the last build's site was read back from its snapshot rather than loaded and resolved (`QuickBuild`).
    var quick = false
}

/// The build: load → resolve → render → write. Each stage reports every problem it finds; the output is
/// written only when there are no errors.
package enum SiteBuilder {
    /// Loads and resolves the site without rendering, with no cache: every document carries its transcript.
    static func loadSite(_ options: BuildOptions) -> (Site?, [Diagnostic]) {
        let (site, _, diagnostics) = load(options, cache: nil)
        return (site, diagnostics)
    }

    /// Loads and resolves the site; documents taken from `cache`, and all documents unless `keepsTranscripts`, have their
    /// transcript read when their page is made.
    static func load(_ options: BuildOptions, cache: DocumentCache?, stamps: FileStamps? = nil,
                     keepsTranscripts: Bool = true) -> (Site?, TranscriptReader, [Diagnostic]) {
        var (content, diagnostics) = ContentLoader(siteDirectory: options.siteDirectory, includeDrafts: options.includeDrafts,
                                                   cache: cache, stamps: stamps, keepsTranscripts: keepsTranscripts).load()
        if let baseURL = options.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        let site = SiteResolver.resolve(content, &diagnostics)
        return (diagnostics.hasErrors ? nil : site, content.transcripts, diagnostics.sorted)
    }

    /// Renders every file of the site in memory, or throws `ContentErrors`.
    package static func render(_ options: BuildOptions, progress: (@Sendable (String) -> Void)? = nil) throws -> Rendering {
        let memory = MemorySink()
        var rendering = try prepare(options, cache: nil, progress: progress).render(unchanged: { _, _ in false }, into: memory)
        rendering.files = rendering.jobs.flatMap { memory.files(of: $0.id) ?? [] }
        return rendering
    }

    /// Loads and resolves the site and its templates and styles: everything a render needs.
    /// A build passes `keepsTranscripts: false`: its render reads each transcript again, once, when the page is made
    /// (`SitePages.render`), rather than holding every transcript for the whole build. The preview keeps them: it
    /// plans the search index apart from the pages, and a save is seen sooner when nothing is read again.
    static func prepare(_ options: BuildOptions, environment: UInt64? = nil, cache: DocumentCache?, stamps: FileStamps? = nil,
                        keepsTranscripts: Bool = true, searchCache: DataCache? = nil, searchMemory: SearchIndexMemory? = nil,
                        progress: (@Sendable (String) -> Void)?) throws -> PreparedSite {
        progress?("Loading content")
        let readBefore = cache?.storeCount ?? 0
        let (site, transcripts, found) = load(options, cache: cache, stamps: stamps, keepsTranscripts: keepsTranscripts)
        let readAnew = (cache?.storeCount ?? site?.documents.count ?? 0) - readBefore
        return try prepare(site, transcripts: transcripts, diagnostics: DiagnosticList(found), readAnew: readAnew, options, environment: environment,
                           searchCache: searchCache, searchMemory: searchMemory, progress: progress)
    }

    /// The templates and styles of a site loaded and resolved (or nil, with errors in `diagnostics`): everything a render needs.
    static func prepare(_ site: Site?, transcripts: TranscriptReader, diagnostics found: DiagnosticList, readAnew: Int, _ options: BuildOptions,
                        environment: UInt64?, searchCache: DataCache?, searchMemory: SearchIndexMemory?,
                        progress: (@Sendable (String) -> Void)?) throws -> PreparedSite {
        var diagnostics = found
        let theme = Theme(siteDirectory: options.siteDirectory)
        let templates = TemplateSet.load(from: theme, &diagnostics)
        guard let site, let templates, !diagnostics.hasErrors else { throw ContentErrors(diagnostics.sorted) }
        let styles = SiteStyles.load(for: site, siteDirectory: options.siteDirectory, &diagnostics)
        guard !diagnostics.hasErrors else { throw ContentErrors(diagnostics.sorted) }
        progress?("Rendering \(site.documents.count) documents")
        let environment = environment ?? BuildCache(siteDirectory: options.siteDirectory, options: options).environmentKey()
        let pages = SitePages(site: site, transcripts: transcripts, templates: templates, styles: styles, environment: environment,
                              builtInAssets: theme.assets.compactMap { file in
            if case .builtIn(let contents) = file.source { (file.path, contents) } else { nil }
        }, searchCache: searchCache, searchMemory: searchMemory)
        return PreparedSite(site: site, pages: pages, copies: staticCopies(site: site, theme: theme), diagnostics: diagnostics, readAnew: readAnew,
                            documents: transcripts.documents)
    }

    /// Builds the site into its output folder, rendering only the pages whose inputs changed since the last build.
    package static func build(_ options: BuildOptions, progress: (@Sendable (String) -> Void)? = nil) throws -> BuildReport {
        if let problem = OutputPlacement.problem(output: options.output, site: options.siteDirectory) { throw OutputWriterError.misplaced(problem) }
        let cache = BuildCache(siteDirectory: options.siteDirectory, options: options)
        let lock = try SiteLock(cacheFolder: cache.folder) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        defer { withExtendedLifetime(lock) {} }
        let writer = try OutputWriter(output: options.output, displayPath: displayPath(options.output, in: options.siteDirectory), cacheFolder: cache.folder)
        // A build that stopped while publishing left its journal: its output and caches are not trusted.
        let interrupted = writer.journal.isPresent
        writer.removeLeftovers()
        // The last stamps are read while the site's files are listed.
        let stampsRead = Concurrent { [cacheFolder = cache.folder] in interrupted ? FileStamps() : FileStamps.read(from: cacheFolder) }
        let environment = cache.environmentKey()
        let contentFiles = cache.contentFiles()
        let stamps = stampsRead.value
        let key = cache.currentKey(environment: environment, stamps: stamps, contentFiles: contentFiles)
        // Nothing to do is checked first: a build that writes nothing cannot delete anyone's file.
        if !interrupted && cache.isUpToDate(key: key) { return BuildReport(documentCount: 0, fileCount: 0, warnings: [], unchanged: true) }
        let output = options.output.path
        // The caches are read, and the output checked, each on a core of its own: none depends on another, and the
        // check (a walk of every output file) runs beside the load, which needs only the documents cache.
        let cacheFolder = cache.folder
        // After a text edit, the last build's site is read back (`QuickBuild`) beside the other caches.
        let quickReading = interrupted || !writer.hasManifest ? nil
            : QuickBuild.start(options, stamps: stamps, lastKey: cache.savedKey(), cacheFolder: cacheFolder)
        let reads = Concurrent { () -> (PageRecords, SearchIndexMemory) in
            let records = interrupted ? PageRecords() : PageRecords.load(from: cacheFolder)
            return (records, SearchStateCache.memory(cacheFolder: cacheFolder, records: records, output: output))
        }
        let searchEntriesRead = Concurrent { DataCache.read(from: cacheFolder, name: BuildCache.searchEntriesName) }
        // The walk of the output for foreign files runs beside the load; after a text edit, beside the quick build's
        // render, which needs both cores less than its reads do.
        let checkOwnership = { Concurrent { [writer] in Result { try writer.checkOutputIsOurs() } } }
        let earlyOwnership = quickReading == nil ? checkOwnership() : nil
        let (records, searchMemory) = reads.value
        let folder = PageRecords.OutputFolder(output)
        let broken = Concurrent { records.brokenJobs(in: folder) }
        // A few changed documents under the same theme and settings: their pages are made in memory and
        // written in place, one atomic rename each, rather than linking every other file into a new folder.
        let updatable = records.environment == environment && writer.hasManifest
        let quick = quickReading.flatMap { reading in
            updatable ? QuickBuild.prepare(reading, options, environment: environment, searchCache: searchEntriesRead.value,
                                           searchMemory: searchMemory, records: records, broken: { broken.value }) : nil
        }
        let ownership = earlyOwnership ?? checkOwnership()
        let documents = quick == nil ? quickReading?.documents.value ?? DocumentCache.read(from: cache.folder) : nil
        let preparing = Result {
            try quick?.prepared ?? prepare(options, environment: environment, cache: documents, stamps: stamps, keepsTranscripts: false,
                                           searchCache: searchEntriesRead.value, searchMemory: searchMemory, progress: progress)
        }
        // Foreign files in the output are reported before any problem of the content, as when the check came first.
        if quick == nil { try ownership.value.get() }
        let prepared = try preparing.get()
        let searchEntries = searchEntriesRead.value
        let inPlace = updatable && prepared.readAnew <= max(50, prepared.site.documents.count / 10)
        let staged = inPlace ? nil : try writer.begin()
        let memory = MemorySink()
        do {
            let broken = broken.value
            let rendering = try quick?.render(records: records, broken: broken, into: staged ?? memory)
                ?? prepared.render(unchanged: { records.isUnchanged($0, fingerprint: $1, broken: broken) }, into: staged ?? memory)
            // Nothing is written in the output before it is known to be ours (a quick build renders into memory).
            try ownership.value.get()
            let kept = rendering.jobs.filter { $0.paths == nil }.flatMap { records.jobs[$0.id]?.files.map(\.path) ?? [] }
            let renderedCount = rendering.renderedFileCount
            // The caches that do not describe the output (each keyed by the inputs it was made from) are saved while the
            // output is written; the build is complete, and the journal ended, only once both are done.
            // The search state, the longest, on a thread of its own.
            let stateSave = Concurrent { SearchStateCache.save(searchMemory, to: cacheFolder) }
            let saves = Concurrent { [stamps] in
                documents?.save(to: cacheFolder)
                searchEntries.save(to: cacheFolder, name: BuildCache.searchEntriesName)
                stamps.save(to: cacheFolder)
                if let quick {
                    var snapshot = quick.snapshot
                    snapshot.key = key
                    snapshot.save(to: cacheFolder, changed: quick.documentPaths)
                } else {
                    let pageCount = rendering.jobs.count { !Routes.isSearchIndexFile($0.id) }
                    SiteSnapshot(site: rendering.site, warnings: rendering.warnings, pageCount: pageCount, key: key).save(to: cacheFolder)
                }
            }
            do {
                if let staged {
                    progress?("Keeping \(kept.count) unchanged files")
                    staged.keep(kept)
                    try staged.finish(copies: rendering.copies)
                } else {
                    progress?("Updating \(renderedCount) files in place")
                    try writer.update(rendering.jobs.flatMap { memory.files(of: $0.id) ?? [] }, kept: kept, copies: rendering.copies)
                }
            } catch {
                _ = (saves.value, stateSave.value)
                throw error
            }
            // The swap put a new folder in place of the output: it is opened again.
            newRecords(rendering.jobs, previous: records, output: staged == nil ? folder : PageRecords.OutputFolder(output),
                       environment: environment).save(to: cache.folder, replacing: records)
            _ = (saves.value, stateSave.value)
            cache.save(key: key)
            writer.journal.end()
            let report = BuildReport(documentCount: rendering.site.documents.count, fileCount: renderedCount + kept.count + rendering.copies.count,
                                     warnings: rendering.warnings, renderedFileCount: renderedCount, updatedInPlace: staged == nil,
                                     searchIndexUpdated: searchMemory.updated, quick: quick != nil)
            // Everything the build read is let go of later, the caches it read for the quick path and the output's listing included.
            DeferredRelease.release(prepared, rendering, records, documents as Any, searchEntries, memory, stamps, searchMemory, writer,
                                    quickReading as Any, quick as Any)
            return report
        } catch {
            staged?.abandon()
            throw error
        }
    }

    /// The records of this build: every job with a fingerprint, and its files as they now are in the output.
    /// A job kept from the last build keeps its record: its files were found as recorded before rendering,
    /// and were linked or left as they were.
    private static func newRecords(_ jobs: [RenderedJob], previous: PageRecords, output: PageRecords.OutputFolder, environment: UInt64) -> PageRecords {
        @Sendable func record(_ fingerprint: UInt64, _ paths: [String]) -> PageRecords.Job? {
            var files: [PageRecords.Written] = []
            for path in paths {
                guard let info = output.stat(path) else { return nil }
                files.append(.init(path: path, size: info.size, modified: info.modified))
            }
            return PageRecords.Job(fingerprint: fingerprint, files: files)
        }
        // A build that made a few jobs again and dropped none (an edit): the last records with those jobs' new records.
        // Every other job kept its record; counted, the recorded jobs are the last ones and the new ones.
        let remade = jobs.filter { $0.paths != nil && $0.fingerprint != nil }
        if previous.environment == environment,
           jobs.count(where: { $0.fingerprint != nil }) == previous.jobs.count + remade.count(where: { previous.jobs[$0.id] == nil }),
           jobs.allSatisfy({ $0.paths != nil || $0.fingerprint == nil || previous.jobs[$0.id]?.fingerprint == $0.fingerprint }) {
            let records = remade.map { job in record(job.fingerprint!, job.paths!).map { (id: job.id, job: $0) } }
            if records.allSatisfy({ $0 != nil }) { return previous.updating(records.map { $0! }) }
        }
        let made = jobs.parallelMap { job -> (String, PageRecords.Job)? in
            guard let fingerprint = job.fingerprint else { return nil }
            if job.paths == nil, let kept = previous.jobs[job.id], kept.fingerprint == fingerprint { return (job.id, kept) }
            return record(fingerprint, job.paths ?? previous.jobs[job.id]?.files.map(\.path) ?? []).map { (job.id, $0) }
        }
        return PageRecords(ordered: made.compactMap { $0.map { (id: $0.0, job: $0.1) } }, environment: environment)
    }

    /// The site's own theme assets go to `assets/`, `Content/static/` to the root. (Built-in assets are
    /// written from memory by `SitePages`.)
    private static func staticCopies(site: Site, theme: Theme) -> [(path: String, source: URL, display: String)] {
        theme.assets.compactMap { file in
            guard case .site(let url) = file.source else { return nil }
            return (file.path, url, "Templates/\(file.path)")
        } + site.staticFiles.map { ($0.outputPath, $0.source, "Content/static/\($0.outputPath)") }
    }

    static func displayPath(_ url: URL, in site: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = site.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}
