import Foundation
import PharmGraph

extension Progress: SearchObserver {
    func searched(_ steps: Int) { advance(by: steps) }
    func searchEnded() { finish() }
}

/// A progress line on stderr for work that runs longer than about 2 s (docs/cli.md, "Progress"): the count done and
/// the rate, redrawn at most every 0.2 s over itself with `\r`, and erased when the work ends. Only on a terminal;
/// never on stdout, so never inside JSON or a table.
///
/// `PHARMGRAPH_PROGRESS=force` shows it on any stderr, from the first update and at every update (for tests);
/// `PHARMGRAPH_PROGRESS=never` turns it off.
final class Progress: @unchecked Sendable {
    /// When the line first appears, and how often it is redrawn.
    static let delay: Duration = .seconds(2)
    static let interval: Duration = .milliseconds(200)

    private let noun: String
    private let total: Int?
    private let enabled: Bool
    private let forced: Bool
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private let lock = NSLock()
    private var done = 0
    private var drawn: ContinuousClock.Instant?
    private var width = 0

    /// Progress over `total` (if known) things called `noun` (plural, e.g. "queries").
    init(_ noun: String, total: Int? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.noun = noun
        self.total = total
        let setting = environment["PHARMGRAPH_PROGRESS"] ?? ""
        forced = setting == "force"
        enabled = forced || (setting != "never" && isatty(STDERR_FILENO) != 0 && environment["TERM"] != "dumb")
        started = clock.now
    }

    /// `count` more things done.
    func advance(by count: Int = 1) {
        guard enabled else { return }
        lock.withLock {
            done += count
            let now = clock.now
            if !forced {
                guard now - started >= Self.delay else { return }
                if let drawn, now - drawn < Self.interval { return }
            }
            drawn = now
            draw(Self.line(done: done, total: total, noun: noun, elapsed: now - started))
        }
    }

    /// Erases the line, if one was drawn.
    func finish() {
        lock.withLock {
            guard drawn != nil else { return }
            Console.error("\r" + String(repeating: " ", count: width) + "\r")
            drawn = nil
        }
    }

    private func draw(_ text: String) {
        Console.error("\r" + text + String(repeating: " ", count: max(0, width - text.count)))
        width = max(width, text.count)
    }

    /// `1,234 of 5,000 queries (617/s)`, or without a total `1,234 queries (617/s)`.
    static func line(done: Int, total: Int?, noun: String, elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int((Double(done) / seconds).rounded()) : done
        let count = total.map { "\(grouped(done)) of \(grouped($0))" } ?? grouped(done)
        return "\(count) \(noun) (\(grouped(rate))/s)"
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (n < 0 ? "-" : "") + out
    }
}
