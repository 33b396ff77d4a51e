"""The viewer page (`render -o X.html`, `diff --render X.html`) in headless Chromium, opened from file://.

Each test writes its pages with the built binary (PHARMGRAPH_BIN), drives them as a reader would, and
compares what the page highlights with what the CLI computes (`paths --format json`, `render --where`).
Screenshots of every state go to OUT/screenshots (docs/testing-browser.md). Run by Scripts/test-browser.
"""

import collections
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import unittest
from pathlib import Path

import yaml
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
KETAMINE = ROOT / "Graphs/ketamine.yaml"
HOSTILE_LABELS = ROOT / "Tests/PharmGraphTests/Fixtures/render/hostile-labels.yaml"
HOSTILE_SCRIPT = ROOT / "Tests/browser/fixtures/hostile-script.yaml"
HOSTILE_VIEWER = ROOT / "Tests/PharmGraphTests/Fixtures/viewer/hostile-viewer.yaml"
DIFF_OLD = ROOT / "Tests/PharmGraphTests/Fixtures/diff/old.yaml"
DIFF_NEW = ROOT / "Tests/PharmGraphTests/Fixtures/diff/new.yaml"
OUT = Path(os.environ.get("PHARMGRAPH_BROWSER_OUT", ROOT / ".build/browser-tests")).resolve()
PAGES = OUT / "pages"
SHOTS = OUT / "screenshots"
EDGE_ID = re.compile(r"^edge-(\d+)$")

# Installed before any script of the page runs: every way the hostile fixtures try to run script ends here.
TRAP = """
window.__hits = [];
window.__pwn = function (where) { window.__hits.push(String(where)); };
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
  window[name] = function () { window.__hits.push(name + ':' + Array.from(arguments).join(',')); };
}
"""

driver = None


def binary():
    """The pharmgraph binary under test."""
    path = os.environ.get("PHARMGRAPH_BIN")
    if not path or not os.access(path, os.X_OK):
        raise RuntimeError(f"PHARMGRAPH_BIN must name the built pharmgraph binary (got {path!r})")
    return path


def run(*arguments, expect=(0,)):
    """Runs pharmgraph with `arguments` in the repository; returns stdout; any other exit status fails."""
    # Files of the repository by their relative path, as a reader types them (titles show them).
    arguments = [a.relative_to(ROOT) if isinstance(a, Path) and a.is_relative_to(ROOT) else a for a in arguments]
    result = subprocess.run(
        [binary(), *map(str, arguments)], cwd=ROOT, capture_output=True, text=True, timeout=180
    )
    if result.returncode not in expect:
        raise AssertionError(f"pharmgraph {' '.join(map(str, arguments))} exited {result.returncode}:\n{result.stderr}")
    return result.stdout


def graph_edges(path):
    """The graph file's edges in file order: (from, relation, to) per edge index."""
    with open(path, encoding="utf-8") as file:
        return [(e["from"], e["relation"], e["to"]) for e in yaml.safe_load(file)["edges"]]


def engine_paths(graph, source, target, *where):
    """Every path `paths --format json` finds from source to target, as lists of (from, relation, to)."""
    options = [a for term in where for a in ("--where", term)]
    report = json.loads(run("paths", graph, source, target, "--format", "json", "--limit", "100000", *options))
    assert not report["partial"], "the engine's search stopped early"
    assert len(report["paths"]) == report["total"], "paths --format json left paths out"
    hops = [list(zip(p["nodes"], p["relations"], p["nodes"][1:])) for p in report["paths"]]
    return report, hops


DOT_EDGE = re.compile(r'^\s*"((?:[^"\\]|\\.)*)" -> "((?:[^"\\]|\\.)*)" \[.*\bclass="(?:[^"]*\s)?relation-([a-z_]+)')


@functools.cache
def expand_forms():
    """`--expand-forms` where render has it: the layers branch collapses drug forms by default; the viewer draws them expanded."""
    return ["--expand-forms"] if "--expand-forms" in run("render", "--help") else []


@functools.cache
def drawn_edges(graph, *where):
    """The (from, relation, to) of every graph edge `render --format dot` draws, with multiplicity."""
    options = [a for term in where for a in ("--where", term)]
    dot = run("render", graph, "--format", "dot", "-o", "-", *expand_forms(), *options)
    nodes = {n for e in graph_edges(graph) for n in (e[0], e[2])}
    found = collections.Counter()
    for line in dot.splitlines():
        match = DOT_EDGE.match(line)
        if match and match[1] in nodes and match[2] in nodes:
            # An edge against the layers is written head first (class layer-reversed, docs/rendering.md "Layers").
            tail, head = (match[2], match[1]) if "layer-reversed" in line else (match[1], match[2])
            found[(tail, match[3], head)] += 1
    return found


