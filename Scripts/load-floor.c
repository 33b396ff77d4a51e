/*
 * The load floor: what loading a SIF edge list (gzip or plain) costs in plain C, as a
 * yardstick for pharmgraph's loader (Scripts/bench_paths.py prints the two side by side).
 *
 * It does the work pharmgraph's load does, and no more:
 *   - inflates the input with zlib, streamed in 1 MiB chunks (gzread also reads plain files);
 *   - splits lines (LF, CRLF) and tab-separated fields, skipping a `source ... target` header;
 *   - interns node ids and labels in open-addressing tables (FNV-1a), the ids' bytes in one arena;
 *   - keeps the edge arrays (source, label, target: int32 each);
 *   - builds the adjacency (CSR) out and in: offsets, then neighbour and edge id per step, by counting sort.
 * With `--nodes TABLE` it first reads a node table (`id`, `name`, `kind`, tab-separated, gzip or plain),
 * keeping each node's name and kind; edges must then name listed nodes. Several SIF files are loaded
 * one after another and all kept (as `diff` keeps its two sides).
 *
 * Prints `FILE<TAB>nodes N<TAB>edges M` per file, so that a benchmark can check the counts against ours.
 * Build: cc -O2 -o load-floor Scripts/load-floor.c -lz
 * Usage: load-floor [--nodes TABLE] FILE.sif[.gz]...
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define CHUNK (1 << 20)

static void die(const char *message, const char *name) {
    fprintf(stderr, "load-floor: error: %s: %s\n", name, message);
    exit(1);
}

static void *grow(void *p, size_t bytes) {
    void *q = realloc(p, bytes);
    if (!q) die("out of memory", "realloc");
    return q;
}

/* An interning table: byte strings to dense ids, open addressing with linear probing. */
typedef struct {
    char *arena;        /* every key's bytes, back to back */
    size_t arena_used, arena_cap;
    uint32_t *key_start; /* per id: offset into the arena, and length */
    uint32_t *key_len;
    uint32_t count, ids_cap;
    int32_t *slots;     /* id, or -1 when empty */
    uint32_t *hashes;   /* per slot: the key's hash */
    uint32_t mask;
} Interner;

static uint32_t fnv1a(const char *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 16777619u;
    }
    return h;
}

static void interner_init(Interner *t, uint32_t slots) {
    memset(t, 0, sizeof *t);
    t->mask = slots - 1;
    t->slots = malloc(sizeof(int32_t) * slots);
    t->hashes = malloc(sizeof(uint32_t) * slots);
    memset(t->slots, 0xff, sizeof(int32_t) * slots);
}

static void interner_rehash(Interner *t) {
    uint32_t slots = (t->mask + 1) * 2;
    int32_t *old_slots = t->slots;
    uint32_t *old_hashes = t->hashes;
    uint32_t old_size = t->mask + 1;
    t->mask = slots - 1;
    t->slots = malloc(sizeof(int32_t) * slots);
    t->hashes = malloc(sizeof(uint32_t) * slots);
    memset(t->slots, 0xff, sizeof(int32_t) * slots);
    for (uint32_t i = 0; i < old_size; i++) {
        if (old_slots[i] < 0) continue;
        uint32_t j = old_hashes[i] & t->mask;
        while (t->slots[j] >= 0) j = (j + 1) & t->mask;
        t->slots[j] = old_slots[i];
        t->hashes[j] = old_hashes[i];
    }
    free(old_slots);
    free(old_hashes);
}

