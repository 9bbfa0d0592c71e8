import Foundation
import ScholiaModel
import ScholiaLoad
import ScholiaResolve
import ScholiaRender
import ScholiaPublish

package enum ScaffoldError: Error, CustomStringConvertible {
    case exists(String)
    case io(String)

    package var description: String {
        switch self {
        case .exists(let path): return "\(path) already exists; choose another name"
        case .io(let message): return message
        }
    }
}

/// `scholia new`: a working site (content and `site.yml`; it is built with the theme built into Scholia),
/// or a new document.
package enum SiteScaffold {
    package static func createSite(at directory: URL) throws {
        let fileManager = FileManager.default
        if let existing = try? fileManager.contentsOfDirectory(atPath: directory.path), !existing.isEmpty {
            throw ScaffoldError.exists(directory.path)
        }
        let files = starterContent(siteName: directory.lastPathComponent)
        do {
            for (path, contents) in files {
                let url = directory.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: url)
            }
        } catch {
            throw ScaffoldError.io("cannot write the new site: \(error.localizedDescription)")
        }
    }

    /// Writes `Content/documents/SLUG.md` and returns its path relative to the site.
    package static func createDocument(in site: URL, title: String, type: String, date: String?) throws -> String {
        let path = "Content/documents/\(Identifier.slug(title)).md"
        let url = site.appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: url.path) else { throw ScaffoldError.exists(path) }
        let day = date ?? ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        let text = """
        ---
        title: \(yamlQuoted(title))
        date: \(day)
        type: \(Identifier.slug(type))
        speakers: []
        topics: []
        summary: ""
        ---

        SPEAKER: The text of the document. A paragraph that begins with a label in capitals starts a speaker's turn.

        """
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw ScaffoldError.io("cannot write \(path): \(error.localizedDescription)")
        }
        return path
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func starterContent(siteName: String) -> [(String, String)] {
        [
            ("site.yml", """
            title: \(yamlQuoted(Identifier.humanize(Identifier.slug(siteName))))
            base_url: https://example.org/
            language: en-US
            publisher: ""
            paginate: 20

            """),
            (".gitignore", "/Public/\n/.Public.staging-*/\n/.Public.previous-*/\n.scholia-cache/\n"),
            ("Content/documents/gettysburg-address.md", """
            ---
            title: Address Delivered at the Dedication of the Cemetery at Gettysburg
            date: 1863-11-19
            type: speech
            speakers:
              - id: abraham-lincoln
                role: President of the United States
                label: THE PRESIDENT
            topics: [civil-war]
            summary: Lincoln's short address at the dedication of the Soldiers' National Cemetery in Gettysburg, Pennsylvania.
            source:
              publisher: Library of Congress
              title: The Gettysburg Address (Bliss copy)
            ---

            THE PRESIDENT: Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition that all men are created equal.

            Now we are engaged in a great civil war, testing whether that nation, or any nation so conceived and so dedicated, can long endure. We are met on a great battle-field of that war. We have come to dedicate a portion of that field, as a final resting place for those who here gave their lives that that nation might live. It is altogether fitting and proper that we should do this.

            """),
            ("Content/speakers/abraham-lincoln.md", """
            ---
            name: Abraham Lincoln
            given: Abraham
            family: Lincoln
            born: 1809-02-12
            died: 1865-04-15
            roles:
              - {title: President of the United States, from: 1861, to: 1865}
            ---

            Sixteenth President of the United States.

            """),
            ("Content/topics/civil-war.md", """
            ---
            title: Civil War
            summary: The American Civil War, 1861–1865.
            ---

            """),
        ]
    }
}
