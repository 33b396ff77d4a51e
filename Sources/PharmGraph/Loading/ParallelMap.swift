import Foundation

/// Independent work on several threads, its results in order: for loads of many files (DrugMechDB records), the CLI's
/// two-sided diff load, and batch verdicts (one search per source).
package enum ParallelMap {
    /// The stack of each thread: deep enough for the loaders' and the engine's frames.
    static let stackSize = 8 << 20

    /// `body(i)` for every `i` in `0..<count`, run on `threads` threads at once (default: one per core), returned in
    /// index order; each thread takes the next index when it is free. `done` is told how many have finished after each
    /// one (from any thread, one call at a time).
    package static func map<T>(_ count: Int, threads: Int? = nil, done: (@Sendable (Int) -> Void)? = nil, _ body: (Int) -> T) -> [T] {
        let slots = Slots<T>(count, done: done)
        let threads = min(count, max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount))
        guard threads > 1 else {
            for i in 0..<count { slots.set(i, body(i)) }
            return slots.values
        }
        withoutActuallyEscaping(body) { body in
            let task = UncheckedTask(body)
            let group = DispatchGroup()
            for _ in 0..<threads {
                group.enter()
                let thread = Thread {
                    while let i = slots.next() { slots.set(i, task.body!(i)) }
                    group.leave()
                }
                thread.stackSize = stackSize
                thread.start()
            }
            group.wait()
            // A finished thread may not have released its block yet: the body must not outlive this call.
            task.body = nil
        }
        return slots.values
    }

    /// The body, called from several threads: each call touches only its own input and its own slot.
    private final class UncheckedTask<T>: @unchecked Sendable {
        var body: ((Int) -> T)?
        init(_ body: @escaping (Int) -> T) { self.body = body }
    }

    /// One result slot per index, written under a lock, how many are filled, and the next index to take.
    private final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]
        private var filled = 0
        private var taken = 0
        private let done: (@Sendable (Int) -> Void)?

        init(_ count: Int, done: (@Sendable (Int) -> Void)?) {
            slots = Array(repeating: nil, count: count)
            self.done = done
        }

        /// The next index no thread has taken, or `nil` when all are.
        func next() -> Int? {
            lock.withLock {
                guard taken < slots.count else { return nil }
                taken += 1
                return taken - 1
            }
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
