"""Path-query benchmark: pharmgraph beside networkx, igraph and rustworkx.

Each tool runs in its own process, so its peak memory is its own. Every tool
answers the same queries; the script fails if any count differs.

Semantics shared by all tools (and checked): Hetionet is read as an undirected
multigraph (parallel edges of different metaedges are distinct edges, so a path
is a sequence of edges); a path is simple; a target set is reached by every
path that ends at any target, and may pass through one target to another.
igraph returns distinct vertex paths, so its counts are weighted by the number
of parallel edges along each path, and that work is part of its time.
"""

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from itertools import product

# Of the 387 compounds that treat a disease, the five with the fewest simple paths of length
# <= 4 to any disease (0.20-0.42 million each; the median compound has 6.3 million), so that
# igraph and rustworkx, which return every path as a Python list, fit in memory, and networkx,
# which walks every length-4 walk unpruned (51 s for the first), finishes in minutes.
COMPOUNDS = ["Compound::DB00258", "Compound::DB00287", "Compound::DB00981", "Compound::DB01057", "Compound::DB01190"]
OMNI_PAIRS = [("EGFR", "MAPK1"), ("TNF", "NFKB1"), ("INS", "MTOR"), ("IL6", "STAT3"), ("DRD2", "CREB1"),
              ("OPRM1", "MAPK1"), ("GRIN1", "CREB1"), ("NTRK2", "MTOR"), ("AKT1", "GSK3B"), ("TP53", "MDM2")]
SIF = "hetionet/hetionet-v1.0-edges-partial16.sif.gz"
OMNI = "omnipath-signed/omnipath_carnival.tsv"


def read_sif(path):
    edges = []
    with gzip.open(path, "rt") as f:
        next(f)
        for line in f:
            s, label, t = line.rstrip("\n").split("\t")
            edges.append((s, label, t))
    return edges


def read_omnipath(path):
    edges = []
    with open(path) as f:
        next(f)
        for line in f:
            s, sign, t = line.rstrip("\n").split("\t")
            edges.append((s, int(sign), t))
    return edges


def peak_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def spec(data):
    """The queries: 100 compound-disease pairs for shortest paths, chosen with a fixed seed."""
    edges = read_sif(os.path.join(data, SIF))
    compounds = sorted({n for e in edges for n in (e[0], e[2]) if n.startswith("Compound::")})
    diseases = sorted({n for e in edges for n in (e[0], e[2]) if n.startswith("Disease::")})
    rng = random.Random(7)
    pairs = [(rng.choice(compounds), rng.choice(diseases)) for _ in range(100)]
    return {"diseases": diseases, "pairs": pairs, "compounds": COMPOUNDS, "omni_pairs": OMNI_PAIRS}


# ---------------------------------------------------------------- workers


