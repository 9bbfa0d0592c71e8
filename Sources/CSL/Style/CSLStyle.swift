import Foundation

/// A parsed CSL style. Parse once, then share it between processors and threads.
public struct CSLStyle: Sendable {
    public enum StyleClass: String, Sendable { case inText = "in-text", note }

    public var id: String
    public var title: String
    public var styleClass: StyleClass
    /// `default-locale` of the style, if any.
    public var defaultLocale: String?

    var citation: CitationSection
    var bibliography: BibliographySection?
    var macros: [String: [Element]]
    var locales: [LocaleData]
    var nameOptions: NameOptions
    var namesDelimiter: String?
    var demoteNonDroppingParticle = "display-and-sort"
    var initializeWithHyphen = true
    var pageRangeFormat: String?
    /// Whether the layouts print `year-suffix` themselves (else it follows the issued year).
    var yearSuffixInLayout = false
    var disambiguateConditionInLayout = false

    public var hasBibliography: Bool { bibliography != nil }

    /// Parses style XML. `path` only names the source in errors. A dependent style needs
    /// `stylesFolder` to find its parent (`<id>` last path component + ".csl").
    public init(xml: Data, path: String = "<style>", stylesFolder: URL? = nil) throws {
        let root = try XMLNode.parse(xml, file: path)
        let parser = StyleParser(file: path)
        if let parentURL = try parser.parentLink(root) {
            guard let folder = stylesFolder else {
                throw CSLError(file: path, line: root.line, element: "link",
                               message: "dependent style needs a styles folder to load its parent \(parentURL)")
            }
            let parentName = parentURL.split(separator: "/").last.map(String.init) ?? parentURL
            // Debian keeps dependents in styles/dependent/ and parents in styles/.
            let candidates = [folder.appendingPathComponent(parentName + ".csl"),
                              folder.deletingLastPathComponent().appendingPathComponent(parentName + ".csl")]
            guard let parentFile = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }),
                  let parentData = try? Data(contentsOf: parentFile) else {
                throw CSLError(file: path, line: root.line, element: "link",
                               message: "parent style \(parentName).csl not found in \(folder.path)")
            }
            var parent = try CSLStyle(xml: parentData, path: parentFile.path, stylesFolder: nil)
            let own = try parser.parseInfo(root)
            parent.id = own.id
            parent.title = own.title
            if let locale = root.attributes["default-locale"] { parent.defaultLocale = locale }
            self = parent
            return
        }
        self = try parser.parseStyle(root)
    }

    /// Reads and parses the style at `url`.
    public init(contentsOf url: URL, stylesFolder: URL? = nil) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CSLError(file: url.path, message: "cannot read style: \(error.localizedDescription)")
        }
        try self.init(xml: data, path: url.path, stylesFolder: stylesFolder ?? url.deletingLastPathComponent())
    }
}
