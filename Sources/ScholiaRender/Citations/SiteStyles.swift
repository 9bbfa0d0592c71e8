import Foundation
import ScholiaModel
import ScholiaLoad

/// The styles a build uses: those of `citation_styles` (shown on every document page) and the styles
/// reading lists ask for, each parsed once.
package struct SiteStyles: Sendable {
    var configured: [CitationStyle]
    var byName: [String: CitationStyle]

    /// Loads every style the site needs; a style that cannot be found or parsed is a diagnostic.
    package static func load(for site: Site, siteDirectory: URL, _ diagnostics: inout DiagnosticList) -> SiteStyles {
        let loader = CitationStyleLoader(siteDirectory: siteDirectory, language: site.config.language)
        var byName: [String: CitationStyle] = [:]
        func load(_ name: String, at location: SourceLocation) -> CitationStyle? {
            let key = CitationStyleLoader.aliases[name.lowercased()] ?? name
            if let loaded = byName[key] { return loaded }
            do {
                let style = try loader.load(name)
                byName[key] = style
                return style
            } catch {
                diagnostics.error("\(error)", at: location)
                return nil
            }
        }
        let configured = site.config.citationStyles.compactMap { load($0, at: SourceLocation(path: "site.yml")) }
        for collection in site.collections {
            if let style = collection.style { _ = load(style, at: SourceLocation(path: collection.sourcePath)) }
        }
        return SiteStyles(configured: configured, byName: byName)
    }

    /// The collection's own style first, then the site's other styles.
    func forCollection(_ collection: Collection) -> [CitationStyle] {
        let own = collection.style.flatMap { byName[CitationStyleLoader.aliases[$0.lowercased()] ?? $0] }
        return (own.map { [$0] } ?? []) + configured.filter { $0.name != own?.name }
    }
}
