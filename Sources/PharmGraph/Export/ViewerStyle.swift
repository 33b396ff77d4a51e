/// The viewer page's CSS and JS, as text the page inlines (docs/viewer.md); no Bundle resources.
enum ViewerAssets {
    /// The page's style: a control bar, the drawing beside a side panel, and the highlight classes
    /// (`on-path`, `off-path`, `dimmed`, `neighbour`, `selected`) that change opacity and stroke width, never the glyph;
    /// the focus outline is 4 screen pixels wide at any zoom (a non-scaling stroke), so it shows on the whole drawing too.
    /// A diff page's unchanged node labels and sign-flip edge labels keep their hue, darkened to 5:1 contrast
    /// (the diff figure's grey is 3.2:1, its reddish purple 3.1:1).
    static let css = #"""
        :root { --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --focus: #0b57d0; --plus: #0072B2; --minus: #D55E00; --mixed: #7B3294; }
        * { box-sizing: border-box; }
        body { margin: 0; height: 100vh; display: flex; flex-direction: column; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
        header { padding: 8px 16px 4px; border-bottom: 1px solid var(--line); }
        h1 { font-size: 18px; margin: 0; }
        h2 { font-size: 15px; margin: 8px 0 4px; }
        .subtitle { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
        #controls { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; padding: 6px 16px; border-bottom: 1px solid var(--line); }
        .control { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; }
        .control legend { font-weight: 600; padding: 0; margin-right: 4px; float: left; }
        .search-box { position: relative; }
        label { color: var(--ink); }
        input, select, button { font: inherit; color: var(--ink); border: 1px solid #767676; border-radius: 4px; padding: 3px 6px; background: #fff; }
        button { cursor: pointer; background: #f2f2f2; }
        button:hover { background: #e4e4e4; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        #search-results { position: absolute; top: 100%; left: 0; z-index: 5; min-width: 100%; max-height: 320px; overflow: auto; margin: 2px 0 0; padding: 0; list-style: none; background: #fff; border: 1px solid #767676; border-radius: 4px; }
        #search-results:empty { display: none; }
        #search-results li { padding: 4px 8px; cursor: pointer; white-space: nowrap; }
        #search-results li.active, #search-results li:hover { background: #dbe7fb; }
        #search-results .kind { color: var(--muted); }
        main { display: flex; flex: 1 1 auto; min-height: 360px; }
        #canvas { flex: 1 1 auto; overflow: hidden; position: relative; cursor: grab; touch-action: none; }
        #canvas.dragging { cursor: grabbing; }
        #canvas svg { width: 100%; height: 100%; display: block; overflow: hidden; }
        #side { flex: 0 0 360px; overflow: auto; padding: 0 16px 16px; border-left: 1px solid var(--line); }
        #verdict { white-space: pre-line; }
        #verdict .sentence { font-weight: 600; }
        #path-list { padding-left: 22px; margin: 6px 0; }
        #path-list button { display: block; width: 100%; text-align: left; background: none; border: 1px solid transparent; padding: 2px 4px; font-size: 13px; }
        #path-list button:hover, #path-list button.current { border-color: #767676; background: #f4f4f4; }
        .net { font-weight: 700; }
        #info dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0; }
        #info dt { color: var(--muted); }
        #info dd { margin: 0; overflow-wrap: anywhere; }
        #info blockquote { margin: 6px 0; padding: 4px 8px; border-left: 3px solid var(--line); color: #333; }
        #info ul { padding-left: 18px; margin: 4px 0; }
        #info li { margin-bottom: 4px; overflow-wrap: anywhere; }
        #info a { color: #0645ad; }
        #info .actions { display: flex; gap: 6px; margin-top: 6px; }
        g.node, g.edge { cursor: pointer; }
        g.node:focus, g.edge:focus { outline: none; }
        g.node:focus-visible :is(polygon, ellipse, path), g.node.focused :is(polygon, ellipse, path) { stroke: var(--focus) !important; stroke-width: 4px; vector-effect: non-scaling-stroke; }
        g.edge:focus-visible path:not(.hit), g.edge.focused path:not(.hit) { stroke-width: 4px; vector-effect: non-scaling-stroke; }
        g.edge:focus-visible, g.edge.focused { filter: drop-shadow(0 0 2px var(--focus)); }
        g.edge path.hit { stroke: transparent !important; stroke-width: 12px !important; fill: none; pointer-events: stroke; }
        g.dimmed { opacity: 0.15; }
        body.paths-shown g.off-path { opacity: 0.12; }
        body.paths-shown g.edge.on-path path:not(.hit) { stroke-width: 3.5px; }
        body.paths-shown g.edge.net-positive :is(path:not(.hit), polygon) { stroke: var(--plus); }
        body.paths-shown g.edge.net-negative :is(path:not(.hit), polygon) { stroke: var(--minus); }
        body.paths-shown g.edge.net-mixed :is(path:not(.hit), polygon) { stroke: var(--mixed); }
        body.paths-shown g.edge.net-positive polygon:not([fill="none"]):not([fill="white"]):not([fill="#ffffff"]) { fill: var(--plus); }
        body.paths-shown g.edge.net-negative polygon:not([fill="none"]):not([fill="white"]):not([fill="#ffffff"]) { fill: var(--minus); }
        body.paths-shown g.edge.net-mixed polygon:not([fill="none"]):not([fill="white"]):not([fill="#ffffff"]) { fill: var(--mixed); }
        body.neighbourhood g.node:not(.neighbour), body.neighbourhood g.edge:not(.neighbour) { opacity: 0.15; }
        g.node.selected :is(polygon, ellipse, path) { stroke-width: 4px; }
        g.focused, g:focus-visible { opacity: 1 !important; }
        #context-controls select { max-width: 11em; }
        body.diff-page g.node.diff-unchanged text { fill: #666666; }
        body.diff-page g.edge.diff-sign-flip text { fill: #A0507F; }
        @media (max-width: 900px) { body { height: auto; } main { flex-direction: column; } #canvas { height: 70vh; } #side { flex-basis: auto; border-left: 0; } }
        """#
}
