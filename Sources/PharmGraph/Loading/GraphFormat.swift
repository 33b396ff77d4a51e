/// The graph file format versions this pharmgraph reads and writes (see docs/graph-format.md).
public enum GraphFormat {
    /// The newest format: `contexts:`, `exact`, `exposure_of`, `loss_of_function`, `correlational`,
    /// `importance`, effect contexts, claim `avoid` and `certainty`, `indication` and `compared_with`.
    public static let current = 2
}
