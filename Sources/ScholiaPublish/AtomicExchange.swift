import Foundation
import ScholiaModel

/// `renameat2(RENAME_EXCHANGE)`: swaps two paths in one atomic step, so a reader sees the old folder or the
/// new one and never neither. Looked up at run time, as Swift's Glibc module does not declare it and older C
/// libraries lack it; nil when it is not there.
enum AtomicExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: UInt32 = 2
    private static let function: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Exchanges `first` and `second`, both of which must exist. Returns 0, or the errno of the failure
    /// (ENOSYS when the call is missing, EINVAL when the file system cannot exchange).
    static func exchange(_ first: String, _ second: String) -> Int32 {
        guard let function else { return ENOSYS }
        return function(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 ? 0 : errno
    }
}
