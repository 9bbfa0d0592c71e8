import ArgumentParser
import Foundation
import ScholiaModel
import ScholiaPublish
import ScholiaCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into Public/ (or --output).")

    @OptionGroup var site: SiteOption
    @Option(help: "The output folder (default: Public/ in the site).") var output: String?
    @Option(name: .customLong("base-url"), help: "Override site.yml's base_url, e.g. https://example.edu/hist210/.") var baseURL: String?
    @Flag(help: "Include documents marked draft: true.") var drafts = false
    @Flag(help: "Print only warnings and errors.") var quiet = false

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.host == nil {
            throw ValidationError("--base-url must be an absolute URL such as https://example.edu/hist210/")
        }
        if let output, let problem = OutputPlacement.problem(output: URL(fileURLWithPath: output).standardizedFileURL, site: site.url) {
            throw ValidationError(problem)
        }
    }

    func run() throws {
        let start = Date()
        let options = BuildOptions(siteDirectory: site.url, outputDirectory: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
                                   baseURL: baseURL, includeDrafts: drafts)
        let progress = quiet ? nil : Terminal.progress(since: start)
        let report: BuildReport
        do {
            report = try SiteBuilder.build(options, progress: progress)
        } catch OutputWriterError.misplaced(let problem) {
            throw CommandFailure(message: problem, code: 2)
        } catch let failure as OutputWriterError {
            throw CommandFailure(message: failure.description)
        }
        Terminal.clearProgress()
        Terminal.printDiagnostics(report.warnings)
        if report.unchanged {
            if !quiet { print("Nothing changed since the last build; \(output ?? "Public/") is up to date") }
            return
        }
        if !quiet {
            let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
            print("Built \(report.documentCount) document\(report.documentCount == 1 ? "" : "s") (\(report.fileCount) files) into \(Terminal.printable(output ?? "Public/")) in \(seconds) s")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the site's content and templates without writing anything.")

    @OptionGroup var site: SiteOption
    @Flag(help: "Include documents marked draft: true.") var drafts = false

    func run() throws {
        let rendered = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, includeDrafts: drafts))
        Terminal.printDiagnostics(rendered.warnings)
        print("OK: \(rendered.site.documents.count) documents, \(rendered.site.speakers.count) speakers, \(rendered.site.topics.count) topics, no errors")
    }
}
