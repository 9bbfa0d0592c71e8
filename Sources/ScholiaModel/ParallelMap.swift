import Foundation

extension RandomAccessCollection where Element: Sendable, Index == Int, Self: Sendable {
    /// Maps on every core; results keep the input order, so output does not depend on scheduling.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        let input = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, transform(input[input.startIndex + index]))
        }
        return results.values
    }
}

/// Write-once slots filled from many threads; each index is written by exactly one iteration.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [T] { slots.map { $0! } }
}

/// Work started now on another thread, its result waited for where it is needed: for the steps of a build that
/// do not depend on each other (one cache read while another is, the output checked while the site loads), so
/// that on a machine of a few cores a step that runs on one core does not leave the others idle.
package final class Concurrent<T>: @unchecked Sendable {
    private var result: T?
    private let group = DispatchGroup()

    package init(_ work: @escaping @Sendable () -> T) {
        group.enter()
        DispatchQueue.global().async { [self] in
            result = work()
            group.leave()
        }
    }

    /// The result, once the work is done (waits for it; any number of times, from any thread).
    package var value: T {
        group.wait()
        return result!
    }
}

/// Lets go of large values (a site, its pages, its caches) on another thread, `delay` seconds from now, rather than
/// where the last reference to them ends. Freeing a 10,000-document site's values one by one takes a tenth of a
/// second of one core: the command line, which exits right after its build, never pays it, and a longer-lived
/// process (the tests) frees them soon after.
package enum DeferredRelease {
    package static func release(_ values: Any..., after delay: Double = 2) {
        let held = Held(values)
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + delay) { withExtendedLifetime(held) {} }
    }

    private final class Held: @unchecked Sendable {
        let values: [Any]
        init(_ values: [Any]) { self.values = values }
    }
}
