"""Scripts/spark-verdicts in Spark local mode (local[2], loopback, UI off), against one pharmgraph process.

Run by Scripts/test-spark with .venv-spark's Python. Checks:
  1. OmniPath (signed, directed; a documented subset of sources) at <= 3: the Spark output is byte-identical
     to one `pharmgraph verdicts` process.
  2. An independent cross-check on the same OmniPath query: a Spark DataFrame join over edges(src, dst, sign)
     counts the simple paths of length 1 to 3 per pair and sign; they equal pharmgraph's count columns.
  3. Hetionet's partial set with its node table, 20 compounds x every disease at <= 3, undirected,
     --max-inflated passed through, spark.task.cpus=2 (so --jobs 2), the binary shipped: byte-identical.
  4. Bad input: a missing graph, a symlink or FIFO as output, a slice whose pharmgraph fails (its stderr
     reported, exit 1, the old output untouched).
Prints one line per check and `N passed, N failed`; exits 1 if any failed.
"""

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "spark-verdicts")
OMNI = "omnipath-signed/omnipath_carnival.tsv"
SIF = "hetionet/hetionet-v1.0-edges-partial16.sif.gz"
NODES = "hetionet/source/hetionet-v1.0-nodes.tsv"
# Ten well-connected proteins (the targets of bench_paths.py's OmniPath pairs).
OMNI_TARGETS = ["MAPK1", "NFKB1", "MTOR", "STAT3", "CREB1", "GSK3B", "MDM2", "TP53", "AKT1", "JUN"]
OMNI_OPTIONS = ["--max-length", "3", "--relation-map", "1=activates,-1=inhibits"]
# Every 40th node id of OmniPath in bytewise order: 154 sources, a few seconds for the debug binary.
OMNI_STRIDE = 40
# The first 20 compounds (bytewise by id) that have an edge in the partial set.
COMPOUNDS = 20

passed = []
failed = []


def check(name, ok, detail=""):
    (passed if ok else failed).append(name)
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""), flush=True)


def spark_verdicts(args, pharmgraph, extra_conf=()):
    conf = ["--conf", "spark.ui.enabled=false"] + [a for c in extra_conf for a in ("--conf", c)]
    command = [sys.executable, SCRIPT] + args[:1] + ["--master", "local[2]", "--pharmgraph", pharmgraph] + conf + args[1:]
    return subprocess.run(command, capture_output=True, text=True)


def one_process(pharmgraph, args):
    run = subprocess.run([pharmgraph, "verdicts"] + args, capture_output=True,
                         env=dict(os.environ, PHARMGRAPH_PROGRESS="never"))
    if run.returncode != 0:
        sys.exit(f"test-spark: error: pharmgraph verdicts failed: {run.stderr.decode()}")
    return run.stdout


def omnipath_edges(path):
    with open(path) as f:
        next(f)
        return [(s, t, int(sign)) for s, sign, t in (line.rstrip("\n").split("\t") for line in f)]


