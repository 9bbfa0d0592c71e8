import ArgumentParser
import Foundation
import ScholiaModel
import ScholiaCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Make a new site or document.",
                                                    subcommands: [NewSite.self, NewDocument.self])
}

struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "site", abstract: "Make a new site (content and site.yml; it uses the built-in theme).")

    @Argument(help: "The folder to create (it must not exist or be empty).") var directory: String

    func run() throws {
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        do {
            try SiteScaffold.createSite(at: url)
        } catch let error as ScaffoldError {
            throw CommandFailure(message: error.description, code: 1)
        }
        print("Made a new site in \(directory). Next:\n  cd \(directory)\n  scholia build\nIt uses the built-in theme; `scholia theme copy NAME` puts a file of it in Templates/ to edit.")
    }
}

struct NewDocument: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "document", abstract: "Add a Markdown document to a site.")

    @OptionGroup var site: SiteOption
    @Argument(help: "The document's title.") var title: String
    @Option(help: "Its type: speech, press-conference, interview, letter, treaty, …") var type = "speech"
    @Option(help: "Its date: 2013-05-07, 2013-05 or 2013 (default: today).") var date: String?

    func validate() throws {
        if let date, DocumentDate(date) == nil {
            throw ValidationError("--date must be a date such as 2013-05-07, 2013-05 or 2013, not '\(date)'")
        }
        if Identifier.slug(title).isEmpty { throw ValidationError("the title must contain letters or digits") }
    }

    func run() throws {
        let path: String
        do {
            path = try SiteScaffold.createDocument(in: site.url, title: title, type: type, date: date)
        } catch let error as ScaffoldError {
            throw CommandFailure(message: error.description, code: 1)
        }
        print("Made \(path)")
    }
}
