import Foundation

/// The default kinds of the nodes a query starts or ends at, and the resolution of target lists.
extension NodeSelector {
    /// What `effects` reaches when no targets are named: effects and conditions.
    public static let effectKinds: [NodeKind] = [.effect, .condition]
    /// Where `causes` starts when no sources are named: drugs.
    public static let drugKinds: [NodeKind] = [.drug]

    /// Why a list of targets could not be chosen.
    public enum TargetError: Error, Sendable, Equatable {
        /// A named selector that does not resolve.
        case selector(ResolutionError)
        /// No selector was named and the network has no node of any of these kinds.
        case noNodeOfKinds([NodeKind])
    }

    /// The nodes `selectors` name, in order; with none, every node of the `defaultKinds` the network has.
    public static func targets(_ selectors: [String], defaultKinds: [NodeKind], in network: Network) throws(TargetError) -> [NodeIndex] {
        let names = selectors.isEmpty ? defaultKinds.filter { network.kinds.contains($0.rawValue) }.map { "kind:\($0.rawValue)" } : selectors
        if names.isEmpty { throw .noNodeOfKinds(defaultKinds) }
        var nodes: [NodeIndex] = []
        for name in names {
            do {
                nodes += try resolve(name, in: network)
            } catch {
                throw .selector(error)
            }
        }
        return nodes
    }
}
