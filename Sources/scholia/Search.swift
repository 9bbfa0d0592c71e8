import ArgumentParser
import Foundation
import ScholiaModel
import ScholiaCore
import Search

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the site's documents: hits by paragraph, as `ID ¶N  speaker: snippet`.",
        discussion: """
        The index is made in memory from the site's content (the same files `scholia build` writes under search/).
        Query syntax: all words must appear; "a phrase" in quotes; -word leaves documents with that word out.
        Example: scholia search '"chemical weapons" syria' --speaker john-kerry
        """
    )

    @OptionGroup var site: SiteOption
    @Argument(help: "The query.") var query: String
    @Option(help: "Only documents with this speaker (id).") var speaker: String?
    @Option(help: "Only documents on this topic (id).") var topic: String?
    @Option(help: "Only documents of this type (id, such as press-conference).") var type: String?
    @Option(help: "Only documents on this reading list (id).") var list: String?
    @Option(help: "A year (1962, 44 BCE) or a range (1960-1969).") var year: String?
    @Option(help: "relevance or date.") var sort: String = "relevance"
    @Option(help: "text or json.") var format: String = "text"
    @Option(help: "Documents shown at most.") var limit: Int = 10

    func validate() throws {
        guard SearchRequest.Format(rawValue: format) != nil else { throw ValidationError("--format must be text or json") }
        guard SearchOrder(rawValue: sort) != nil else { throw ValidationError("--sort must be relevance or date") }
        if let year, SearchFilters.years(year) == nil { throw ValidationError("--year must be a year such as 1962 or 44 BCE, or a range such as 1960-1969, not '\(year)'") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let filters = SearchFilters(speaker: speaker, topic: topic, type: type, list: list, years: year.flatMap(SearchFilters.years))
        let request = SearchRequest(siteDirectory: site.url, query: query, filters: filters, order: SearchOrder(rawValue: sort)!,
                                    format: SearchRequest.Format(rawValue: format)!, limit: limit)
        do {
            print(try request.run(), terminator: "")
        } catch let failure as SearchIndex.FormatError {
            throw CommandFailure(message: failure.description)
        }
    }
}
