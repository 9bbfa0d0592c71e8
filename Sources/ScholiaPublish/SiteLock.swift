import Foundation
import ScholiaModel

/// One build at a time per site: an exclusive `flock` on `.scholia-cache/build.lock`, which holds the PID of
/// the build that has it. The kernel releases it when the process ends, however it ends, so a killed build
/// never leaves the site locked.
package final class SiteLock {
    private let descriptor: Int32

    /// Takes the lock, waiting for another build to finish (and telling `waiting` who holds it).
    package init(cacheFolder: URL, waiting: (String) -> Void) throws {
        try? FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        let path = cacheFolder.appendingPathComponent("build.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputWriterError.io("cannot lock the site (\(path)): \(String(cString: strerror(errno)))") }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            waiting("Waiting for another build of this site to finish (process \(holder.isEmpty ? "unknown" : holder), lock \(path))")
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else { close(descriptor); throw OutputWriterError.io("cannot lock the site (\(path)): \(String(cString: strerror(errno)))") }
            }
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.utf8.count, 0)
    }

    deinit { close(descriptor) }
}
