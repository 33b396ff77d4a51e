import Foundation

/// Independent work on every core, its results in order: for loads of many files (DrugMechDB records) and for
/// the CLI's two-sided diff load.
package enum ParallelMap {
    /// `body(i)` for every `i` in `0..<count`, run on all cores at once, returned in index order; `done` is told how
    /// many have finished after each one (from any thread, one call at a time).
    package static func map<T>(_ count: Int, done: (@Sendable (Int) -> Void)? = nil, _ body: (Int) -> T) -> [T] {
        let slots = Slots<T>(count, done: done)
        guard count > 1 else {
            for i in 0..<count { slots.set(i, body(i)) }
            return slots.values
        }
        withoutActuallyEscaping(body) { body in
            let task = UncheckedTask(body)
            DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, task.body(i)) }
        }
        return slots.values
    }

    /// The body, called from several threads: each call touches only its own input and its own slot.
    private struct UncheckedTask<T>: @unchecked Sendable {
        let body: (Int) -> T
        init(_ body: @escaping (Int) -> T) { self.body = body }
    }

    /// One result slot per index, written under a lock, and how many are filled.
    private final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]
        private var filled = 0
        private let done: (@Sendable (Int) -> Void)?

        init(_ count: Int, done: (@Sendable (Int) -> Void)?) {
            slots = Array(repeating: nil, count: count)
            self.done = done
        }

        func set(_ index: Int, _ value: T) {
            lock.withLock {
                slots[index] = value
                filled += 1
                done?(filled)
            }
        }

        /// Every slot's value; each was set once by `map`.
        var values: [T] { lock.withLock { slots.map { $0! } } }
    }
}