/* The id of `key`; a new one when `add`, else -1 when absent. */
static int32_t intern(Interner *t, const char *key, size_t n, int add) {
    uint32_t h = fnv1a(key, n);
    uint32_t j = h & t->mask;
    while (t->slots[j] >= 0) {
        int32_t id = t->slots[j];
        if (t->hashes[j] == h && t->key_len[id] == n && memcmp(t->arena + t->key_start[id], key, n) == 0) return id;
        j = (j + 1) & t->mask;
    }
    if (!add) return -1;
    if (t->count == t->ids_cap) {
        t->ids_cap = t->ids_cap ? t->ids_cap * 2 : 1024;
        t->key_start = grow(t->key_start, sizeof(uint32_t) * t->ids_cap);
        t->key_len = grow(t->key_len, sizeof(uint32_t) * t->ids_cap);
    }
    if (t->arena_used + n > t->arena_cap) {
        t->arena_cap = (t->arena_cap ? t->arena_cap * 2 : CHUNK) + n;
        t->arena = grow(t->arena, t->arena_cap);
    }
    memcpy(t->arena + t->arena_used, key, n);
    int32_t id = (int32_t)t->count++;
    t->key_start[id] = (uint32_t)t->arena_used;
    t->key_len[id] = (uint32_t)n;
    t->arena_used += n;
    t->slots[j] = id;
    t->hashes[j] = h;
    if (t->count * 4 > (t->mask + 1) * 3) interner_rehash(t);
    return id;
}

/* Per-node names and kinds from a node table, as byte spans in one arena. */
typedef struct {
    char *text;
    size_t used, cap;
    uint32_t *name_start, *name_len;
    int32_t *kind;
    uint32_t cap_nodes;
} NodeData;

typedef struct {
    Interner nodes, labels, kinds;
    NodeData data;
    int closed; /* a node table was read: edges must name its nodes */
    int32_t *src, *dst, *lab;
    size_t edges, edges_cap;
    int32_t *out_offsets, *out_neighbors, *out_edges;
    int32_t *in_offsets, *in_neighbors, *in_edges;
    int header_seen;
} Graph;

/* Calls `line(graph, bytes, n, number)` for each line of a gzip (or plain) file, streamed in chunks. */
static void each_line(const char *path, Graph *g, void (*line)(Graph *, char *, size_t, size_t)) {
    gzFile f = gzopen(path, "rb");
    if (!f) die("cannot open", path);
    gzbuffer(f, CHUNK);
    char *buf = malloc(2 * CHUNK);
    size_t carry = 0, number = 0;
    for (;;) {
        int n = gzread(f, buf + carry, CHUNK);
        if (n < 0) die("corrupt gzip data", path);
        size_t end = carry + (size_t)n;
        size_t start = 0;
        for (;;) {
            char *nl = memchr(buf + start, '\n', end - start);
            if (!nl) break;
            size_t len = (size_t)(nl - (buf + start));
            if (len > 0 && buf[start + len - 1] == '\r') len--;
            line(g, buf + start, len, ++number);
            start = (size_t)(nl - buf) + 1;
        }
        carry = end - start;
        if (n == 0) {
            if (carry > 0) line(g, buf + start, carry, ++number);
            break;
        }
        memmove(buf, buf + start, carry);
        if (carry >= CHUNK) die("line longer than 1 MiB", path);
    }
    gzclose(f);
    free(buf);
}

/* Splits `p[0..n)` at tabs into at most `max` fields; returns how many. */
static int split(char *p, size_t n, char **fields, size_t *lengths, int max) {
    int k = 0;
    size_t start = 0;
    for (;;) {
        char *tab = memchr(p + start, '\t', n - start);
        size_t end = tab ? (size_t)(tab - p) : n;
        if (k < max) {
            fields[k] = p + start;
            lengths[k] = end - start;
        }
        k++;
        if (!tab) return k;
        start = end + 1;
    }
}

static void node_line(Graph *g, char *p, size_t n, size_t number) {
    char *f[3];
    size_t len[3];
    if (n == 0) return;
    if (number == 1) return; /* the header: id, name, kind */
    if (split(p, n, f, len, 3) != 3) die("expected id, name and kind", "node table");
    int32_t before = (int32_t)g->nodes.count;
    int32_t id = intern(&g->nodes, f[0], len[0], 1);
    if (id != before) die("duplicate node id", "node table");
    NodeData *d = &g->data;
    if (g->nodes.count > d->cap_nodes) {
        d->cap_nodes = d->cap_nodes ? d->cap_nodes * 2 : 1024;
        d->name_start = grow(d->name_start, sizeof(uint32_t) * d->cap_nodes);
        d->name_len = grow(d->name_len, sizeof(uint32_t) * d->cap_nodes);
        d->kind = grow(d->kind, sizeof(int32_t) * d->cap_nodes);
    }
    if (d->used + len[1] > d->cap) {
        d->cap = (d->cap ? d->cap * 2 : CHUNK) + len[1];
        d->text = grow(d->text, d->cap);
    }
    memcpy(d->text + d->used, f[1], len[1]);
    d->name_start[id] = (uint32_t)d->used;
    d->name_len[id] = (uint32_t)len[1];
    d->used += len[1];
    d->kind[id] = intern(&g->kinds, f[2], len[2], 1);
}

