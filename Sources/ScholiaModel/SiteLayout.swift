/// The parts of a site folder that more than one stage names.
package enum SiteLayout {
    static let configFile = "site.yml"
    package static let content = "Content"
    package static let templates = "Templates"
    /// Scholia's caches, the lock and the publishing journal.
    package static let cacheFolder = ".scholia-cache"
    /// What a build reads: its output may be inside none of them.
    package static let inputs = [content, templates, cacheFolder, configFile]
}
