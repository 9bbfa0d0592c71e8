import ArgumentParser
import Foundation
import ScholiaModel
import ScholiaCore

@main
struct Scholia: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scholia",
        abstract: "A static site generator for annotated primary sources.",
        version: ScholiaVersion.current,
        subcommands: [Build.self, Check.self, Cite.self, New.self, SearchCommand.self, Serve.self, ThemeCommand.self]
    )

    /// Exit status as the design says: 0 success, 1 content errors, 2 usage errors.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let errors as ContentErrors {
            Terminal.printDiagnostics(errors.diagnostics)
            Terminal.error("\(errors.diagnostics.filter { $0.severity == .error }.count) error(s); nothing was written")
            Foundation.exit(1)
        } catch let failure as CommandFailure {
            Terminal.error(failure.message)
            Foundation.exit(failure.code)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Terminal.printable(fullMessage(for: error)) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A failure that is not about content: a usage problem (2) or an output the build may not touch (1).
struct CommandFailure: Error {
    var message: String
    var code: Int32 = 1
}

struct SiteOption: ParsableArguments {
    @Option(name: .long, help: "The site folder (default: the current folder).")
    var site: String = "."

    var url: URL { URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL }

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--site \(Terminal.printable(site)): no such folder")
        }
    }
}
