import CSL
import Foundation
import ScholiaModel
import ScholiaLoad

/// A style ready to render: parsed once per build.
package struct CitationStyle: Sendable {
    /// The name the site uses for it ("modern-language-association", or a file name).
    package var name: String
    /// A short label for tabs: "MLA", "APA", "Chicago", else the style's title.
    package var label: String
    package var processor: CSLProcessor

    var isNoteStyle: Bool { processor.style.styleClass == .note }
}

/// Finds and loads CSL styles: a path to a `.csl` file, or a style id looked up in the site's
/// `Templates/styles/`, then in the built-in theme's `styles/` (corrected copies of official styles),
/// then in the system's folder (Debian `citation-style-language-styles`).
package struct CitationStyleLoader: Sendable {
    package static let systemStyles = URL(fileURLWithPath: "/usr/share/citation-style-language/styles")
    package static let systemLocales = URL(fileURLWithPath: "/usr/share/citation-style-language/locales")
    /// Short names a teacher would type: "mla", "apa" and "chicago" are the built-in theme's corrected copies,
    /// which give the manuals' forms for primary sources read on a website. The official styles keep their
    /// ids, and the official APA, whose id is the short name, is also "apa-official".
    package static let aliases = ["mla": correctedMLA, "apa": correctedAPA, "apa-official": "apa", "chicago": correctedChicago,
                                 "chicago-notes": correctedChicago, "chicago-author-date": "chicago-author-date"]
    static let correctedMLA = "modern-language-association-scholia"
    static let correctedAPA = "apa-scholia"
    static let correctedChicago = "chicago-note-bibliography-scholia"
    static let labels = ["modern-language-association": "MLA", correctedMLA: "MLA", "apa": "APA", correctedAPA: "APA",
                         "chicago-note-bibliography": "Chicago", correctedChicago: "Chicago", "chicago-author-date": "Chicago (author-date)"]

    let siteStyles: URL
    let systemStyles: URL
    let locales: CSLLocaleStore
    let localesFolder: URL
    let language: String

    package init(siteDirectory: URL, language: String, systemStyles: URL = Self.systemStyles, systemLocales: URL = Self.systemLocales) {
        siteStyles = siteDirectory.appendingPathComponent("Templates/styles")
        self.systemStyles = systemStyles
        localesFolder = systemLocales
        locales = CSLLocaleStore(folder: systemLocales)
        self.language = language
    }

    package enum Failure: Error, CustomStringConvertible {
        case notFound(name: String, looked: [String])
        case invalid(name: String, error: String)
        case noLocales(folder: String)

        package var description: String {
            switch self {
            case .notFound(let name, let looked):
                return "citation style '\(name)' not found; looked in \(looked.joined(separator: " and ")). "
                    + "Install the official styles (Debian: apt-get install citation-style-language-styles), "
                    + "or put \(name).csl in Templates/styles/."
            case .invalid(let name, let error):
                return "citation style '\(name)' cannot be used: \(error)"
            case .noLocales(let folder):
                return "no CSL locales in \(folder); install them (Debian: apt-get install citation-style-language-locales)"
            }
        }
    }

    /// Loads one style by id, alias or `.csl` path.
    package func load(_ name: String) throws -> CitationStyle {
        let id = Self.aliases[name.lowercased()] ?? name
        guard let (xml, path) = try find(name, id: id) else {
            let looked = name.hasSuffix(".csl") ? [name] : [siteStyles.path, "the built-in theme's styles/", systemStyles.path]
            throw Failure.notFound(name: name, looked: looked)
        }
        guard FileManager.default.fileExists(atPath: localesFolder.appendingPathComponent("locales-en-US.xml").path) else {
            throw Failure.noLocales(folder: localesFolder.path)
        }
        do {
            // A dependent style (a journal's, say) names an official parent: it is looked for in the system folder.
            let style = try CSLStyle(xml: xml, path: path, stylesFolder: systemStyles)
            let processor = try CSLProcessor(style: style, locales: locales, language: language)
            return CitationStyle(name: id, label: Self.labels[id] ?? style.title, processor: processor)
        } catch {
            throw Failure.invalid(name: name, error: "\(error)")
        }
    }

    /// The style's text and the path to name in errors: the site's file, else the built-in theme's, else the system's.
    private func find(_ name: String, id: String) throws -> (Data, String)? {
        if name.hasSuffix(".csl") {
            let file = URL(fileURLWithPath: name)
            return FileManager.default.fileExists(atPath: file.path) ? (try Data(contentsOf: file), file.path) : nil
        }
        let siteFile = siteStyles.appendingPathComponent(id + ".csl")
        if FileManager.default.fileExists(atPath: siteFile.path) { return (try Data(contentsOf: siteFile), siteFile.path) }
        let builtInPath = "styles/" + id + ".csl"
        if let text = Theme.builtIn(builtInPath) { return (Data(text.utf8), "<built-in theme>/" + builtInPath) }
        let systemFile = systemStyles.appendingPathComponent(id + ".csl")
        if FileManager.default.fileExists(atPath: systemFile.path) { return (try Data(contentsOf: systemFile), systemFile.path) }
        return nil
    }
}
