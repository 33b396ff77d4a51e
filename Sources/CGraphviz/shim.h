#ifndef PHARMGRAPH_CGRAPHVIZ_SHIM_H
#define PHARMGRAPH_CGRAPHVIZ_SHIM_H

#include <gvc.h>
#include <cgraph.h>
#include <stdlib.h>
#include <string.h>

/// The mutable C global `Agdirected`, which Swift 6 refuses to read directly.
static inline Agdesc_t pharmgraph_agdirected(void) { return Agdirected; }

/// An edge's tail and head: `agtail`/`aghead` are macros, which Swift cannot call.
static inline Agnode_t *pharmgraph_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *pharmgraph_aghead(Agedge_t *e) { return aghead(e); }

/// A reader over DOT text in memory, as cgraph's own `agmemread` uses.
typedef struct {
    const char *text;
    size_t length;
    size_t position;
} pharmgraph_reader;

static inline int pharmgraph_read(void *channel, char *buffer, int size) {
    pharmgraph_reader *reader = (pharmgraph_reader *)channel;
    int count = 0;
    while (count < size && reader->position < reader->length) {
        char c = reader->text[reader->position++];
        buffer[count++] = c;
        if (c == '\n') break;
    }
    return count;
}

/// An ID discipline that numbers objects in creation order and keeps their names itself.
///
/// cgraph's default discipline uses the address of an object's interned name as its ID and
/// orders subgraphs by ID, so the order of clusters in the output changed between renders in
/// one process. Leaving names to cgraph's internal map instead leaks on every graph. This one
/// keeps a hash table of (object type, name) to ID and an array of names by ID, freed on close.
typedef struct {
    char *name;
    int type;
    IDTYPE id;
} pharmgraph_id_entry;

typedef struct {
    pharmgraph_id_entry *table; /* open addressing; capacity a power of two */
    size_t capacity, count;
    char **names; /* by ID; NULL for anonymous objects */
    size_t names_capacity;
    IDTYPE next;
} pharmgraph_ids;

static inline size_t pharmgraph_id_hash(int type, const char *name) {
    size_t h = 1469598103934665603ULL ^ (size_t)type;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) h = (h ^ *p) * 1099511628211ULL;
    return h;
}

static inline void *pharmgraph_id_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g;
    (void)disc;
    return calloc(1, sizeof(pharmgraph_ids));
}

/// Records `name` for `id`; returns 0 when out of memory.
static inline int pharmgraph_id_remember(pharmgraph_ids *s, IDTYPE id, char *name) {
    if (id >= s->names_capacity) {
        size_t capacity = s->names_capacity ? s->names_capacity * 2 : 64;
        while (capacity <= id) capacity *= 2;
        char **names = (char **)realloc(s->names, capacity * sizeof(char *));
        if (!names) return 0;
        memset(names + s->names_capacity, 0, (capacity - s->names_capacity) * sizeof(char *));
        s->names = names;
        s->names_capacity = capacity;
    }
    s->names[id] = name;
    return 1;
}

static inline int pharmgraph_id_grow(pharmgraph_ids *s) {
    size_t capacity = s->capacity ? s->capacity * 2 : 256;
    pharmgraph_id_entry *table = (pharmgraph_id_entry *)calloc(capacity, sizeof(pharmgraph_id_entry));
    if (!table) return 0;
    for (size_t i = 0; i < s->capacity; i++) {
        if (!s->table[i].name) continue;
        size_t j = pharmgraph_id_hash(s->table[i].type, s->table[i].name) & (capacity - 1);
        while (table[j].name) j = (j + 1) & (capacity - 1);
        table[j] = s->table[i];
    }
    free(s->table);
    s->table = table;
    s->capacity = capacity;
    return 1;
}

static inline long pharmgraph_id_map(void *state, int type, char *name, IDTYPE *id, int create) {
    pharmgraph_ids *s = (pharmgraph_ids *)state;
    if (!name) {
        if (!create) return 0;
        *id = ++s->next;
        return 1;
    }
    if (s->capacity) {
        size_t j = pharmgraph_id_hash(type, name) & (s->capacity - 1);
        while (s->table[j].name) {
            if (s->table[j].type == type && strcmp(s->table[j].name, name) == 0) {
                *id = s->table[j].id;
                return 1;
            }
            j = (j + 1) & (s->capacity - 1);
        }
    }
    if (!create) return 0;
    if (2 * (s->count + 1) > s->capacity && !pharmgraph_id_grow(s)) return 0;
    char *copy = strdup(name);
    if (!copy) return 0;
    IDTYPE assigned = s->next + 1;
    if (!pharmgraph_id_remember(s, assigned, copy)) {
        free(copy);
        return 0;
    }
    size_t j = pharmgraph_id_hash(type, name) & (s->capacity - 1);
    while (s->table[j].name) j = (j + 1) & (s->capacity - 1);
    s->table[j].name = copy;
    s->table[j].type = type;
    s->table[j].id = assigned;
    s->count++;
    s->next = assigned;
    *id = assigned;
    return 1;
}

static inline long pharmgraph_id_alloc(void *state, int type, IDTYPE id) {
    (void)state;
    (void)type;
    (void)id;
    return 0;
}

static inline void pharmgraph_id_free(void *state, int type, IDTYPE id) {
    (void)state;
    (void)type;
    (void)id; /* names are freed with the graph */
}

static inline char *pharmgraph_id_print(void *state, int type, IDTYPE id) {
    (void)type;
    pharmgraph_ids *s = (pharmgraph_ids *)state;
    return id < s->names_capacity ? s->names[id] : NULL;
}

static inline void pharmgraph_id_close(void *state) {
    pharmgraph_ids *s = (pharmgraph_ids *)state;
    if (!s) return;
    for (size_t i = 0; i < s->capacity; i++) free(s->table[i].name);
    free(s->table);
    free(s->names);
    free(s);
}

/// Flushes the DOT lexer's buffer. Exported by libcgraph but not declared in its headers.
/// After a successful parse the lexer keeps whatever followed the graph and feeds it to
/// the next parse, even from another text; `agmemread` has the same flaw.
extern void aglexbad(void);

/// `agmemread` with the ID discipline above: parses `length` bytes of DOT text, then
/// flushes the lexer so that nothing of this text reaches the next parse.
static inline Agraph_t *pharmgraph_memread(const char *text, size_t length) {
    static Agiddisc_t ids;
    static Agiodisc_t io;
    static int ready = 0;
    if (!ready) {
        ids = AgIdDisc; /* keeps its idregister */
        ids.open = pharmgraph_id_open;
        ids.map = pharmgraph_id_map;
        ids.alloc = pharmgraph_id_alloc;
        ids.free = pharmgraph_id_free;
        ids.print = pharmgraph_id_print;
        ids.close = pharmgraph_id_close;
        io = AgIoDisc;
        io.afread = pharmgraph_read;
        ready = 1;
    }
    pharmgraph_reader reader = {text, length, 0};
    Agdisc_t discipline = {&AgMemDisc, &ids, &io};
    agsetfile("DOT text");
    Agraph_t *graph = agread(&reader, &discipline);
    aglexbad();
    return graph;
}

#endif
