import Foundation
import PharmGraphRender
import Testing

@testable import PharmGraph

/// A layout closure that counts what it lays out.
private final class CountingLayout: @unchecked Sendable {
    var dots: [String] = []

    func layout(_ dot: String) -> Data? {
        dots.append(dot)
        return try? Renderer.render(dot: dot, engine: .dot, format: .json).data
    }
}

/// Ketamine's curated graph.
private func ketamine() throws -> Network { Network(try graph("Graphs/ketamine.yaml")) }

@Suite("DiagramFitter: a figure's layout chosen by laying candidates out through Graphviz")
struct DiagramFitterTests {
    @Test("a path figure cut to the most paths that fit a slide: each DOT laid out once, the figure drawn among them, 8 pt")
    func pathsCut() throws {
        let drawing = try Drawing(
            .paths(from: "ketamine", to: "antidepressant-effect", maxLength: 4, limits: .standard), of: try ketamine(), title: "",
            filter: ContextFilter())
        let counting = CountingLayout()
        var fitter = DiagramFitter(layout: counting.layout)
        let options = DiagramOptions(size: .slide)
        let dot = fitter.paths(drawing, options: options, allPaths: false, given: nil)
        #expect(counting.dots.count == Set(counting.dots).count, "a DOT laid out twice")
        #expect(fitter.laidOut == counting.dots.count)
        #expect(counting.dots.contains(dot))
        let smallest = { (dot: String) in
            DiagramFit.slideFit(try LayoutReport(json: try Renderer.render(dot: dot, engine: .dot, format: .json).data)).smallestLabel
        }
        #expect(try smallest(dot) >= DiagramFit.minimumLabel)
        // Fewer paths than found, as the caption says; one more would not fit.
        let drawn = try #require((1..<drawing.drawnPaths).last { dot.contains("\($0) of \(drawing.drawnPaths) paths drawn") })
        let more = drawing.firstPaths(drawn + 1).selection
        let unsettled = fitter.slide(given: nil, preferred: options.rankDirection, engine: "dot", settle: false) { direction, width, round, floating in
            PathwayDiagram(
                graph: drawing.graph, selection: more, options: options.candidate(direction, width: width, round: round, floating: floating)
            ).dot
        }
        #expect(unsettled.label < DiagramFit.minimumLabel)
        let all = fitter.paths(drawing, options: options, allPaths: true, given: nil)
        #expect(!all.contains("of \(drawing.drawnPaths) paths drawn"))
    }

    @Test("a path figure in a given direction: every path, in that direction, nothing laid out")
    func pathsGiven() throws {
        let drawing = try Drawing(
            .paths(from: "ketamine", to: "antidepressant-effect", maxLength: 4, limits: .standard), of: try ketamine(), title: "",
            filter: ContextFilter())
        var fitter = DiagramFitter(layout: { _ in
            Issue.record("laid out")
            return nil
        })
        var options = DiagramOptions(size: .slide)
        let dot = fitter.paths(drawing, options: options, allPaths: false, given: .leftToRight)
        options.rankDirection = .leftToRight
        #expect(dot == PathwayDiagram(graph: drawing.graph, selection: drawing.selection, options: options).dot)
        #expect(dot.contains(#"rankdir="LR""#))
        #expect(fitter.laidOut == 0)
    }

    @Test("a layout Graphviz fails for some candidates: those are skipped, the figure is one of the others")
    func someFail() throws {
        let whole = try Drawing(.whole, of: try ketamine(), title: "", filter: ContextFilter())
        var tried: [String] = []
        var fitter = DiagramFitter(layout: { dot in
            tried.append(dot)
            return dot.contains("concentrate") ? nil : try? Renderer.render(dot: dot, engine: .dot, format: .json).data
        })
        let dot = fitter.poster(graph: whole.graph, selection: whole.selection, options: DiagramOptions())
        #expect(tried.contains { $0.contains("concentrate") }, "no concentrated candidate was tried")
        #expect(!dot.contains("concentrate"))
        #expect(tried.contains(dot))
    }

    @Test("nothing Graphviz lays out: every path drawn as the preferred direction, the whole graph drawn plainly")
    func noLayout() throws {
        let network = try ketamine()
        var fitter = DiagramFitter(layout: { _ in nil })
        let drawing = try Drawing(
            .paths(from: "ketamine", to: "antidepressant-effect", maxLength: 4, limits: .standard), of: network, title: "", filter: ContextFilter())
        let options = DiagramOptions(size: .slide)
        let preferred = options.candidate(.topToBottom, width: nil, round: .plain, floating: .none)
        let every = PathwayDiagram(graph: drawing.graph, selection: drawing.selection, options: preferred).dot
        #expect(fitter.paths(drawing, options: options, allPaths: false, given: nil) == every)
        let whole = try Drawing(.whole, of: network, title: "", filter: ContextFilter())
        let plain = PathwayDiagram(graph: whole.graph, selection: whole.selection, options: DiagramOptions()).dot
        let before = fitter.laidOut
        #expect(fitter.poster(graph: whole.graph, selection: whole.selection, options: DiagramOptions()) == plain)
        #expect(fitter.laidOut > before, "the plain figure was returned without a layout tried")
    }

    @Test("a rank direction given, or another engine than dot: nothing laid out")
    func given() throws {
        var fitter = DiagramFitter(layout: { _ in
            Issue.record("laid out")
            return nil
        })
        let make: DiagramFitter.Make = { direction, width, round, floating in "\(direction) \(String(describing: width)) \(round) \(floating)" }
        #expect(fitter.slide(given: .topToBottom, preferred: .leftToRight, engine: "dot", make: make).dot == make(.topToBottom, nil, .plain, .none))
        #expect(fitter.slide(given: nil, preferred: .leftToRight, engine: "neato", make: make).dot == make(.leftToRight, nil, .plain, .none))
        #expect(fitter.laidOut == 0)
    }
}
