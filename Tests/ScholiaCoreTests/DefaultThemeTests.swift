import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaLoad
@testable import ScholiaRender
@testable import ScholiaCore

@Suite struct DefaultThemeTests {
    /// `scholia new site` writes the theme built into the binary; it must be the one in Templates/.
    @Test func theEmbeddedThemeIsTemplates() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Templates").standardizedFileURL
        let onDisk = FileTree.listFiles(under: templates.path).filter(FileTree.isVisible)
        #expect(DefaultTheme.files.map(\.path) == onDisk, "run Scripts/embed-theme.py")
        for file in DefaultTheme.files {
            let contents = try String(contentsOf: templates.appendingPathComponent(file.path), encoding: .utf8)
            #expect(file.contents == contents, "\(file.path) differs: run Scripts/embed-theme.py")
        }
    }

    /// The site's files take the place of built-in ones with the same path; the others stay built in.
    @Test func siteFilesOverrideBuiltInOnesByPath() throws {
        let site = try TestSite(["Templates/list.mustache": "mine", "Templates/assets/extra.css": "extra"], theme: false)
        defer { site.remove() }
        let theme = Theme(siteDirectory: site.root)
        var sources: [String: String] = [:]
        for file in theme.files {
            switch file.source {
            case .site: sources[file.path] = "site"
            case .builtIn: sources[file.path] = "built-in"
            }
        }
        #expect(sources["list.mustache"] == "site")
        #expect(sources["assets/extra.css"] == "site")
        #expect(sources["document.mustache"] == "built-in")
        #expect(sources["assets/scholia.css"] == "built-in")
        #expect(theme.files.map(\.path) == Set(DefaultTheme.files.map(\.path) + ["assets/extra.css"]).sorted())
        #expect(theme.assets.map(\.path).allSatisfy { $0.hasPrefix("assets/") })
    }

    @Test func typePluralsReadAsEnglish() {
        #expect(DocumentTypes.plural("press-conference") == "Press conferences")
        #expect(DocumentTypes.plural("speech") == "Speeches")
        #expect(DocumentTypes.plural("testimony") == "Testimonies")
        #expect(DocumentTypes.plural("remarks") == "Remarks")
        #expect(DocumentTypes.plural("essay") == "Essays")
    }
}
