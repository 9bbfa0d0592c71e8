import Foundation

/// The files of one build as the preview serves them, each made on its first request: the reload script
/// names the build, so every page differs from one build to the next, and making them all at once would
/// redo every page of a large site after each save.
final class SnapshotFiles: @unchecked Sendable {
    private let built: [String: Data]
    private let injection: PreviewInjection?
    private var made: [String: ServedFile] = [:]
    private let lock = NSLock()

    static let none = SnapshotFiles([:], injection: nil)

    init(_ built: [String: Data], injection: PreviewInjection?) {
        self.built = built
        self.injection = injection
    }

    var count: Int { built.count }

    subscript(path: String) -> ServedFile? {
        guard let data = built[path] else { return nil }
        if let file = lock.withLock({ made[path] }) { return file }
        let type = ContentType.of(path)
        let bytes = [UInt8](data)
        let file = ServedFile(bytes: type == ContentType.html ? injection?.apply(to: bytes) ?? bytes : bytes, contentType: type)
        lock.withLock { made[path] = file }
        return file
    }
}
