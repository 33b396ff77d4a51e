/// The version of the PharmGraph library and tool.
public let pharmGraphVersion = "0.1.0"