static void edge_line(Graph *g, char *p, size_t n, size_t number) {
    char *f[3];
    size_t len[3];
    if (n == 0) return;
    int k = split(p, n, f, len, 3);
    if (!g->header_seen && number == 1 && k == 3 && len[0] == 6 && strncasecmp(f[0], "source", 6) == 0) {
        g->header_seen = 1;
        return;
    }
    if (k != 3 || len[0] == 0 || len[1] == 0 || len[2] == 0) die("expected source, relation and target", "edges");
    int32_t s = intern(&g->nodes, f[0], len[0], !g->closed);
    int32_t t = intern(&g->nodes, f[2], len[2], !g->closed);
    if (s < 0 || t < 0) die("unknown node", "edges");
    int32_t l = intern(&g->labels, f[1], len[1], 1);
    if (g->edges == g->edges_cap) {
        g->edges_cap = g->edges_cap ? g->edges_cap * 2 : 1 << 16;
        g->src = grow(g->src, sizeof(int32_t) * g->edges_cap);
        g->dst = grow(g->dst, sizeof(int32_t) * g->edges_cap);
        g->lab = grow(g->lab, sizeof(int32_t) * g->edges_cap);
    }
    g->src[g->edges] = s;
    g->dst[g->edges] = t;
    g->lab[g->edges] = l;
    g->edges++;
}

/* Counting sort of the edges by `from`: offsets, then the other end and the edge id per step. */
static void csr(size_t nodes, size_t m, const int32_t *from, const int32_t *to, int32_t **offsets, int32_t **neighbors,
                int32_t **edges) {
    int32_t *o = calloc(nodes + 1, sizeof(int32_t));
    int32_t *nb = malloc(sizeof(int32_t) * (m ? m : 1));
    int32_t *ed = malloc(sizeof(int32_t) * (m ? m : 1));
    for (size_t e = 0; e < m; e++) o[from[e] + 1]++;
    for (size_t u = 0; u < nodes; u++) o[u + 1] += o[u];
    int32_t *cursor = malloc(sizeof(int32_t) * (nodes + 1));
    memcpy(cursor, o, sizeof(int32_t) * (nodes + 1));
    for (size_t e = 0; e < m; e++) {
        int32_t k = cursor[from[e]]++;
        nb[k] = to[e];
        ed[k] = (int32_t)e;
    }
    free(cursor);
    *offsets = o;
    *neighbors = nb;
    *edges = ed;
}

int main(int argc, char **argv) {
    const char *table = NULL;
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "--nodes") == 0) {
        table = argv[2];
        first = 3;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: load-floor [--nodes TABLE] FILE.sif[.gz]...\n");
        return 2;
    }
    int count = argc - first;
    Graph *graphs = calloc((size_t)count, sizeof(Graph));
    for (int i = 0; i < count; i++) {
        Graph *g = &graphs[i];
        interner_init(&g->nodes, 1 << 16);
        interner_init(&g->labels, 64);
        interner_init(&g->kinds, 64);
        if (table) {
            each_line(table, g, node_line);
            g->closed = 1;
        }
        each_line(argv[first + i], g, edge_line);
        size_t n = g->nodes.count;
        csr(n, g->edges, g->src, g->dst, &g->out_offsets, &g->out_neighbors, &g->out_edges);
        csr(n, g->edges, g->dst, g->src, &g->in_offsets, &g->in_neighbors, &g->in_edges);
    }
    for (int i = 0; i < count; i++) {
        printf("%s\tnodes %u\tedges %zu\n", argv[first + i], graphs[i].nodes.count, graphs[i].edges);
    }
    return 0;
}