def setUpModule():
    global driver
    shutil.rmtree(OUT, ignore_errors=True)
    PAGES.mkdir(parents=True)
    SHOTS.mkdir(parents=True)
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which(os.environ.get("CHROMIUM", "chromium")) or "chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1600,1000", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which(os.environ.get("CHROMEDRIVER", "chromedriver")) or "chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TRAP})
    # Screenshots of one size whatever the window decorations take.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 1600, "height": 1000, "deviceScaleFactor": 1, "mobile": False}
    )


def tearDownModule():
    if driver is not None:
        driver.quit()


class PageTest(unittest.TestCase):
    """Opening pages, reading their state, screenshots; every test ends with no console error and no script run."""

    def open(self, page):
        driver.get_log("browser")  # drop what earlier tests left
        driver.get(page.as_uri())
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.page = page

    def tearDown(self):
        if getattr(self, "page", None) is None:
            return
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        self.assertEqual(errors, [], f"console errors on {self.page.name}")
        self.assertEqual(driver.execute_script("return window.__hits"), [], f"{self.page.name} ran script it was given")
        pwned = driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned)")
        self.assertIsNone(pwned, f"{self.page.name} ran script it was given (window.__pwned set)")
        try:
            text = driver.switch_to.alert.text
            self.fail(f"{self.page.name} opened an alert: {text!r}")
        except NoAlertPresentException:
            pass

    def shot(self, name):
        """Writes the screenshot SHOTS/NAME.png."""
        self.assertTrue(driver.save_screenshot(str(SHOTS / f"{name}.png")), f"screenshot {name} not written")

    def data(self):
        """The page's embedded JSON, parsed."""
        return json.loads(driver.execute_script("return document.getElementById('pharmgraph-data').textContent"))

    def edges_with(self, css_class):
        """The edge indices of drawn edges that have `css_class`."""
        ids = driver.execute_script(
            "return Array.from(document.querySelectorAll('[id^=\"edge-\"].' + arguments[0])).map(e => e.id)", css_class
        )
        return sorted(int(m[1]) for m in map(EDGE_ID.match, ids) if m)

    def drawn(self):
        """The edge indices the page draws."""
        ids = driver.execute_script("return Array.from(document.querySelectorAll('svg [id^=\"edge-\"]')).map(e => e.id)")
        return sorted(int(m[1]) for m in map(EDGE_ID.match, ids) if m)

    def hover(self, element_id):
        """Moves the mouse onto the drawn stroke of edge or node `element_id`: onto the first point of it that is on top
        and that the pointer, once there, really hovers (in an overview drawn small, the browser's hit test of a point a
        pixel from an edge's wide invisible stroke may pick the edge where elementFromPoint picked the node)."""
        points = driver.execute_script(
            """
            const g = document.getElementById(arguments[0]);
            g.scrollIntoView({block: 'center', inline: 'center'});
            const shapes = Array.from(g.querySelectorAll('path, polygon, ellipse, text'));
            const points = [];
            for (const shape of shapes) {
              const steps = shape.getTotalLength ? [0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.1, 0.9, 0.25, 0.75, 0.35, 0.65, 0.45, 0.55, 0.15, 0.85, 0.05, 0.95] : [null];
              for (const f of steps) {
                let x, y;
                if (f === null) {
                  const r = shape.getBoundingClientRect(); x = r.x + r.width / 2; y = r.y + r.height / 2;
                } else {
                  const p = shape.getPointAtLength(shape.getTotalLength() * f);
                  const q = new DOMPoint(p.x, p.y).matrixTransform(shape.getScreenCTM());
                  x = q.x; y = q.y;
                }
                if (x < 1 || y < 1 || x > innerWidth - 1 || y > innerHeight - 1) continue;
                const hit = document.elementFromPoint(x, y);
                if (hit && hit.closest('#' + CSS.escape(arguments[0]))) points.push([Math.round(x), Math.round(y)]);
              }
            }
            return points;
            """,
            element_id,
        )
        self.assertTrue(points, f"no visible point of #{element_id} to point at")
        for point in points:
            actions = ActionChains(driver)
            actions.w3c_actions.pointer_action.move_to_location(*point)
            actions.perform()
            if driver.execute_script("return document.getElementById(arguments[0]).matches(':hover')", element_id):
                return
        self.fail(f"the pointer hovers #{element_id} at none of its {len(points)} visible points")

    def assert_visible_focus(self, element_id):
        """The focused node or edge `element_id` is outlined at least 3 screen pixels wide, though the whole drawing
        is shown so small (Fit) that a stroke of the drawing's own units would be under one pixel."""
        scale, width = driver.execute_script(
            """
            const shapes = Array.from(document.getElementById(arguments[0]).querySelectorAll('path:not(.hit), polygon, ellipse'));
            const zoom = s => { const m = s.getScreenCTM(); return Math.hypot(m.a, m.b); };
            const px = s => {
              const c = getComputedStyle(s), w = parseFloat(c.strokeWidth) || 0;
              return c.vectorEffect === 'non-scaling-stroke' ? w : w * zoom(s);
            };
            return [zoom(shapes[0]), Math.max(...shapes.map(px))];
            """,
            element_id,
        )
        self.assertLess(scale, 0.5, "the drawing is shown at Fit, small")
        self.assertGreaterEqual(width, 3, f"the focus outline of #{element_id} is {width:.2f} screen pixels wide")

    def assert_contrast(self):
        """Every text of the page, every node label of the drawing against its node's fill, and every other text of the
        drawing against its cluster's fill or white, has a contrast of at least 4.5:1 (WCAG 2 AA); the page is as
        opened (nothing faded by a highlight)."""
        low = driver.execute_script(
            """
            const rgb = s => s.match(/[0-9.]+/g).slice(0, 4).map(Number);
            const lum = c => c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
              .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
            const background = e => {
              for (; e; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor);
                if (c.length < 4 || c[3] > 0) return c;
              }
              return [255, 255, 255];
            };
            const low = [];
            for (const e of document.querySelectorAll('body *')) {
              if (e.closest('svg') || e.closest('script, style')) continue;
              if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
              const r = ratio(rgb(getComputedStyle(e).color), background(e));
              if (r < 4.5) low.push(e.tagName + '#' + e.id + ' ' + e.textContent.trim().slice(0, 30) + ': ' + r.toFixed(2));
            }
            const placeholder = ratio(rgb(getComputedStyle(document.getElementById('search'), '::placeholder').color), [255, 255, 255]);
            if (placeholder < 4.5) low.push('placeholder: ' + placeholder.toFixed(2));
            for (const g of document.querySelectorAll('svg g.node')) {
              const shape = g.querySelector('polygon, ellipse, path');
              const fill = shape && getComputedStyle(shape).fill;
              const under = fill && fill.startsWith('rgb') ? rgb(fill) : [255, 255, 255];
              for (const t of g.querySelectorAll('text')) {
                const r = ratio(rgb(getComputedStyle(t).fill), under);
                if (r < 4.5) low.push(g.id + ' ' + t.textContent + ': ' + r.toFixed(2));
              }
            }
            /* Edge labels, titles and the legend's words: on white, or on their cluster's fill. */
            for (const t of document.querySelectorAll('svg text')) {
              if (t.closest('g.node')) continue;
              const cluster = t.closest('g.cluster');
              const box = cluster && cluster.querySelector('polygon, path');
              const fill = box && getComputedStyle(box).fill;
              const under = fill && fill.startsWith('rgb') ? rgb(fill) : [255, 255, 255];
              const r = ratio(rgb(getComputedStyle(t).fill), under);
              if (r < 4.5) low.push((t.closest('g[id]') || {}).id + ' ' + t.textContent + ': ' + r.toFixed(2));
            }
            return low;
            """
        )
        self.assertEqual(low, [], f"{self.page.name}: text under 4.5:1 contrast")

    def info(self):
        return driver.find_element(By.ID, "info")

    def show_paths(self, source, target):
        """Fills #from and #to and presses #show-paths; returns the highlighted edge indices."""
        for field, value in (("from", source), ("to", target)):
            box = driver.find_element(By.ID, field)
            box.clear()
            box.send_keys(value)
        driver.find_element(By.ID, "show-paths").click()
        WebDriverWait(driver, 10).until(lambda d: self.edges_with("on-path"))
        return self.edges_with("on-path")


