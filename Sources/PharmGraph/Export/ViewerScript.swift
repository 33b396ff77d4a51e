extension ViewerAssets {
    /// The page's script: reads the embedded JSON and wires the SVG's `node-ID` and `edge-N` groups to it.
    /// It builds every element from data with `textContent` and `setAttribute`, never with markup, and computes
    /// nothing the path engine answers: paths, verdicts and context filters are all looked up in the data.
    static let script = #"""
        (function () {
          'use strict';
          var data = JSON.parse(document.getElementById('pharmgraph-data').textContent);
          var svg = document.querySelector('#canvas svg');
          var canvas = document.getElementById('canvas');
          var info = document.getElementById('info');
          var verdictBox = document.getElementById('verdict');
          var pathList = document.getElementById('path-list');
          var fromInput = document.getElementById('from');
          var toInput = document.getElementById('to');
          var searchInput = document.getElementById('search');
          var results = document.getElementById('search-results');
          var nodes = {};
          var nodeEls = {};
          var edgeEls = [];
          var edgesOf = {};
          var context = '';
          var current = null;
          var selectedNode = null;
          var pinned = null;

          function domID(id) {
            var out = '';
            for (var ch of id) {
              out += /^[A-Za-z0-9-]$/.test(ch) ? ch : '_' + ch.codePointAt(0).toString(16) + '_';
            }
            return out;
          }
          function el(tag, text, cls) {
            var e = document.createElement(tag);
            if (text !== undefined && text !== null) e.textContent = String(text);
            if (cls) e.setAttribute('class', cls);
            return e;
          }
          function label(id) { return nodes[id] ? nodes[id].label : id; }
          /* A node's name isolated from the text around it, so that its bidi controls stay inside it. */
          function name(id) { return el('bdi', label(id)); }
          /* An element holding names and words in order: a string is a node id, an array [text] plain words. */
          function line(tag, parts, cls) {
            var e = el(tag, null, cls);
            parts.forEach(function (p) { e.appendChild(typeof p === 'string' ? name(p) : document.createTextNode(p[0])); });
            return e;
          }
          var glyphs = { positive: '\u2192', negative: '\u22A3', unknown: '\u21DD', none: '\u2014' };
          function glyph(edge) { return glyphs[edge.sign] || '\u2014'; }
          function signWord(sign) {
            return { positive: '+ (increases)', negative: '\u2212 (decreases)', unknown: '? (unknown sign)', none: 'none (no causal claim)' }[sign] || sign;
          }
          function netWord(symbol) { return { '+': 'net +', '-': 'net \u2212', '?': 'net ?', '0': 'net 0' }[symbol] || 'net ' + symbol; }
          function entries(map) { return Object.keys(map || {}).sort().map(function (k) { return k + '=' + map[k]; }).join(', '); }
          function diffItem(e) { return data.diff ? data.diff.edges[e.i] : null; }

          data.nodes.forEach(function (n) { nodes[n.id] = n; edgesOf[n.id] = []; });
          data.edges.forEach(function (e) {
            if (edgesOf[e.from]) edgesOf[e.from].push(e.i);
            if (edgesOf[e.to] && e.to !== e.from) edgesOf[e.to].push(e.i);
          });

          function addClass(e, c) { if (e) e.classList.add(c); }
          function removeAll(c) {
            Array.prototype.forEach.call(svg.querySelectorAll('.' + c), function (e) { e.classList.remove(c); });
          }

          /* The SVG's groups: focusable, labelled, and a wide invisible stroke to point at thin edges. */
          data.nodes.forEach(function (n) {
            var g = document.getElementById('node-' + domID(n.id));
            if (!g) return;
            nodeEls[n.id] = g;
            g.setAttribute('tabindex', '0');
            g.setAttribute('role', 'button');
            g.setAttribute('aria-label', n.label + ', ' + n.kind);
            g.addEventListener('mouseenter', function () { showNode(n); });
            g.addEventListener('mouseleave', restore);
            g.addEventListener('focus', function () { g.classList.add('focused'); reveal(g); showNode(n); });
            g.addEventListener('blur', function () { g.classList.remove('focused'); });
            g.addEventListener('click', function (event) { event.stopPropagation(); selectNode(n.id); });
            g.addEventListener('keydown', function (event) {
              if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); selectNode(n.id); }
            });
          });
          data.edges.forEach(function (e) {
            var g = document.getElementById('edge-' + e.i);
            if (!g) return;
            edgeEls[e.i] = g;
            g.setAttribute('tabindex', '0');
            g.setAttribute('role', 'button');
            g.setAttribute('aria-label', label(e.from) + ' ' + e.relation + ' ' + label(e.to));
            var stroke = g.querySelector('path');
            if (stroke) {
              var hit = stroke.cloneNode(false);
              hit.setAttribute('class', 'hit');
              hit.removeAttribute('stroke-dasharray');
              g.insertBefore(hit, g.firstChild);
            }
            g.addEventListener('mouseenter', function () { showEdge(e); });
            g.addEventListener('mouseleave', restore);
            g.addEventListener('focus', function () { g.classList.add('focused'); reveal(g); showEdge(e); });
            g.addEventListener('blur', function () { g.classList.remove('focused'); });
            g.addEventListener('click', function (event) { event.stopPropagation(); pinned = { edge: e }; showEdge(e); });
          });

          /* The details panel: what is hovered or focused; after leaving it, what was clicked (pinned). */
          function restore() {
            if (!pinned) return;
            if (pinned.edge) showEdge(pinned.edge); else showNode(pinned.node);
          }
          function definitions(pairs) {
            var dl = el('dl');
            pairs.forEach(function (p) {
              if (p[1] === undefined || p[1] === null || p[1] === '') return;
              dl.appendChild(el('dt', p[0]));
              var dd = el('dd');
              if (p[1] instanceof Node) dd.appendChild(p[1]); else dd.textContent = String(p[1]);
              dl.appendChild(dd);
            });
            return dl;
          }
          function citation(key) {
            var li = el('li');
            var ref = data.references[key];
            if (!ref) { li.textContent = key; return li; }
            li.appendChild(el('span', ref.citation));
            if (ref.doi) {
              li.appendChild(document.createTextNode(' '));
              var a = el('a', 'doi:' + ref.doi);
              a.setAttribute('href', 'https://doi.org/' + encodeURI(ref.doi));
              a.setAttribute('rel', 'noopener noreferrer');
              a.setAttribute('target', '_blank');
              li.appendChild(a);
            } else if (ref.url) {
              li.appendChild(el('span', ' ' + ref.url, 'url'));
            }
            if (ref.pmid) li.appendChild(document.createTextNode(' PMID ' + ref.pmid));
            return li;
          }
          function changes(item) {
            if (!item) return null;
            var box = el('div');
            box.appendChild(definitions([['change', item.status]]));
            if (item.changes.length) {
              var ul = el('ul');
              item.changes.forEach(function (c) { ul.appendChild(el('li', c)); });
              box.appendChild(ul);
            }
            return box;
          }
          function showEdge(e) {
            info.textContent = '';
            info.appendChild(line('h3', [e.from, [' ' + glyph(e) + ' '], e.to]));
            var item = diffItem(e);
            if (item) info.appendChild(changes(item));
            info.appendChild(definitions([
              ['relation', e.relation + (e.loss_of_function ? ' (known from blocking the source)' : '')],
              ['sign', signWord(e.sign)],
              ['certainty', e.certainty + (e.correlational ? ', correlational' : '')],
              ['strength', e.strength],
              ['action', e.action],
              ['context', entries(e.context) || 'any'],
              ['edge', '#' + e.i]
            ]));
            if (e.evidence) info.appendChild(el('blockquote', e.evidence));
            if (e.note) info.appendChild(el('p', e.note));
            if (e.refs.length) {
              info.appendChild(el('h4', 'Citations'));
              var ul = el('ul');
              e.refs.forEach(function (key) { ul.appendChild(citation(key)); });
              info.appendChild(ul);
            }
          }
          function showNode(n) {
            info.textContent = '';
            info.appendChild(line('h3', [n.id]));
            if (data.diff && data.diff.nodes[n.id]) info.appendChild(changes(data.diff.nodes[n.id]));
            var kind = n.kind + (n.role ? ' (' + n.role + ')' : '') + (n.valence ? ' (' + n.valence + ')' : '');
            info.appendChild(definitions([
              ['id', n.id], ['kind', kind], ['system', n.system],
              ['synonyms', (n.synonyms || []).join(', ')], ['xrefs', entries(n.xrefs)]
            ]));
            if (n.description) info.appendChild(el('p', n.description));
            var actions = el('div', null, 'actions');
            var from = el('button', 'Paths from here');
            from.setAttribute('type', 'button');
            from.addEventListener('click', function () { fromInput.value = n.id; if (toInput.value) showPaths(); else toInput.focus(); });
            var to = el('button', 'Paths to here');
            to.setAttribute('type', 'button');
            to.addEventListener('click', function () { toInput.value = n.id; if (fromInput.value) showPaths(); else fromInput.focus(); });
            actions.appendChild(from);
            actions.appendChild(to);
            info.appendChild(actions);
          }

          /* A node's neighbourhood: the node, its edges and the nodes at their other ends. */
          function selectNode(id) {
            clearNeighbourhood();
            selectedNode = id;
            var g = nodeEls[id];
            addClass(g, 'neighbour');
            addClass(g, 'selected');
            edgesOf[id].forEach(function (i) {
              var e = data.edges[i];
              addClass(edgeEls[i], 'neighbour');
              addClass(nodeEls[e.from], 'neighbour');
              addClass(nodeEls[e.to], 'neighbour');
            });
            document.body.classList.add('neighbourhood');
            if (nodes[id]) { pinned = { node: nodes[id] }; showNode(nodes[id]); }
          }
          function clearNeighbourhood() {
            removeAll('neighbour');
            removeAll('selected');
            selectedNode = null;
            document.body.classList.remove('neighbourhood');
          }

          /* Paths: looked up in the precomputed results of the chosen context. */
          function resolve(text) {
            var t = text.trim();
            if (!t) return null;
            if (nodes[t]) return t;
            var lower = t.toLowerCase();
            var hit = null;
            data.nodes.some(function (n) {
              if (n.label.toLowerCase() === lower || (n.synonyms || []).some(function (s) { return s.toLowerCase() === lower; })) { hit = n.id; return true; }
              return false;
            });
            return hit;
          }
          function clearPaths() {
            removeAll('on-path');
            removeAll('off-path');
            ['net-positive', 'net-negative', 'net-mixed'].forEach(removeAll);
            document.body.classList.remove('paths-shown');
            pathList.textContent = '';
            current = null;
          }
          function mark(paths, signs) {
            removeAll('on-path');
            removeAll('off-path');
            ['net-positive', 'net-negative', 'net-mixed'].forEach(removeAll);
            var on = {}, onNodes = {}, net = {};
            paths.forEach(function (p, k) {
              p.forEach(function (i) {
                on[i] = true;
                onNodes[data.edges[i].from] = true;
                onNodes[data.edges[i].to] = true;
                var s = signs.charAt(k);
                net[i] = net[i] === undefined || net[i] === s ? s : 'mixed';
              });
            });
            edgeEls.forEach(function (g, i) {
              if (!g) return;
              if (on[i]) {
                g.classList.add('on-path');
                g.classList.add(net[i] === '+' ? 'net-positive' : net[i] === '-' ? 'net-negative' : 'net-mixed');
              } else {
                g.classList.add('off-path');
              }
            });
            Object.keys(nodeEls).forEach(function (id) { nodeEls[id].classList.add(onNodes[id] ? 'on-path' : 'off-path'); });
            document.body.classList.add('paths-shown');
            return Object.keys(onNodes);
          }
          function pathLine(p) {
            var parts = [['  '], data.edges[p[0]].from];
            p.forEach(function (i) { var e = data.edges[i]; parts.push([' ' + glyph(e) + ' '], e.to); });
            return line('span', parts);
          }
          function showPaths() {
            clearNeighbourhood();
            var from = resolve(fromInput.value), to = resolve(toInput.value);
            verdictBox.textContent = '';
            pathList.textContent = '';
            if (!from || !to) {
              clearPaths();
              verdictBox.textContent = !from ? 'FROM names no node: give an id, a label or a synonym.' : 'TO names no node: give an id, a label or a synonym.';
              return;
            }
            var where = context ? ' where ' + context : '';
            /* The pair's answer and its paths, each stored once in the data's tables. */
            var at = (data.pairs[context] || {})[from + '\t' + to];
            var result = at === undefined ? null : data.answers[at];
            current = { from: from, to: to };
            if (!result) {
              mark([], '');
              var drug = nodes[from].kind === 'drug';
              var end = nodes[to].kind === 'effect' || nodes[to].kind === 'condition';
              verdictBox.appendChild(drug && end
                ? line('div', [['No path from '], from, [' to '], to, [' within ' + data.max_length + ' steps' + where + ': no determinate effect.']])
                : line('div', [['Paths are precomputed from drugs to effects and conditions; '], from, [' is a ' + nodes[from].kind + ' and '], to,
                  [' a ' + nodes[to].kind + '. Run pharmgraph paths for any other pair.']]));
              return;
            }
            verdictBox.appendChild(el('div', result.sentence, 'sentence'));
            var c = result.counts;
            var summary = (result.partial ? 'at least ' : '') + result.total + ' path' + (result.total === 1 ? '' : 's') + ': ' + c.positive + ' positive, ' + c.negative + ' negative, ' + c.unknown + ' unknown; verdict ' + result.verdict + (result.certainty ? ' (' + result.certainty + ')' : '');
            if (result.paths.length < result.total) summary += '; showing the ' + result.paths.length + ' shortest';
            if (context) summary += '\nwhere ' + context;
            if (result.partial) summary += '\nthe search stopped early: the counts are lower bounds and the verdict undetermined';
            verdictBox.appendChild(el('div', summary));
            var paths = result.paths.map(function (k) { return data.paths[k]; });
            frame(mark(paths, result.signs));
            paths.forEach(function (p, k) {
              var li = el('li');
              var b = el('button');
              b.setAttribute('type', 'button');
              b.appendChild(el('span', netWord(result.signs.charAt(k)), 'net'));
              b.appendChild(pathLine(p));
              b.addEventListener('click', function () {
                Array.prototype.forEach.call(pathList.querySelectorAll('button.current'), function (x) { x.classList.remove('current'); });
                b.classList.add('current');
                frame(mark([p], result.signs.charAt(k)));
              });
              li.appendChild(b);
              pathList.appendChild(li);
            });
          }
          document.getElementById('show-paths').addEventListener('click', showPaths);
          [fromInput, toInput].forEach(function (input) {
            input.addEventListener('keydown', function (event) { if (event.key === 'Enter') showPaths(); });
          });
          var list = document.getElementById('node-list');
          data.nodes.forEach(function (n) {
            var o = el('option');
            o.setAttribute('value', n.id);
            o.textContent = n.label === n.id ? n.kind : n.label + ' \u00B7 ' + n.kind;
            list.appendChild(o);
          });

          /* Context selects: one key=value at a time; edges outside it are dimmed and path results switch. */
          var selects = [];
          var contextBox = document.getElementById('context-controls');
          data.context_order.forEach(function (key) {
            var spec = data.contexts[key];
            var id = 'context-' + key;
            var lab = el('label', key);
            lab.setAttribute('for', id);
            var select = el('select');
            select.setAttribute('id', id);
            select.setAttribute('data-key', key);
            if (spec.description) select.setAttribute('title', spec.description);
            var any = el('option', 'any');
            any.setAttribute('value', '');
            select.appendChild(any);
            spec.values.forEach(function (v) { var o = el('option', v); o.setAttribute('value', v); select.appendChild(o); });
            select.addEventListener('change', function () {
              selects.forEach(function (other) { if (other !== select) other.value = ''; });
              setContext(select.value ? key + '=' + select.value : '');
            });
            contextBox.appendChild(lab);
            contextBox.appendChild(select);
            selects.push(select);
          });
          if (!selects.length) contextBox.appendChild(el('span', 'no context keys'));
          function setContext(name) {
            context = name;
            removeAll('dimmed');
            if (name) {
              var at = name.indexOf('=');
              var removed = data.contexts[name.slice(0, at)].removed[name.slice(at + 1)] || [];
              removed.forEach(function (i) { addClass(edgeEls[i], 'dimmed'); });
            }
            if (current) showPaths();
          }

          /* Search by id, label or synonym; arrow keys move, Enter picks. */
          var matches = [];
          var active = -1;
          function search() {
            var q = searchInput.value.trim().toLowerCase();
            results.textContent = '';
            matches = [];
            active = -1;
            searchInput.setAttribute('aria-expanded', 'false');
            if (!q) return;
            data.nodes.forEach(function (n) {
              var names = [n.id, n.label].concat(n.synonyms || []).map(function (s) { return s.toLowerCase(); });
              var rank = names.some(function (s) { return s === q; }) ? 0 : names.some(function (s) { return s.indexOf(q) === 0; }) ? 1 : names.some(function (s) { return s.indexOf(q) >= 0; }) ? 2 : 3;
              if (rank < 3) matches.push({ node: n, rank: rank });
            });
            matches.sort(function (a, b) { return a.rank - b.rank || a.node.label.localeCompare(b.node.label); });
            matches = matches.slice(0, 30);
            matches.forEach(function (m, k) {
              var li = el('li');
              li.setAttribute('role', 'option');
              li.setAttribute('id', 'search-option-' + k);
              li.appendChild(name(m.node.id));
              li.appendChild(el('span', ' \u00B7 ' + m.node.id + ' \u00B7 ' + m.node.kind, 'kind'));
              li.addEventListener('mousedown', function (event) { event.preventDefault(); pick(k); });
              results.appendChild(li);
            });
            if (matches.length) searchInput.setAttribute('aria-expanded', 'true');
            else results.appendChild(el('li', 'no node matches'));
          }
          function highlight(k) {
            var items = results.querySelectorAll('li[role=option]');
            if (!items.length) return;
            active = (k + items.length) % items.length;
            Array.prototype.forEach.call(items, function (li, i) {
              li.classList.toggle('active', i === active);
              li.setAttribute('aria-selected', i === active ? 'true' : 'false');
            });
            searchInput.setAttribute('aria-activedescendant', 'search-option-' + active);
            items[active].scrollIntoView({ block: 'nearest' });
          }
          function pick(k) {
            var m = matches[k];
            if (!m) return;
            results.textContent = '';
            searchInput.setAttribute('aria-expanded', 'false');
            searchInput.value = m.node.label;
            selectNode(m.node.id);
            centreOn(m.node.id);
          }
          searchInput.addEventListener('input', search);
          searchInput.addEventListener('keydown', function (event) {
            if (event.key === 'ArrowDown') { event.preventDefault(); highlight(active + 1); }
            else if (event.key === 'ArrowUp') { event.preventDefault(); highlight(active - 1); }
            else if (event.key === 'Enter') { event.preventDefault(); pick(active >= 0 ? active : 0); }
          });
          searchInput.addEventListener('blur', function () { setTimeout(function () { results.textContent = ''; }, 150); });

          /* Zoom and pan through the viewBox. */
          var base = (svg.getAttribute('viewBox') || '0 0 100 100').split(/[\s,]+/).map(Number);
          var view = base.slice();
          function apply() { svg.setAttribute('viewBox', view.join(' ')); }
          function zoom(factor, cx, cy) {
            var w = view[2] * factor, h = view[3] * factor;
            if (w < base[2] / 40 || w > base[2] * 4) return;
            if (cx === undefined) { cx = view[0] + view[2] / 2; cy = view[1] + view[3] / 2; }
            view = [cx - (cx - view[0]) * factor, cy - (cy - view[1]) * factor, w, h];
            apply();
          }
          function toView(clientX, clientY) {
            var r = svg.getBoundingClientRect();
            var scale = Math.max(view[2] / r.width, view[3] / r.height);
            var offX = (r.width * scale - view[2]) / 2, offY = (r.height * scale - view[3]) / 2;
            return [view[0] - offX + (clientX - r.left) * scale, view[1] - offY + (clientY - r.top) * scale, scale];
          }
          /* An element's box in the drawing's coordinates (the viewBox's). */
          function boxOf(g) {
            var box = g.getBBox();
            var m = g.getCTM() && svg.getCTM() ? svg.getCTM().inverse().multiply(g.getCTM()) : null;
            var x = box.x, y = box.y;
            if (m) { var px = m.a * x + m.c * y + m.e; y = m.b * x + m.d * y + m.f; x = px; }
            return [x, y, box.width, box.height];
          }
          function centreOn(id) {
            var g = nodeEls[id];
            if (!g) return;
            var b = boxOf(g);
            view = [b[0] + b[2] / 2 - view[2] / 2, b[1] + b[3] / 2 - view[3] / 2, view[2], view[3]];
            apply();
            g.focus({ preventScroll: true });
          }
          /* Zooms to the nodes of the paths shown, so that they fill the pane; Clear goes back to the view before. */
          var unframed = null;
          function frame(ids) {
            var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
            ids.forEach(function (id) {
              if (!nodeEls[id]) return;
              var b = boxOf(nodeEls[id]);
              x0 = Math.min(x0, b[0]); y0 = Math.min(y0, b[1]); x1 = Math.max(x1, b[0] + b[2]); y1 = Math.max(y1, b[1] + b[3]);
            });
            if (!(x1 > x0 && y1 > y0)) return;
            var pad = 0.06 * Math.max(x1 - x0, y1 - y0) + 24;
            if (!unframed) unframed = view.slice();
            view = [x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad];
            apply();
          }
          /* Pans to a focused element that is out of view (Tab walks the whole drawing). */
          function reveal(g) {
            var b = boxOf(g);
            var r = svg.getBoundingClientRect();
            var scale = Math.max(view[2] / r.width, view[3] / r.height);
            var w = r.width * scale, h = r.height * scale;
            var left = view[0] - (w - view[2]) / 2, top = view[1] - (h - view[3]) / 2;
            if (b[0] >= left && b[1] >= top && b[0] + b[2] <= left + w && b[1] + b[3] <= top + h) return;
            if (b[2] > w || b[3] > h) return;
            view = [b[0] + b[2] / 2 - view[2] / 2, b[1] + b[3] / 2 - view[3] / 2, view[2], view[3]];
            apply();
          }
          canvas.addEventListener('wheel', function (event) {
            event.preventDefault();
            var p = toView(event.clientX, event.clientY);
            zoom(event.deltaY < 0 ? 0.85 : 1 / 0.85, p[0], p[1]);
          }, { passive: false });
          var drag = null;
          canvas.addEventListener('pointerdown', function (event) {
            if (event.button !== 0) return;
            drag = { x: event.clientX, y: event.clientY, view: view.slice(), moved: false };
          });
          window.addEventListener('pointermove', function (event) {
            if (!drag) return;
            var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
            if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
            drag.moved = true;
            canvas.classList.add('dragging');
            var scale = toView(0, 0)[2];
            view = [drag.view[0] - dx * scale, drag.view[1] - dy * scale, view[2], view[3]];
            apply();
          });
          window.addEventListener('pointerup', function () {
            if (drag && drag.moved) {
              /* The click that ends a drag selects nothing. */
              window.addEventListener('click', function swallow(event) { event.stopPropagation(); window.removeEventListener('click', swallow, true); }, true);
            }
            drag = null;
            canvas.classList.remove('dragging');
          });
          canvas.addEventListener('keydown', function (event) {
            if (event.target !== canvas) return;
            var step = view[2] / 10;
            var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
            if (moves[event.key]) { event.preventDefault(); view[0] += moves[event.key][0]; view[1] += moves[event.key][1]; apply(); }
            else if (event.key === '+' || event.key === '=') zoom(0.8);
            else if (event.key === '-') zoom(1.25);
            else if (event.key === '0') { view = base.slice(); unframed = null; apply(); }
          });
          document.getElementById('zoom-in').addEventListener('click', function () { zoom(0.8); });
          document.getElementById('zoom-out').addEventListener('click', function () { zoom(1.25); });
          document.getElementById('zoom-reset').addEventListener('click', function () { view = base.slice(); unframed = null; apply(); });

          /* Escape (or Clear) clears the neighbourhood, the paths, the search and the context. */
          function clearAll() {
            clearNeighbourhood();
            pinned = null;
            clearPaths();
            if (unframed) { view = unframed; unframed = null; apply(); }
            results.textContent = '';
            selects.forEach(function (s) { s.value = ''; });
            context = '';
            removeAll('dimmed');
            verdictBox.textContent = 'Pick FROM and TO, then Show paths.';
          }
          document.getElementById('clear').addEventListener('click', clearAll);
          document.addEventListener('keydown', function (event) { if (event.key === 'Escape') clearAll(); });
          canvas.addEventListener('click', function () { if (selectedNode) clearNeighbourhood(); });
        })();
        """#
}
