/// The parts of a site folder that more than one stage names.
package enum SiteLayout {
    /// Scholia's caches, the lock and the publishing journal.
    package static let cacheFolder = ".scholia-cache"
    /// What a build reads: its output may be inside none of them.
    package static let inputs = ["Content", "Templates", cacheFolder, "site.yml"]
}