class KetamineViewer(PageTest):
    """Graphs/ketamine.yaml as a viewer page: data, hover, paths, context, neighbourhood."""

    @classmethod
    def setUpClass(cls):
        cls.file = PAGES / "ketamine.html"
        run("render", KETAMINE, "-o", cls.file)
        cls.edges = graph_edges(KETAMINE)

    def test_page_is_self_contained_and_draws_every_edge(self):
        text = self.file.read_text(encoding="utf-8")
        # Outside the embedded data (whose references may carry a URL as a value), the only URLs are
        # DOI links and XML namespace names, which name and load nothing.
        markup = re.sub(r'(<script type="application/json" id="pharmgraph-data">).*?(</script>)', r"\1\2", text, flags=re.S)
        markup = re.sub(r"""\bxmlns(?::\w+)?=["']http://www\.w3\.org/[^"']*["']""", "", markup)
        for url in re.findall(r"""(?:https?:)?//[^\s"'<>)]*""", markup):
            self.assertTrue(url.startswith("https://doi.org/"), f"a URL other than a DOI link: {url}")
        tag = r"""<[A-Za-z][^>]*?\s(?:src|href|xlink:href|action|data)\s*=\s*["']?(?!#)[^"'\s>]"""
        self.assertIsNone(re.search(tag, markup), "an element that loads or links a resource")
        self.assertIsNone(re.search(r"@import|url\(\s*['\"]?(?!#)", markup), "CSS that loads a resource")
        self.open(self.file)
        data = self.data()
        self.assertEqual(data["format"], "pharmgraph-viewer/2")
        self.assertEqual([(e["from"], e["relation"], e["to"]) for e in data["edges"]], self.edges)
        self.assertEqual([e["i"] for e in data["edges"]], list(range(len(self.edges))))
        self.assertEqual(self.drawn(), list(range(len(self.edges))), "every edge drawn once, as edge-N")
        for i, (source, _, target) in enumerate(self.edges):
            title = driver.execute_script(
                "const t = document.querySelector('#edge-' + arguments[0] + ' > title'); return t && t.textContent", i
            )
            if title is not None:  # Graphviz's title "tail->head" as written: head first for an edge against the layers
                reversed_edge = driver.execute_script(
                    "return document.querySelector('#edge-' + arguments[0]).classList.contains('layer-reversed')", i
                )
                expected = f"{target}->{source}" if reversed_edge else f"{source}->{target}"
                self.assertEqual(title, expected, f"edge-{i} is drawn between other nodes")
        self.assertEqual(driver.execute_script("return performance.getEntriesByType('resource').length"), 0, "loaded a resource")
        self.assert_contrast()
        self.shot("ketamine-loaded")

    def test_hovering_an_edge_shows_its_citations(self):
        with open(KETAMINE, encoding="utf-8") as file:
            graph = yaml.safe_load(file)
        index = self.edges.index(("ketamine", "inhibits", "nmdar"))
        edge = graph["edges"][index]
        dois = [graph["references"][r]["doi"] for r in edge["refs"] if "doi" in graph["references"][r]]
        self.assertTrue(dois, "the test edge must cite a reference with a DOI")
        self.open(self.file)
        self.hover(f"edge-{index}")
        WebDriverWait(driver, 5).until(lambda d: "inhibits" in self.info().text)
        links = [a.get_attribute("href") for a in self.info().find_elements(By.CSS_SELECTOR, "a[href]")]
        for doi in dois:
            self.assertIn(f"https://doi.org/{doi}", links, f"#info lacks the DOI link of {doi}")
        for ref in edge["refs"]:
            citation = graph["references"][ref]["citation"]
            self.assertIn(" ".join(citation.split()[:3]), self.info().text, f"#info lacks the citation of {ref}")
        self.shot("ketamine-hover-edge")
        # The keyboard reaches the same details: focus another edge.
        other = self.edges.index(("nmdar", "inhibits", "analgesia"))
        driver.execute_script("document.getElementById(arguments[0]).focus()", f"edge-{other}")
        WebDriverWait(driver, 5).until(lambda d: "Analgesia" in self.info().text or "analgesia" in self.info().text)
        self.assertEqual(driver.execute_script("return document.activeElement.id"), f"edge-{other}")
        self.shot("ketamine-focus-edge")

    def assert_paths(self, highlighted, hops, report):
        expected = {hop for path in hops for hop in path}
        got = {self.edges[i] for i in highlighted}
        self.assertEqual(got, expected, "highlighted edges differ from the engine's paths")
        off = set(self.edges_with("off-path"))
        self.assertEqual(off, set(self.drawn()) - set(highlighted), "every other edge is off-path")
        verdict = driver.find_element(By.ID, "verdict").text.lower()
        # The verdict in words: the engine's verdict, its reading (e.g. relieves/prevents) and the count.
        self.assertRegex(verdict, rf"\b{report['verdict']}\b", "#verdict lacks the engine's verdict")
        for word in re.findall(r"[a-z]+", report["reading"].lower()):
            self.assertIn(word, verdict, "#verdict lacks the engine's reading")
        self.assertRegex(verdict, rf"\b{report['total']} paths?\b", "#verdict lacks the number of paths")

    def test_paths_highlight_exactly_the_engines_edges(self):
        report, hops = engine_paths(KETAMINE, "ketamine", "analgesia")
        self.assertGreater(report["total"], 1)
        self.open(self.file)
        view_box = "return document.querySelector('#canvas svg').getAttribute('viewBox')"
        whole = driver.execute_script(view_box)
        self.assert_paths(self.show_paths("ketamine", "analgesia"), hops, report)
        # The view zooms to the paths: narrower than the whole drawing, with every node on a path inside the pane.
        framed = driver.execute_script(view_box)
        self.assertLess(float(framed.split()[2]), float(whole.split()[2]), "the view did not zoom to the paths")
        outside = driver.execute_script(
            "const pane = document.querySelector('#canvas svg').getBoundingClientRect();"
            "return Array.from(document.querySelectorAll('[id^=\"node-\"].on-path')).filter(g => {"
            "  const r = g.getBoundingClientRect();"
            "  return r.left < pane.left - 1 || r.top < pane.top - 1 || r.right > pane.right + 1 || r.bottom > pane.bottom + 1;"
            "}).map(g => g.id)"
        )
        self.assertEqual(outside, [], "nodes on the paths lie outside the pane")
        self.shot("ketamine-paths")
        # By label too, and Escape clears the highlight and goes back to the view before.
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        WebDriverWait(driver, 5).until(lambda d: not self.edges_with("on-path") and not self.edges_with("off-path"))
        restored = [float(v) for v in driver.execute_script(view_box).split()]
        self.assertEqual(restored, [float(v) for v in whole.split()], "Escape did not restore the view")
        report, hops = engine_paths(KETAMINE, "esketamine", "depression")
        labels = {n["id"]: n["label"] for n in self.data()["nodes"]}
        self.assert_paths(self.show_paths(labels["esketamine"], labels["depression"]), hops, report)
        self.shot("ketamine-paths-by-label")
        # By clicks: a node, then its "paths from here"; another node, then "paths to here".
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        report, hops = engine_paths(KETAMINE, "arketamine", "antidepressant-effect")
        for node, button in (("arketamine", "from here"), ("antidepressant-effect", "to here")):
            self.hover(f"node-{node}")
            ActionChains(driver).click().perform()
            xpath = f".//button[contains(translate(., 'PFT', 'pft'), '{button}')]"
            WebDriverWait(driver, 5).until(lambda d: self.info().find_elements(By.XPATH, xpath))
            self.info().find_element(By.XPATH, xpath).click()
        WebDriverWait(driver, 10).until(lambda d: self.edges_with("on-path"))
        self.assertEqual(driver.find_element(By.ID, "from").get_attribute("value"), "arketamine")
        self.assertEqual(driver.find_element(By.ID, "to").get_attribute("value"), "antidepressant-effect")
        self.assert_paths(self.edges_with("on-path"), hops, report)
        self.shot("ketamine-paths-by-clicks")

    def test_context_greys_out_exactly_the_filtered_edges(self):
        every, kept = drawn_edges(KETAMINE), drawn_edges(KETAMINE, "dose=subanesthetic")
        removed = every - kept
        self.assertTrue(removed, "dose=subanesthetic must remove edges for this test to mean anything")
        self.open(self.file)
        self.assertEqual(self.edges_with("dimmed"), [], "nothing dimmed before a context is chosen")
        Select(driver.find_element(By.ID, "context-dose")).select_by_value("subanesthetic")
        WebDriverWait(driver, 5).until(lambda d: self.edges_with("dimmed"))
        dimmed = collections.Counter(self.edges[i] for i in self.edges_with("dimmed"))
        self.assertEqual(dimmed, removed, "dimmed edges differ from those render --where dose=subanesthetic leaves out")
        self.shot("ketamine-context-subanesthetic")
        # Paths switch to the filtered answer.
        report, hops = engine_paths(KETAMINE, "ketamine", "analgesia", "dose=subanesthetic")
        self.assert_paths(self.show_paths("ketamine", "analgesia"), hops, report)
        self.shot("ketamine-context-subanesthetic-paths")
        Select(driver.find_element(By.ID, "context-dose")).select_by_value("")
        WebDriverWait(driver, 5).until(lambda d: not self.edges_with("dimmed"))

    def test_every_context_value_greys_out_exactly_the_filtered_edges(self):
        with open(KETAMINE, encoding="utf-8") as file:
            declared = {key: d["values"] for key, d in yaml.safe_load(file)["contexts"].items()}
        every = drawn_edges(KETAMINE)
        self.open(self.file)
        # Each key's last value stays chosen when the next key is chosen: one key=value is active at a time.
        for key, values in declared.items():
            select = Select(driver.find_element(By.ID, f"context-{key}"))
            self.assertEqual([o.get_attribute("value") for o in select.options], ["", *values], f"#context-{key}'s choices")
            for value in values:
                with self.subTest(context=f"{key}={value}"):
                    select.select_by_value(value)
                    chosen = driver.execute_script(
                        "return Array.from(document.querySelectorAll('select[id^=\"context-\"]'))"
                        ".filter(s => s.value !== '').map(s => s.id + '=' + s.value)"
                    )
                    self.assertEqual(chosen, [f"context-{key}={value}"], "more than one key=value chosen")
                    removed = every - drawn_edges(KETAMINE, f"{key}={value}")
                    dimmed = collections.Counter(self.edges[i] for i in self.edges_with("dimmed"))
                    self.assertEqual(dimmed, removed, f"dimmed edges differ from those render --where {key}={value} leaves out")
        select.select_by_value("")
        self.assertEqual(self.edges_with("dimmed"), [], "back to any: nothing dimmed")

    def test_hovering_a_node_shows_its_details(self):
        with open(KETAMINE, encoding="utf-8") as file:
            nodes = {n["id"]: n for n in yaml.safe_load(file)["nodes"]}
        self.open(self.file)
        # ketamine has xrefs, synonyms, a system and a role; serum-bdnf a description.
        for node in (nodes["ketamine"], nodes["serum-bdnf"]):
            self.hover(f"node-{node['id']}")
            WebDriverWait(driver, 5).until(lambda d: node["id"] in self.info().text)
            text = " ".join(self.info().text.split())
            expected = [node["kind"], node.get("system"), node.get("role"), node.get("description")]
            expected += node.get("synonyms", []) + [f"{k}={v}" for k, v in node.get("xrefs", {}).items()]
            for value in filter(None, expected):
                self.assertIn(" ".join(value.split()), text, f"#info of {node['id']} lacks {value!r}")
            self.shot(f"ketamine-hover-node-{node['id']}")

    def test_the_legend_is_the_static_figures(self):
        static = run("render", KETAMINE, "--format", "svg", "-o", "-", *expand_forms())
        self.open(self.file)
        legend = """
            const root = arguments[0] === null ? document.querySelector('#canvas svg')
              : new DOMParser().parseFromString(arguments[0], 'image/svg+xml');
            return Array.from(root.querySelectorAll('g[class~="legend"], g[class*="legend-"]'))
              .map(g => g.getAttribute('class') + ': ' + g.textContent.replace(/\\s+/g, ' ').trim());
        """
        page, figure = driver.execute_script(legend, None), driver.execute_script(legend, static)
        self.assertGreater(len(figure), 20, "the static figure has a legend")
        self.assertEqual(page, figure, "the page's legend differs from the static figure's")
        self.assertTrue(any("inhibits" in entry for entry in page))

    def test_clicking_a_node_marks_its_neighbourhood(self):
        self.open(self.file)
        self.hover("node-nmdar")
        ActionChains(driver).click().perform()
        WebDriverWait(driver, 5).until(lambda d: self.edges_with("neighbour"))
        incident = {i for i, (a, _, b) in enumerate(self.edges) if "nmdar" in (a, b)}
        self.assertEqual(set(self.edges_with("neighbour")), incident)
        self.assertIn("NMDA", self.info().text)
        self.shot("ketamine-neighbourhood")
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        WebDriverWait(driver, 5).until(lambda d: not self.edges_with("neighbour"))

    def test_keyboard_search_tab_and_zoom(self):
        self.open(self.file)
        incident = {i for i, (a, _, b) in enumerate(self.edges) if "nmdar" in (a, b)}
        search = driver.find_element(By.ID, "search")
        search.send_keys("NMDAR")  # a synonym
        WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
        self.assertIn("NMDA receptor", driver.find_element(By.ID, "search-results").text)
        search.send_keys(Keys.ARROW_DOWN)
        self.shot("ketamine-search")
        search.send_keys(Keys.ENTER)
        WebDriverWait(driver, 5).until(lambda d: self.edges_with("neighbour"))
        self.assertEqual(set(self.edges_with("neighbour")), incident, "Enter on the search result picks NMDA receptor")
        # Tab walks from the controls into the drawing: some node or edge takes the focus.
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        driver.find_element(By.ID, "search").click()
        for _ in range(60):
            driver.switch_to.active_element.send_keys(Keys.TAB)
            focused = driver.execute_script("return document.activeElement.id")
            if re.match(r"^(edge|node)-", focused):
                break
        else:
            self.fail("Tab never reached a node or an edge of the drawing")
        self.assertNotEqual(self.info().text.strip(), "", "a focused element shows its details")
        self.assert_visible_focus(focused)
        self.shot("ketamine-tab-focus")
        driver.execute_script("document.getElementById('node-nmdar').focus()")
        self.assert_visible_focus("node-nmdar")
        self.assertEqual(
            driver.execute_script("return getComputedStyle(document.querySelector('#node-nmdar :is(polygon, ellipse, path)')).stroke"),
            "rgb(11, 87, 208)", "a focused node is outlined in the focus colour",
        )
        self.shot("ketamine-focus-node")
        # Zoom in: a node is drawn larger.
        width = "return document.getElementById('node-ketamine').getBoundingClientRect().width"
        before = driver.execute_script(width)
        driver.find_element(By.ID, "zoom-in").click()
        self.assertGreater(driver.execute_script(width), before * 1.1, "#zoom-in does not enlarge the drawing")
        # Pan: arrow keys on the focused drawing, and a drag, move the view.
        view = "return document.querySelector('#canvas svg').getAttribute('viewBox').split(/[ ,]+/).map(Number)"
        start = driver.execute_script(view)
        driver.execute_script("document.getElementById('canvas').focus()")
        driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
        moved = driver.execute_script(view)
        self.assertGreater(moved[0], start[0], "ArrowRight does not pan right")
        self.assertEqual(moved[2:], start[2:], "panning changed the zoom")
        canvas = driver.find_element(By.ID, "canvas")
        ActionChains(driver).move_to_element(canvas).click_and_hold().move_by_offset(-120, -60).release().perform()
        dragged = driver.execute_script(view)
        self.assertGreater(dragged[0], moved[0], "dragging left does not pan right")
        self.assertGreater(dragged[1], moved[1], "dragging up does not pan down")


