import PharmGraph

// Index literals in expectations (`[0, 2]`), for tests only: the library keeps indices typed.
extension NetworkIndex: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int32) { self.init(rawValue: value) }
}
