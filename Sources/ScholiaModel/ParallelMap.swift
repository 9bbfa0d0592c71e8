import Foundation

extension RandomAccessCollection where Element: Sendable, Index == Int, Self: Sendable {
    /// Maps on every core; results keep the input order, so output does not depend on scheduling.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let count = count
        let input = self
        // Each iteration initializes its own element of the result in place: no lock, and no copy of the results
        // afterwards (for ten thousand documents, copying them out of optional slots was a serial pass of its own).
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let results = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (results.base + index).initialize(to: transform(input[input.startIndex + index]))
            }
            initialized = count
        }
    }
}

/// The result's storage, written from many threads, each index by exactly one iteration.
private struct Slots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
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
