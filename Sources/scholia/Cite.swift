import ArgumentParser
import Foundation
import ScholiaModel
import ScholiaCore

struct Cite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print citations of documents or of a reading list, in any CSL style.",
        discussion: "Example: scholia cite --collection hist-210-week-7 --style apa --format markdown --accessed 2027-01-15"
    )

    @OptionGroup var site: SiteOption
    @Argument(help: "Document ids.") var documents: [String] = []
    @Option(help: "A reading list's id: its documents, in order.") var collection: String?
    @Option(help: "mla, apa, chicago, an installed style id, or a path to a .csl file (default: the list's style, else the site's first).")
    var style: String?
    @Option(help: "text, html, markdown, csl-json, bibtex or ris.") var format: String = "text"
    @Option(help: "The access date to put in every citation, YYYY-MM-DD.") var accessed: String?
    @Option(parsing: .unconditional, help: "Cite this paragraph (¶) of one document: its short form in each style and a link to it.") var paragraph: Int?
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func validate() throws {
        guard CiteRequest.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be one of \(CiteRequest.Format.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let accessed, PartialDate(iso: Substring(accessed))?.day == nil {
            throw ValidationError("--accessed must be a date such as 2027-01-15, not '\(accessed)'")
        }
        if documents.isEmpty && collection == nil { throw ValidationError("name document ids or --collection ID") }
        if let paragraph {
            if documents.count != 1 || collection != nil { throw ValidationError("--paragraph cites one paragraph of one document") }
            if paragraph < 1 { throw ValidationError("--paragraph counts from 1") }
        }
    }

    func run() throws {
        let request = CiteRequest(siteDirectory: site.url, documentIDs: documents, collectionID: collection, style: style,
                                  format: CiteRequest.Format(rawValue: format)!, accessed: accessed.flatMap { PartialDate(iso: Substring($0)) },
                                  paragraph: paragraph)
        let text: String
        do { text = try request.run() } catch let failure as CiteRequest.Failure {
            throw CommandFailure(message: failure.description)
        }
        if let output {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                throw CommandFailure(message: "cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            print(text, terminator: "")
        }
    }
}