def cross_check(edges, sources, targets, ours):
    """Simple paths of length 1-3 per (source, target, sign) by DataFrame joins; compared with ours' count columns.

    Mirrors pharmgraph's verdicts counts: directed edges, each edge row its own edge (the one pair with both
    signs gives two), a path's sign the product of its edges', no repeated node (so no self-loop and no
    source = target row), a path may pass through other sources or targets. Every OmniPath edge is signed,
    so `unknown` is 0 on both sides. The verdict columns follow the tiered semantics and are not mirrored.
    """
    from pyspark.sql import SparkSession, functions as F

    spark = (SparkSession.builder.master("local[2]").appName("test-spark-crosscheck")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", "4").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        e = spark.createDataFrame(edges, ["src", "dst", "sign"])
        src = spark.createDataFrame([(s,) for s in sources], ["n"])
        tgt = spark.createDataFrame([(t,) for t in targets], ["n"])
        e1 = e.join(src, e.src == src.n, "left_semi").select(F.col("src").alias("a"), F.col("dst").alias("b"), F.col("sign").alias("s1"))
        e2 = e.select(F.col("src").alias("b"), F.col("dst").alias("c"), F.col("sign").alias("s2"))
        e3 = e.select(F.col("src").alias("c"), F.col("dst").alias("d"), F.col("sign").alias("s3"))
        into_t = lambda df, col: df.join(tgt, F.col(col) == tgt.n, "left_semi")
        p1 = into_t(e1, "b").where("a != b").select(F.col("a").alias("s"), F.col("b").alias("t"), F.col("s1").alias("sign"))
        two = e1.join(e2, "b").where("a != b AND b != c AND a != c")
        p2 = into_t(two, "c").select(F.col("a").alias("s"), F.col("c").alias("t"), (F.col("s1") * F.col("s2")).alias("sign"))
        p3 = (into_t(two.join(e3, "c"), "d").where("d != a AND d != b AND d != c")
              .select(F.col("a").alias("s"), F.col("d").alias("t"), (F.col("s1") * F.col("s2") * F.col("s3")).alias("sign")))
        counts = (p1.unionByName(p2).unionByName(p3).groupBy("s", "t")
                  .agg(F.count("*").alias("total"), F.sum(F.when(F.col("sign") > 0, 1).otherwise(0)).alias("positive"),
                       F.sum(F.when(F.col("sign") < 0, 1).otherwise(0)).alias("negative")))
        theirs = {(r["s"], r["t"]): (r["total"], r["positive"], r["negative"], 0) for r in counts.collect()}
    finally:
        spark.stop()
    mine = {}
    for line in ours.decode().splitlines()[1:]:
        f = line.split("\t")
        mine[(f[0], f[1])] = tuple(int(x) for x in f[2:6])
    differ = [(k, mine.get(k), theirs.get(k)) for k in sorted(set(mine) | set(theirs)) if mine.get(k) != theirs.get(k)]
    paths = sum(v[0] for v in theirs.values())
    check(f"OmniPath cross-check: DataFrame joins count {paths} paths over {len(theirs)} pairs, as pharmgraph",
          not differ and len(theirs) > 100, f"{len(differ)} pairs differ, e.g. {differ[:3]} (pair, pharmgraph, joins)")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--pharmgraph", required=True)
    p.add_argument("--data", required=True)
    args = p.parse_args()
    pharmgraph = os.path.abspath(args.pharmgraph)
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ.pop("PYSPARK_HADOOP_VERSION", None)
    scratch = tempfile.mkdtemp(prefix="test-spark-")
    try:
        run_checks(pharmgraph, args.data, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"{len(passed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


def run_checks(pharmgraph, data, scratch):
    # 1 and 2: OmniPath.
    omni = os.path.join(data, OMNI)
    edges = omnipath_edges(omni)
    nodes = sorted({n for s, t, _ in edges for n in (s, t)}, key=lambda n: n.encode())
    sources = nodes[::OMNI_STRIDE]
    selectors = [a for s in sources for a in ("--sources", s)] + [a for t in OMNI_TARGETS for a in ("--targets", t)]
    expected = one_process(pharmgraph, [omni] + selectors + OMNI_OPTIONS)
    out = os.path.join(scratch, "omni.tsv")
    run = spark_verdicts([omni] + selectors + ["-o", out, "--"] + OMNI_OPTIONS, pharmgraph)
    got = open(out, "rb").read() if run.returncode == 0 else b""
    rows = expected.count(b"\n") - 1
    check(f"OmniPath, {len(sources)} sources x {len(OMNI_TARGETS)} targets <= 3: Spark local[2] = one process ({rows} rows)",
          run.returncode == 0 and got == expected and rows > 100, run.stderr[-2000:])
    cross_check(edges, sources, OMNI_TARGETS, expected)

    # 3: Hetionet with its node table, --max-inflated passed through, 2 cpus per task, the binary shipped.
    sif = os.path.join(data, SIF)
    node_table = os.path.join(data, NODES)
    with gzip.open(sif, "rt") as f:
        next(f)
        compounds = sorted({n for line in f for n in line.rstrip("\n").split("\t")[::2] if n.startswith("Compound::")},
                           key=lambda n: n.encode())[:COMPOUNDS]
    selectors = [a for c in compounds for a in ("--sources", c)] + ["--targets", "kind:Disease"]
    options = ["--max-length", "3", "--undirected", "--max-inflated", "256M"]
    expected = one_process(pharmgraph, [sif, "--nodes", node_table] + selectors + options)
    out = os.path.join(scratch, "hetionet.tsv")
    # A wrapper that logs the arguments of each executor-side run (those given --sources-from), then runs pharmgraph.
    log = os.path.join(scratch, "runs.log")
    logging = os.path.join(scratch, "logging-pharmgraph")
    with open(logging, "w") as f:
        f.write(f'#!/bin/sh\ncase " $* " in *" --sources-from "*) echo "$*" >> {log} ;; esac\nexec {pharmgraph} "$@"\n')
    os.chmod(logging, 0o755)
    run = spark_verdicts([sif, "--nodes", node_table] + selectors + ["--ship-pharmgraph", "-o", out, "--"] + options,
                         logging, ["spark.task.cpus=2"])
    got = open(out, "rb").read() if run.returncode == 0 else b""
    rows = expected.count(b"\n") - 1
    check(f"Hetionet with node table, {len(compounds)} compounds x every disease <= 3, 2 cpus a task: identical ({rows} rows)",
          run.returncode == 0 and got == expected and rows > 100, run.stderr[-2000:])
    runs = open(log).read().splitlines() if os.path.exists(log) else []
    check("every slice's run got the input options (--nodes, --max-inflated 256M, --undirected) and --jobs 2",
          len(runs) == 2 and all(" --max-inflated 256M" in r and " --undirected" in r and " --jobs 2" in r and " --nodes " in r
                                 for r in runs), repr(runs))

    # 4: bad input.
    missing = spark_verdicts([os.path.join(scratch, "nope.sif"), "--sources", "A", "--targets", "B", "-o", out], pharmgraph)
    check("a missing graph: exit 1, named", missing.returncode == 1 and "nope.sif: no such file" in missing.stderr, missing.stderr)
    link = os.path.join(scratch, "link.tsv")
    os.symlink(out, link)
    before = open(out, "rb").read()
    refused = spark_verdicts([omni, "--sources", "EGFR", "--targets", "MAPK1", "-o", link], pharmgraph)
    check("a symlink as output is refused, its target untouched",
          refused.returncode == 1 and "symbolic link" in refused.stderr and open(out, "rb").read() == before, refused.stderr)
    fifo = os.path.join(scratch, "fifo")
    os.mkfifo(fifo)
    refused = spark_verdicts([omni, "--sources", "EGFR", "--targets", "MAPK1", "-o", fifo], pharmgraph)
    check("a FIFO as output is refused", refused.returncode == 1 and "a FIFO" in refused.stderr, refused.stderr)
    unknown = spark_verdicts([omni, "--sources", "NOPE1", "--targets", "MAPK1", "-o", out], pharmgraph)
    check("an unknown source: pharmgraph's message, exit 1",
          unknown.returncode == 1 and "unknown node 'NOPE1'" in unknown.stderr, unknown.stderr)
    # A pharmgraph that fails on the executors only (when given --sources-from), as a slice's run may.
    fake = os.path.join(scratch, "failing-pharmgraph")
    with open(fake, "w") as f:
        f.write(f'#!/bin/sh\nfor a in "$@"; do [ "$a" = --sources-from ] && {{ echo "fake: error: the slice broke" >&2; exit 3; }}; done\n'
                f'exec {pharmgraph} "$@"\n')
    os.chmod(fake, 0o755)
    broken = spark_verdicts([omni, "--sources", "EGFR", "--sources", "TNF", "--targets", "MAPK1", "-o", out], fake)
    check("a slice whose pharmgraph fails: its stderr reported, exit 1, the old output untouched",
          broken.returncode == 1 and "fake: error: the slice broke" in broken.stderr and "failed on slice" in broken.stderr
          and "exit 3" in broken.stderr and open(out, "rb").read() == before, broken.stderr[-2000:])


if __name__ == "__main__":
    main()