class HostilePages(PageTest):
    """The hostile-label fixtures: drawn exactly as written, and no string of theirs ever runs."""

    def exercise(self, graph, name):
        page = PAGES / f"{name}.html"
        run("render", graph, "-o", page)
        with open(graph, encoding="utf-8") as file:
            source = yaml.safe_load(file)
        self.open(page)
        data = self.data()
        self.assertEqual([n["label"] for n in data["nodes"]], [n.get("label", n["id"]) for n in source["nodes"]])
        self.assertEqual(data["graph"]["title"], source["title"])
        self.assertEqual(self.drawn(), list(range(len(source["edges"]))))
        # Every place a string reaches: the info panel of each edge and node, search, paths.
        for element in driver.find_elements(By.CSS_SELECTOR, "svg [id^='edge-'], svg [id^='node-']"):
            driver.execute_script(
                "const e = arguments[0]; e.focus();"
                "e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"
                "e.dispatchEvent(new MouseEvent('mouseenter'));",
                element,
            )
        for node in source["nodes"]:
            label = node.get("label", node["id"])
            driver.execute_script("document.getElementById(arguments[0]).focus()", f"node-{node['id']}")
            info = driver.execute_script("return document.getElementById('info').textContent")
            self.assertIn(" ".join(label.split()), " ".join(info.split()), f"#info does not show {node['id']}'s label as written")
        search = driver.find_element(By.ID, "search")
        for query in ("<", "script", "onload", "\"", "'"):
            search.clear()
            search.send_keys(query)
            search.send_keys(Keys.ARROW_DOWN)
        for select in driver.find_elements(By.CSS_SELECTOR, "select[id^='context-']"):
            for index in range(len(Select(select).options)):
                Select(select).select_by_index(index)
        source_node, target_node = source["nodes"][0]["id"], source["nodes"][-1]["id"]
        for field, value in (("from", source_node), ("to", target_node)):
            box = driver.find_element(By.ID, field)
            box.clear()
            box.send_keys(value)
        driver.find_element(By.ID, "show-paths").click()
        self.shot(name)
        injected = driver.execute_script(
            """
            const bad = [];
            for (const e of document.querySelectorAll('*')) {
              for (const a of e.attributes) {
                if (/^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value)) bad.push(e.tagName + ' ' + a.name + '=' + a.value);
              }
              if (['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED'].includes(e.tagName) && e.id !== 'pharmgraph-data'
                  && /pwn|alert/.test(e.outerHTML)) bad.push(e.outerHTML.slice(0, 120));
              if (e.tagName === 'B' && e.textContent === 'not bold') bad.push(e.outerHTML.slice(0, 120));
            }
            return bad;
            """
        )
        self.assertEqual(injected, [], f"{name}: markup from the graph became elements or handlers")

    def test_hostile_labels_run_nothing(self):
        self.exercise(HOSTILE_LABELS, "hostile-labels")

    def test_script_payloads_run_nothing(self):
        self.exercise(HOSTILE_SCRIPT, "hostile-script")

    def test_viewer_fixture_runs_nothing(self):
        self.exercise(HOSTILE_VIEWER, "hostile-viewer")