def worker(tool, data, queries, quick):
    out = {"tool": tool, "times": {}, "answers": {}}
    t0 = time.perf_counter()
    edges = read_sif(os.path.join(data, SIF))
    if tool == "networkx":
        import networkx as nx
        G = nx.MultiGraph()
        G.add_edges_from((s, t) for s, _, t in edges)
        index = None
    else:
        names = sorted({n for s, _, t in edges for n in (s, t)})
        index = {n: i for i, n in enumerate(names)}
        pairs = [(index[s], index[t]) for s, _, t in edges]
        if tool == "igraph":
            import igraph as ig
            G = ig.Graph(n=len(names), edges=pairs, directed=False)
            multiplicity = Counter(tuple(sorted(p)) for p in pairs)
        else:
            import rustworkx as rx
            G = rx.PyGraph(multigraph=True)
            G.add_nodes_from(range(len(names)))
            G.add_edges_from_no_data(pairs)
    del edges
    out["times"]["load"] = time.perf_counter() - t0
    out["peak_kb_after_load"] = peak_kb()

    def ids(nodes):
        return nodes if index is None else [index[n] for n in nodes]

    # 100 shortest path lengths (-1: no path).
    t0 = time.perf_counter()
    lengths = []
    for s, t in queries["pairs"]:
        if tool == "networkx":
            import networkx as nx
            try:
                lengths.append(nx.shortest_path_length(G, s, t))
            except nx.NetworkXNoPath:
                lengths.append(-1)
        elif tool == "igraph":
            d = G.distances(index[s], index[t])[0][0]
            lengths.append(-1 if d == float("inf") else int(d))
        else:
            import rustworkx as rx
            paths = rx.graph_dijkstra_shortest_paths(G, index[s], target=index[t])
            lengths.append(len(paths[index[t]]) - 1 if index[t] in paths else -1)
    out["times"]["shortest100"] = time.perf_counter() - t0
    out["answers"]["shortest100"] = lengths

    diseases = ids(queries["diseases"])
    for length in ([3] if quick else [3, 4]):
        t0 = time.perf_counter()
        counts = []
        for c in queries["compounds"]:
            if tool == "networkx":
                import networkx as nx
                counts.append(sum(1 for _ in nx.all_simple_paths(G, c, set(diseases), cutoff=length)))
            elif tool == "igraph":
                total = 0
                for p in G.get_all_simple_paths(index[c], to=diseases, maxlen=length):
                    m = 1
                    for u, v in zip(p, p[1:]):
                        m *= multiplicity[(u, v) if u < v else (v, u)]
                    total += m
                counts.append(total)
            else:
                import rustworkx as rx
                counts.append(len(rx.all_simple_paths(G, index[c], diseases, cutoff=length)))
        out["times"][f"paths<={length}"] = time.perf_counter() - t0
        out["answers"][f"paths<={length}"] = counts
    out["peak_kb"] = peak_kb()

    # OmniPath: signed counts, directed, length <= 4.
    omni = read_omnipath(os.path.join(data, OMNI))
    t0 = time.perf_counter()
    signs = defaultdict(list)
    for s, sign, t in omni:
        signs[(s, t)].append(sign)
    if tool == "networkx":
        import networkx as nx
        D = nx.MultiDiGraph()
        for s, sign, t in omni:
            D.add_edge(s, t, sign=sign)
    else:
        onames = sorted({n for s, _, t in omni for n in (s, t)})
        oindex = {n: i for i, n in enumerate(onames)}
        if tool == "igraph":
            import igraph as ig
            D = ig.Graph(n=len(onames), edges=[(oindex[s], oindex[t]) for s, _, t in omni], directed=True)
        else:
            import rustworkx as rx
            D = rx.PyDiGraph(multigraph=True)
            D.add_nodes_from(range(len(onames)))
            D.add_edges_from_no_data([(oindex[s], oindex[t]) for s, _, t in omni])
    out["times"]["omnipath-load"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    answers = []
    for s, t in queries["omni_pairs"]:
        positive = negative = 0
        if tool == "networkx":
            for path in nx.all_simple_edge_paths(D, s, t, cutoff=4):
                sign = 1
                for u, v, k in path:
                    sign *= D.edges[u, v, k]["sign"]
                positive += sign > 0
                negative += sign < 0
        else:
            if tool == "igraph":
                vertex_paths = set(map(tuple, D.get_all_simple_paths(oindex[s], to=oindex[t], maxlen=4)))
            else:
                # rustworkx repeats a vertex path once per parallel-edge combination. On a
                # PyDiGraph (0.18) its cutoff counts nodes, not edges: 5 nodes = 4 edges.
                vertex_paths = set(map(tuple, rx.all_simple_paths(D, oindex[s], oindex[t], cutoff=5)))
            for p in vertex_paths:
                hops = [signs[(onames[u], onames[v])] for u, v in zip(p, p[1:])]
                for combo in product(*hops):
                    sign = 1
                    for x in combo:
                        sign *= x
                    positive += sign > 0
                    negative += sign < 0
        answers.append([positive, negative])
    out["times"]["omnipath-signed"] = time.perf_counter() - t0
    out["answers"]["omnipath-signed"] = answers
    print(json.dumps(out))


# ---------------------------------------------------------------- pharmgraph


def run_timed(cmd):
    """Runs CMD under /usr/bin/time: its exit code, stdout, stderr, CPU seconds and peak KB (None when not reported).

    CPU from wait4's rusage of `time` and its waited-for child, in microseconds (`time`'s own %U %S round to 10 ms,
    7 % of the load floor); the peak from `time`'s %M (wait4's own maxrss would include the forked Python's).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(["/usr/bin/time", "-f", "PEAK_KB=%M"] + cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    peak = int(stderr.rsplit("PEAK_KB=", 1)[1].split()[0]) if "PEAK_KB=" in stderr else None
    return os.waitstatus_to_exitcode(status), stdout, stderr, usage.ru_utime + usage.ru_stime, peak


def run_pharmgraph(binary, args):
    """Runs the CLI with --timings under /usr/bin/time; returns stdout, its load and query times and peak KB."""
    code, stdout, stderr, _, peak = run_timed([binary] + args + ["--timings"])
    if code != 0 or peak is None:
        sys.exit(f"pharmgraph failed: {' '.join(args)}\n{stderr}")
    timings = [l for l in stderr.splitlines() if l.startswith("timings:")][0]
    # Loading includes building the adjacency (CSR) index, as the peers' loads build theirs.
    load = float(timings.split("load ")[1].split(" s")[0]) + float(timings.split("index ")[1].split(" s")[0])
    queries = float(timings.split("queries ")[1].split(" s")[0])
    return stdout, load, queries, peak


def batch_file(rows, path):
    with open(path, "w") as f:
        f.writelines(f"{a}\t{b}\n" for a, b in rows)
    return path


def pharmgraph(binary, data, queries, quick, workdir):
    sif = os.path.join(data, SIF)
    omni = os.path.join(data, OMNI)
    out = {"tool": "pharmgraph", "times": {}, "answers": {}}
    stdout, load, _, peak = run_pharmgraph(
        binary, ["paths", sif, queries["compounds"][0], "kind:Disease", "--max-length", "1", "--limit", "0", "--undirected"])
    # The load is the same in every run below; each run's query time excludes it.
    out["times"]["load"] = load
    out["peak_kb_after_load"] = peak

    def rows(stdout):
        lines = stdout.strip().splitlines()[1:]
        return [l.split("\t") for l in lines]

    stdout, _, q, peak = run_pharmgraph(binary, [
        "paths", sif, "--batch", batch_file(queries["pairs"], f"{workdir}/pairs.tsv"), "--shortest", "--limit", "1",
        "--undirected", "--max-length", "8"])
    out["times"]["shortest100"] = q
    out["answers"]["shortest100"] = [int(r[7]) if r[7] != "-" else -1 for r in rows(stdout)]
    peaks = [peak]
    compounds = batch_file([(c, "kind:Disease") for c in queries["compounds"]], f"{workdir}/compounds.tsv")
    for length in ([3] if quick else [3, 4]):
        stdout, _, q, peak = run_pharmgraph(binary, [
            "paths", sif, "--batch", compounds, "--limit", "0", "--undirected", "--max-length", str(length)])
        out["times"][f"paths<={length}"] = q
        out["answers"][f"paths<={length}"] = [int(r[2]) for r in rows(stdout)]
        peaks.append(peak)
    out["peak_kb"] = max(peaks)
    stdout, load, q, _ = run_pharmgraph(binary, [
        "paths", omni, "--batch", batch_file(queries["omni_pairs"], f"{workdir}/omni.tsv"), "--limit", "0",
        "--relation-map", "1=activates,-1=inhibits", "--max-length", "4"])
    out["times"]["omnipath-load"] = load
    out["times"]["omnipath-signed"] = q
    out["answers"]["omnipath-signed"] = [[int(r[3]), int(r[4])] for r in rows(stdout)]
    return out


def run_verdicts(binary, args):
    """Runs `pharmgraph verdicts ARGS --timings`: the process, its wall time, its query time and its pair count."""
    start = time.perf_counter()
    proc = subprocess.run([binary] + args + ["--timings"], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"pharmgraph verdicts failed:\n{proc.stderr}")
    timings = [l for l in proc.stderr.splitlines() if l.startswith("timings:")][0]
    queries = float(timings.split("queries ")[1].split(" s")[0])
    pairs = int(timings.split("; ")[1].split(" pairs")[0])
    return proc, wall, queries, pairs


# The batch rows and the Spark route run the same query: every compound (with --quick the first 100) x every disease.
BATCH_OPTIONS = ["--targets", "kind:Disease", "--max-length", "3", "--undirected", "--max-inflated", "1G"]


def batch_selectors(data, quick):
    """The batch's `--sources` options: kind:Compound, or with --quick the first 100 compounds by id."""
    sources = ["kind:Compound"]
    if quick:
        sources = sorted({n for e in read_sif(os.path.join(data, SIF)) for n in (e[0], e[2]) if n.startswith("Compound::")})[:100]
    return [a for s in sources for a in ("--sources", s)]


def batch_verdicts(binary, data, quick):
    """`verdicts` for every Compound x Disease pair at <= 3 (undirected), at 1 and 2 jobs: times, pairs/s, speed-up.

    No peer computes verdicts, so these rows print our figures alone; the two outputs must be byte-identical.
    With --quick, only the first 100 compounds (by id) are sources.
    """
    sif = os.path.join(data, SIF)
    args = ["verdicts", sif] + batch_selectors(data, quick) + BATCH_OPTIONS
    rows = []
    outputs = []
    for jobs in (1, 2):
        proc, wall, queries, pairs = run_verdicts(binary, args + ["--jobs", str(jobs)])
        outputs.append(proc.stdout.encode())
        rows.append((jobs, queries, wall, pairs, len(proc.stdout.splitlines()) - 1))
    print()
    label = "first 100 compounds" if quick else "every compound"
    print(f"| batch verdicts, {label} x every disease, <= 3, undirected | jobs | queries | whole process | pairs | with a path | pairs/s | speed-up |")
    print("|---|---|---|---|---|---|---|---|")
    for jobs, queries, wall, pairs, found in rows:
        print(f"| pharmgraph verdicts | {jobs} | {queries:.3f} s | {wall:.3f} s | {pairs} | {found} | {pairs / queries:,.0f} | "
              f"{rows[0][1] / queries:.2f}x |")
    if outputs[0] != outputs[1]:
        sys.exit("bench-paths: error: verdicts at 1 and 2 jobs differ")
    print("verdicts at 1 and 2 jobs: byte-identical")
    return [(f"one process, --jobs {jobs}", wall) for jobs, _, wall, _, _ in rows], outputs


def batch_verdicts_sample4(binary, data, quick, workdir):
    """`verdicts` at <= 4 (undirected, no work bound, 2 jobs) from a sample of compounds to every disease: its time,
    pairs/s and the total projected for every compound (the sample's query time x compounds / sample size).

    The sample is every 100th compound in the output's order (every 500th with --quick), so it spreads over the ids.
    """
    sif = os.path.join(data, SIF)
    common = ["verdicts", sif, "--targets", "kind:Disease", "--undirected"]
    listed = subprocess.run([binary] + common + ["--sources", "kind:Compound", "--list-sources"], capture_output=True, text=True)
    if listed.returncode != 0:
        sys.exit(f"pharmgraph verdicts --list-sources failed:\n{listed.stderr}")
    compounds = listed.stdout.splitlines()
    sample = compounds[::500 if quick else 100]
    with open(f"{workdir}/sample4.txt", "w") as f:
        f.write("".join(c + "\n" for c in sample))
    proc, wall, queries, pairs = run_verdicts(
        binary, common + ["--sources-from", f"{workdir}/sample4.txt", "--max-length", "4", "--max-work", "0", "--jobs", "2"])
    rows = proc.stdout.splitlines()[1:]
    partial = sum(1 for r in rows if r.split("\t")[8] == "yes")
    projected = queries * len(compounds) / len(sample)
    print()
    print("| batch verdicts, <= 4, undirected, 2 jobs | compounds | queries | whole process | pairs | with a path | partial | pairs/s "
          "| projected, every compound |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(f"| sample: every {500 if quick else 100}th compound | {len(sample)} of {len(compounds)} | {queries:.3f} s | {wall:.3f} s "
          f"| {pairs} | {len(rows)} | {partial} | {pairs / queries:,.0f} | {projected:,.0f} s ({projected / 3600:.2f} h) |")


def undirected_search(binary, data, quick, workdir):
    """Undirected <= 4 from the five compounds to any Disease: pharmgraph's query time (`--timings`,
    the search after the load) beside igraph's time for the same counts after its load, medians of
    several runs each (fewer with --quick); the script fails if any count differs."""
    sif = os.path.join(data, SIF)
    compounds = batch_file([(c, "kind:Disease") for c in COMPOUNDS], f"{workdir}/undirected-compounds.tsv")
    ours, counts = [], []
    for _ in range(3 if quick else 7):
        stdout, _, q, _ = run_pharmgraph(binary, [
            "paths", sif, "--batch", compounds, "--limit", "0", "--undirected", "--max-length", "4"])
        ours.append(q)
        counts.append([int(l.split("\t")[2]) for l in stdout.strip().splitlines()[1:]])
    import igraph as ig
    edges = read_sif(sif)
    names = sorted({n for s, _, t in edges for n in (s, t)})
    index = {n: i for i, n in enumerate(names)}
    pairs = [(index[s], index[t]) for s, _, t in edges]
    graph = ig.Graph(n=len(names), edges=pairs, directed=False)
    multiplicity = Counter(tuple(sorted(p)) for p in pairs)
    diseases = [index[n] for n in names if n.startswith("Disease::")]
    theirs = []
    for _ in range(1 if quick else 3):
        start = time.perf_counter()
        answer = []
        for c in COMPOUNDS:
            total = 0
            for p in graph.get_all_simple_paths(index[c], to=diseases, maxlen=4):
                m = 1
                for u, v in zip(p, p[1:]):
                    m *= multiplicity[(u, v) if u < v else (v, u)]
                total += m
            answer.append(total)
        theirs.append(time.perf_counter() - start)
        counts.append(answer)
    same = all(c == counts[0] for c in counts)
    median = lambda xs: sorted(xs)[len(xs) // 2]
    print()
    print("| query | pharmgraph | igraph | × igraph | runs | counts |")
    print("|---|---|---|---|---|---|")
    print(f"| undirected <=4, 5 compounds -> any Disease, in-task | {median(ours):.3f} s | {median(theirs):.3f} s | "
          f"{median(theirs) / median(ours):.1f}× | {len(ours)} / {len(theirs)} (medians) | "
          f"{'identical' if same else 'DIFFER'} {counts[0]} |")
    if not same:
        sys.exit(f"bench-paths: error: undirected <= 4 counts differ: {counts}")


def load_floor(binary, data, workdir, runs=9):
    """Loading against the C floor (Scripts/load-floor.c, built here with cc -O2 and zlib), side by side in one run.

    Each case runs `runs` times, alternating the two programs; the medians of CPU time (user + sys) and of peak
    RSS are printed, with the ratio and the bytes per edge: (peak RSS - the same program's peak on a one-edge
    file) / edges. The node and edge counts of both must be identical. Ours is the whole `stats` process (load,
    counting, output; no adjacency), or the whole `paths` process (load, adjacency both ways, a one-step query);
    the floor only loads (inflate, split, intern, CSR both ways). The diff row is two loads and the comparison.
    """
    floor = os.path.join(workdir, "load-floor")
    subprocess.run(["cc", "-O2", "-o", floor, os.path.join(os.path.dirname(os.path.abspath(__file__)), "load-floor.c"), "-lz"],
                   check=True)
    sif = os.path.join(data, SIF)
    v2 = os.path.join(data, "hetionet/diff-fixture/hetionet-v1.0-edges-partial16.v2.sif.gz")
    nodes = os.path.join(data, "hetionet/source/hetionet-v1.0-nodes.tsv")
    tiny = os.path.join(workdir, "one-edge.sif")
    with open(tiny, "w") as f:
        f.write("Compound::A\tCtD\tDisease::B\n")

    def measure(cmd):
        # `diff` exits 1 when the versions differ.
        code, stdout, stderr, cpu, peak = run_timed(cmd)
        if code not in (0, 1) or peak is None:
            sys.exit(f"bench-paths: error: {' '.join(cmd)} failed:\n{stderr}")
        return cpu, peak, stdout

    def counts_ours(stdout):
        nodes = [int(l.split()[1]) for l in stdout.splitlines() if l.startswith("nodes:")]
        edges = [int(l.split()[1]) for l in stdout.splitlines() if l.startswith("edges:")]
        return list(zip(nodes, edges))

    def counts_floor(stdout):
        return [(int(l.split("\t")[1].split()[1]), int(l.split("\t")[2].split()[1])) for l in stdout.splitlines()]

    def median(values):
        return sorted(values)[len(values) // 2]

    base_floor = median([measure([floor, tiny])[1] for _ in range(3)])
    base_ours = median([measure([binary, "stats", tiny])[1] for _ in range(3)])
    cases = [
        ("Hetionet SIF", [floor, sif], [binary, "stats", sif], 1),
        ("Hetionet SIF + node table", [floor, "--nodes", nodes, sif], [binary, "stats", sif, "--nodes", nodes], 1),
        # `stats` builds no adjacency; `paths` builds it (both ways, undirected) before a one-step query.
        ("Hetionet SIF, with adjacency (paths, <= 1)", [floor, sif],
         [binary, "paths", sif, COMPOUNDS[0], "kind:Disease", "--max-length", "1", "--limit", "0", "--undirected"], 0),
        ("diff: two SIF loads", [floor, sif, v2], [binary, "diff", sif, v2, "--no-verdicts", "--format", "tsv"], 2),
    ]
    print()
    print(f"| load, medians of {runs} (CPU = user + sys) | C floor CPU | pharmgraph CPU | x floor | C floor peak | pharmgraph peak "
          "| floor B/edge | pharmgraph B/edge | counts |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, floor_cmd, ours_cmd, loads in cases:
        floor_runs, ours_runs = [], []
        for _ in range(runs):
            floor_runs.append(measure(floor_cmd))
            ours_runs.append(measure(ours_cmd))
        fc = counts_floor(floor_runs[0][2])
        if loads == 0:
            same = "-"
        elif loads == 1:
            oc = counts_ours(ours_runs[0][2])
            same = "identical" if oc == fc else f"DIFFER {oc} {fc}"
            if oc != fc:
                sys.exit(f"bench-paths: error: load counts differ: pharmgraph {oc}, floor {fc}")
        else:
            same = "; ".join(f"{n} nodes, {m} edges" for n, m in fc)
        edges = sum(m for _, m in fc)
        f_cpu, o_cpu = median([r[0] for r in floor_runs]), median([r[0] for r in ours_runs])
        f_peak, o_peak = median([r[1] for r in floor_runs]), median([r[1] for r in ours_runs])
        print(f"| {name} | {f_cpu:.3f} s | {o_cpu:.3f} s | {o_cpu / f_cpu:.2f}x | {f_peak / 1024:.0f} MB | {o_peak / 1024:.0f} MB "
              f"| {(f_peak - base_floor) * 1024 / edges:.0f} | {(o_peak - base_ours) * 1024 / edges:.0f} | {same} |")


def spark_route(binary, data, quick, one_process):
    """Scripts/spark-verdicts in Spark local[2] against one process, on the same sources: wall times, byte-identical.

    Every compound (with --quick the first 100 by id) x every disease at <= 3, undirected, with --max-inflated passed
    through to every pharmgraph run. The one-process rows are batch_verdicts' runs of the same query at 1 and 2 jobs
    (`one_process`: their names and wall times, and their outputs); Spark runs two tasks at a time (one core each,
    --jobs 1), each a slice of the sources in its own process with its own load. Needs .venv-spark
    (Scripts/bootstrap-spark).
    """
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    python = os.path.join(root, ".venv-spark", "bin", "python")
    if not os.path.exists(python):
        sys.exit("bench-paths: error: .venv-spark not found; run Scripts/bootstrap-spark")
    sif = os.path.join(data, SIF)
    targets, options = BATCH_OPTIONS[:2], BATCH_OPTIONS[2:]
    selectors = batch_selectors(data, quick) + targets
    env = dict(os.environ, PHARMGRAPH_PROGRESS="never", SPARK_LOCAL_IP="127.0.0.1")
    env.pop("PYSPARK_HADOOP_VERSION", None)
    rows, outputs = list(one_process[0]), list(one_process[1])
    out = os.path.abspath(os.path.join("bench-out", "spark-verdicts.tsv"))
    start = time.perf_counter()
    proc = subprocess.run([python, os.path.join(root, "Scripts", "spark-verdicts"), sif] + selectors + [
        "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--pharmgraph", binary, "-o", out, "--"] + options,
        capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"spark-verdicts failed:\n{proc.stderr}")
    slices = [l for l in proc.stderr.splitlines() if l.startswith("spark-verdicts: ")][-1].split(" in ")[1].split(" slices")[0]
    rows.append((f"Spark local[2], {slices} slices, --jobs 1 a task", wall))
    with open(out, "rb") as f:
        outputs.append(f.read())
    label = "first 100 compounds" if quick else "every compound"
    print()
    print(f"| Spark route, {label} x every disease, <= 3, undirected, --max-inflated 1G | whole process (wall) | pairs with a path | × one process at 1 job |")
    print("|---|---|---|---|")
    found = len(outputs[0].splitlines()) - 1
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} s | {found} | {rows[0][1] / seconds:.2f}x |")
    if any(o != outputs[0] for o in outputs):
        sys.exit("bench-paths: error: the Spark route's output differs from one process's")
    print("Spark local[2] and one process: byte-identical")


# ---------------------------------------------------------------- report


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pharmgraph")
    parser.add_argument("--data", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--worker")
    parser.add_argument("--queries")
    parser.add_argument("--only", choices=["load"], help="only these rows: load (the load rows against the C floor)")
    args = parser.parse_args()
    if args.worker:
        with open(args.queries) as f:
            worker(args.worker, args.data, json.load(f), args.quick)
        return
    if args.only == "load":
        workdir = os.path.abspath("bench-out")
        os.makedirs(workdir, exist_ok=True)
        load_floor(args.pharmgraph, args.data, workdir)
        return

    workdir = os.path.abspath("bench-out")
    os.makedirs(workdir, exist_ok=True)
    queries = spec(args.data)
    with open(f"{workdir}/queries.json", "w") as f:
        json.dump(queries, f)
    results = [pharmgraph(args.pharmgraph, args.data, queries, args.quick, workdir)]
    for tool in ["networkx", "igraph", "rustworkx"]:
        print(f"running {tool} ...", file=sys.stderr, flush=True)
        cmd = [sys.executable, __file__, "--worker", tool, "--data", args.data, "--queries", f"{workdir}/queries.json"]
        if args.quick:
            cmd.append("--quick")
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"{tool} failed:\n{proc.stderr}")
        results.append(json.loads(proc.stdout))

    tasks = ["load", "shortest100"] + (["paths<=3"] if args.quick else ["paths<=3", "paths<=4"]) + ["omnipath-signed"]
    ours = results[0]
    identical = True
    print("| query | pharmgraph | networkx | igraph | rustworkx | × networkx | × fastest of igraph/rustworkx | counts |")
    print("|---|---|---|---|---|---|---|---|")
    for task in tasks:
        cells = [f"{r['times'][task]:.3f} s" for r in results]
        nx_ratio = results[1]["times"][task] / ours["times"][task]
        fastest = min(results[2]["times"][task], results[3]["times"][task])
        if task == "load":
            same = "-"
        else:
            answers = [r["answers"][task] for r in results]
            same = "identical" if all(a == answers[0] for a in answers) else "DIFFER"
            identical &= same == "identical"
        print(f"| {task} | " + " | ".join(cells) + f" | {nx_ratio:.1f}× | {fastest / ours['times'][task]:.1f}× | {same} |")
    mem = [r["peak_kb_after_load"] / 1024 for r in results]
    print(f"| peak memory after load | " + " | ".join(f"{m:.0f} MB" for m in mem)
          + f" | {mem[1] / mem[0]:.1f}× less | {min(mem[2], mem[3]) / mem[0]:.1f}× less | - |")
    total = [r["peak_kb"] / 1024 for r in results]
    print(f"| peak memory, Hetionet queries | " + " | ".join(f"{m:.0f} MB" for m in total) + " | | | - |")
    print()
    print("answers:", json.dumps({t: ours["answers"][t] for t in tasks if t != "load"}))
    one_process = batch_verdicts(args.pharmgraph, args.data, args.quick)
    batch_verdicts_sample4(args.pharmgraph, args.data, args.quick, workdir)
    undirected_search(args.pharmgraph, args.data, args.quick, workdir)
    spark_route(args.pharmgraph, args.data, args.quick, one_process)
    if not identical:
        for r in results:
            print(r["tool"], json.dumps(r["answers"]), file=sys.stderr)
        sys.exit("bench-paths: error: the tools' counts differ")
    load_floor(args.pharmgraph, args.data, workdir)


if __name__ == "__main__":
    main()
