import Foundation
import Testing

/// What a build reads (issue 11, items 6–8): links, unreadable files and folders, subfolders of documents.
@Suite struct InputTests {
    static let sidecar = "title: Passwords\ndate: 2000-01-01\n"

    /// Item 6: a document or a static file that links outside the site is an error naming the link, in both
    /// folders alike, and nothing is published.
    @Test(arguments: ["Content/documents/passwd.txt", "Content/static/passwd.txt"])
    func aLinkOutOfTheSiteIsAnErrorNamingIt(link: String) throws {
        let site = try Publishing.site()
        defer { site.remove() }
        if link.hasPrefix("Content/documents") { try site.write("Content/documents/passwd.yml", Self.sidecar) }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content/static"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(link).path, withDestinationPath: "/etc/passwd")
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(link):1:1: error: a symbolic link to /etc/passwd, outside the site"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "error:").count == 3, "one error and the summary: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Public").path))
    }

    /// Item 6: links inside the site are followed, in both folders alike.
    @Test func aLinkInsideTheSiteIsFollowed() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        try site.write("archive/speech.txt", "PRESIDENT: Linked words.\n")
        try site.write("archive/robots.txt", "User-agent: *\n")
        try site.write("Content/documents/speech.yml", "title: Linked\ndate: 2000-01-01\n")
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content/static"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/documents/speech.txt").path, withDestinationPath: "../../archive/speech.txt")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/static/robots.txt").path, withDestinationPath: "../../archive/robots.txt")
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try site.read("Public/documents/speech/index.html").contains("Linked words."))
        #expect(try site.read("Public/robots.txt") == "User-agent: *\n")
    }

    /// Item 7: an unreadable folder or file is an error, not an empty folder. Run as `nobody`, since root
    /// reads everything.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv to build as another user"),
          arguments: ["Content/speakers", "Content/static", "Content/documents/doc-3.md"])
    func anUnreadableInputIsAnError(path: String) throws {
        let site = try Publishing.site()
        defer { site.remove() }
        try site.write("Content/speakers/speaker-1.md", "---\nname: Speaker One\n---\n\nA biography.\n")
        try site.write("Content/static/robots.txt", "User-agent: *\n")
        let chown = try Process.run(URL(fileURLWithPath: "/bin/chown"), arguments: ["-R", "65534:65534", site.root.path])
        chown.waitUntilExit()
        chmod(site.root.appendingPathComponent(path).path, 0)
        let result = try CLI.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path, "build", "--site", site.root.path, "--quiet"],
                                 program: URL(fileURLWithPath: "/usr/bin/setpriv"))
        #expect(result.status == 1)
        let what = path.hasSuffix(".md") ? "file" : "folder"
        #expect(result.stderr.contains("\(path)") && result.stderr.contains("error: cannot read the \(what): Permission denied"), "\(result.stderr)")
    }

    /// Item 8: documents in subfolders are read, their ids from the file name alone.
    @Test func documentsInSubfoldersAreRead() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        try site.write("Content/documents/1860s/gettysburg.md", document("Gettysburg", date: "1863-11-19"))
        try site.write("Content/documents/archive/box-2/letter.txt", "Dear Sir,\n")
        try site.write("Content/documents/archive/box-2/letter.yml", "title: A Letter\ndate: 1864-01-01\n")
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try site.read("Public/documents/gettysburg/index.html").contains("Gettysburg"))
        #expect(try site.read("Public/documents/letter/index.html").contains("Dear Sir,"))
    }

    /// Item 8: a second document with the same id is one clear error, whether beside the first (`NAME.md` and
    /// `NAME.txt`, with or without a sidecar) or in another subfolder.
    @Test(arguments: [["Content/documents/doc-1.txt", "Content/documents/doc-1.yml"], ["Content/documents/doc-1.txt"], ["Content/documents/old/doc-1.md"]])
    func aDuplicateIdIsOneError(files: [String]) throws {
        let site = try Publishing.site()
        defer { site.remove() }
        for file in files {
            try site.write(file, file.hasSuffix(".yml") ? "title: Again\ndate: 2000-01-01\n" : file.hasSuffix(".md") ? document("Again") : "Plain text.\n")
        }
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(files[0]):1:1: error: two documents have the id 'doc-1'"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "error:").count == 3, "one error and the summary: \(result.stderr)")
    }
}