class DiffViewer(PageTest):
    """`diff --render X.html`: the changed edges drawn, old → new on hover."""

    def test_diff_page_shows_a_sign_flip(self):
        page = PAGES / "diff.html"
        run("diff", DIFF_OLD, DIFF_NEW, "--render", page, expect=(1,))
        self.open(page)
        data = self.data()
        self.assertIn("diff", data)
        flips = [i for i, e in enumerate(data["edges"]) if (e["from"], e["to"]) == ("drug-a", "receptor-x")]
        self.assertEqual(len(flips), 1, "the flipped edge drug-a → receptor-x once")
        self.assertIn(flips[0], self.drawn())
        self.assert_contrast()
        self.shot("diff-loaded")
        self.hover(f"edge-{flips[0]}")
        WebDriverWait(driver, 5).until(lambda d: "inhibits" in self.info().text)
        text = self.info().text
        self.assertRegex(text, r"activates\s*→\s*inhibits", "#info lacks old → new relation")
        self.shot("diff-hover-flip")
        # Every other kind of change, hovered: its status, and for a changed edge each field as old → new.
        items = data["diff"]["edges"]
        for status in ("added", "removed", "changed"):
            with self.subTest(status=status):
                i = next(k for k, item in enumerate(items) if item["status"] == status)
                self.assertIn(i, self.drawn(), f"the {status} edge {i} is drawn")
                self.hover(f"edge-{i}")
                WebDriverWait(driver, 5).until(lambda d: f"#{i}" in self.info().text)
                text = " ".join(self.info().text.split())
                self.assertRegex(text, rf"\bchange {status}\b", f"#info lacks the {status} edge's status")
                for change in items[i]["changes"]:
                    self.assertIn(" ".join(change.split()), text, f"#info lacks the change {change!r}")
                if status == "changed":
                    self.assertTrue(any(" → " in c for c in items[i]["changes"]), "a changed edge with old → new values")
                    self.shot("diff-hover-changed")
        node, item = next((n, item) for n, item in sorted(data["diff"]["nodes"].items()) if item["status"] == "changed")
        self.hover(f"node-{node}")
        WebDriverWait(driver, 5).until(lambda d: "change changed" in " ".join(self.info().text.split()))
        for change in item["changes"]:
            self.assertIn(" ".join(change.split()), " ".join(self.info().text.split()), f"#info lacks {node}'s change {change!r}")


def main():
    """Runs every test verbosely, then prints the plain count line; exit 1 on any failure or error."""
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    passed = result.testsRun - failed - len(result.skipped)
    print(f"browser: {passed} passed, {failed} failed, {len(result.skipped)} skipped")
    print(f"browser: screenshots in {SHOTS}, pages in {PAGES}")
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
