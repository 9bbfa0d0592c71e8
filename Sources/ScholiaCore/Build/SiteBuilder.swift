import Foundation

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var siteDirectory: URL
    /// Default: `Public/` in the site folder.
    public var outputDirectory: URL?
    public var baseURL: String?
    public var includeDrafts = false

    public init(siteDirectory: URL, outputDirectory: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
    }

    var output: URL { outputDirectory ?? siteDirectory.appendingPathComponent("Public") }
}

public struct BuildReport: Sendable {
    public var documentCount: Int
    public var fileCount: Int
    public var warnings: [Diagnostic]
    /// True when nothing had changed since the last build, so nothing was done.
    public var unchanged = false
}

/// The build: load → resolve → render → write. Each stage reports every problem it finds; the output is
/// written only when there are no errors.
public enum SiteBuilder {
    /// Loads and resolves the site without rendering: what `scholia check` runs, and the first half of a build.
    public static func loadSite(_ options: BuildOptions) -> (Site?, [Diagnostic]) {
        var (content, diagnostics) = ContentLoader(siteDirectory: options.siteDirectory, includeDrafts: options.includeDrafts).load()
        if let baseURL = options.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        let site = SiteResolver.resolve(content, &diagnostics)
        return (diagnostics.hasErrors ? nil : site, diagnostics.sorted)
    }

    /// Renders every file of the site in memory, or throws `ContentErrors`.
    public static func render(_ options: BuildOptions, progress: (@Sendable (String) -> Void)? = nil) throws -> (files: [OutputFile], copies: [(path: String, source: URL)], site: Site, warnings: [Diagnostic]) {
        progress?("Loading content")
        let (site, found) = loadSite(options)
        var diagnostics = DiagnosticList(found)
        let templates = TemplateSet.load(from: options.siteDirectory.appendingPathComponent("Templates"), &diagnostics)
        guard let site, let templates, !diagnostics.hasErrors else { throw ContentErrors(diagnostics.sorted) }
        let styles = SiteStyles.load(for: site, siteDirectory: options.siteDirectory, &diagnostics)
        guard !diagnostics.hasErrors else { throw ContentErrors(diagnostics.sorted) }
        progress?("Rendering \(site.documents.count) documents")
        let files = SitePages(site: site, templates: templates, styles: styles).render()
        let copies = staticCopies(site: site, theme: options.siteDirectory.appendingPathComponent("Templates/assets"))
        let generated = Set(files.map(\.path))
        for copy in copies where generated.contains(copy.path) {
            diagnostics.error("this static file would overwrite the generated \(copy.path)", at: SourceLocation(path: copy.display))
        }
        guard !diagnostics.hasErrors else { throw ContentErrors(diagnostics.sorted) }
        return (files, copies.map { ($0.path, $0.source) }, site, diagnostics.warnings)
    }

    /// Builds the site into its output folder.
    public static func build(_ options: BuildOptions, progress: (@Sendable (String) -> Void)? = nil) throws -> BuildReport {
        let writer = OutputWriter(output: options.output, displayPath: displayPath(options.output, in: options.siteDirectory))
        let cache = BuildCache(siteDirectory: options.siteDirectory, options: options)
        let key = cache.currentKey()
        // Nothing to do is checked first: a build that writes nothing cannot delete anyone's file.
        if cache.isUpToDate(key: key) { return BuildReport(documentCount: 0, fileCount: 0, warnings: [], unchanged: true) }
        let rendered = try render(options, progress: progress)
        progress?("Writing \(rendered.files.count + rendered.copies.count) files")
        try writer.write(rendered.files, copies: rendered.copies)
        cache.save(key: key)
        return BuildReport(documentCount: rendered.site.documents.count, fileCount: rendered.files.count + rendered.copies.count, warnings: rendered.warnings)
    }

    /// Theme assets go to `assets/`, `Content/static/` to the root.
    private static func staticCopies(site: Site, theme: URL) -> [(path: String, source: URL, display: String)] {
        FileTree.files(under: theme).map { (Routes.asset($0), theme.appendingPathComponent($0), "Templates/assets/\($0)") }
            + site.staticFiles.map { ($0.outputPath, $0.source, "Content/static/\($0.outputPath)") }
    }

    static func displayPath(_ url: URL, in site: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = site.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}
