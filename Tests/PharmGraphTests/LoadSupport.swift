import Foundation
import PharmGraphIO

@testable import PharmGraph

/// A curated graph file read as bytes (the core does no file I/O) and checked; a read error is the one diagnostic.
func loadGraph(_ path: String) -> LoadResult {
    do {
        return GraphLoader.load(data: try InputFile.read(path), path: path)
    } catch {
        return GraphLoader.unreadable(path: path, message: error.description)
    }
}
