/// The version of the PharmGraph library and tool.
public let pharmGraphVersion = PharmGraphVersion.current
