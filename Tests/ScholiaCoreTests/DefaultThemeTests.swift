import Foundation
import Testing
@testable import ScholiaCore

@Suite struct DefaultThemeTests {
    /// `scholia new site` writes the theme built into the binary; it must be the one in Templates/.
    @Test func theEmbeddedThemeIsTemplates() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Templates").standardizedFileURL
        let onDisk = FileTree.files(under: templates)
        #expect(DefaultTheme.files.map(\.path) == onDisk, "run Scripts/embed-theme.py")
        for file in DefaultTheme.files {
            let contents = try String(contentsOf: templates.appendingPathComponent(file.path), encoding: .utf8)
            #expect(file.contents == contents, "\(file.path) differs: run Scripts/embed-theme.py")
        }
    }
}
