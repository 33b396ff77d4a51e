import Testing

@testable import PharmGraph

@Suite("ParallelMap")
struct ParallelMapTests {
    @Test("results come back in index order, whatever the threads' order, for 0, 1 and many items")
    func order() {
        for count in [0, 1, 2, 1_000] {
            #expect(ParallelMap.map(count) { "item \($0)" } == (0..<count).map { "item \($0)" })
        }
    }
}
