import Foundation
@testable import CSL

/// Helpers shared by the unit tests: locales from the copied reference data and tiny styles.
enum TestSupport {
    static let localesFolder = SuiteTests.fixtures.appendingPathComponent("locales")
    static let store = CSLLocaleStore(folder: localesFolder)

    /// A style whose citation layout is `layout` (CSL XML fragment).
    static func style(citation layout: String, attributes: String = "", extra: String = "") throws -> CSLStyle {
        let xml = """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" \(attributes)>
          <info><id>test</id><title>Test</title></info>
          \(extra)
          <citation><layout>\(layout)</layout></citation>
        </style>
        """
        return try CSLStyle(xml: Data(xml.utf8), path: "test.csl")
    }

    static func render(_ layout: String, _ items: [CSLItem], attributes: String = "", language: String = "en-US") throws -> String {
        let processor = try CSLProcessor(style: try style(citation: layout, attributes: attributes), locales: store,
                                         language: language)
        return processor.citation(items.map { CSLCite(id: $0.id) }, items: items).text
    }
}
