import ArgumentParser
import Foundation
import ScholiaModel
import ScholiaCore

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme", abstract: "Copy files of the built-in theme into Templates/ to edit them.",
        discussion: "A site is built with the theme built into Scholia; each file in its Templates/ takes the place of the built-in one.",
        subcommands: [ThemeCopyCommand.self, ThemeListCommand.self])
}

struct ThemeCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: "Copy built-in theme files (all of them, or those named) into the site's Templates/.",
        discussion: "A name is a path (assets/scholia.css), a template (document), an asset's file name (scholia.css) or a folder (assets).")

    @OptionGroup var site: SiteOption
    @Argument(help: "Files to copy (default: every file of the theme).") var names: [String] = []
    @Flag(help: "Replace files that exist.") var force = false

    func run() throws {
        let written: [String]
        do {
            written = try ThemeCopy.copy(names, into: site.url, force: force)
        } catch let failure as ThemeCopy.Failure {
            if case .unknown = failure { throw CommandFailure(message: failure.description, code: 2) }
            throw CommandFailure(message: failure.description)
        }
        for path in written { print("Copied \(path)") }
    }
}

struct ThemeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the built-in theme's files and which the site overrides.")

    @OptionGroup var site: SiteOption

    func run() throws {
        for file in ThemeCopy.list(site: site.url) {
            print(file.overridden ? "\(file.path)  (overridden by Templates/\(file.path))" : file.path)
        }
    }
}
