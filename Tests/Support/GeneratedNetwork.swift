import Foundation

/// Signed SIF networks made by a fixed-seed generator, for tests that need more than a hand-made fixture.
public enum GeneratedNetwork {
    /// `edges` edges among `nodes` nodes of three kinds (`Drug::`, `Gene::`, `Disease::`), each `activates` or `inhibits`;
    /// a third of the ids (after the `::`) start with `lower`, the others with its upper case, so that bytewise order matters.
    public static func sif(nodes: Int, edges: Int, seed: UInt64, lower: Character = "b") -> String {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let kinds = ["Drug", "Gene", "Gene", "Disease"]
        let upper = Character(lower.uppercased())
        let name = { (n: Int) in "\(kinds[n % kinds.count])::\(n % 3 == 0 ? lower : upper)\(n)" }
        return (0..<edges).map { _ in "\(name(next(nodes)))\t\(next(2) == 0 ? "activates" : "inhibits")\t\(name(next(nodes)))\n" }.joined()
    }
}
