#ifndef PHARMGRAPH_CZLIB_SHIM_H
#define PHARMGRAPH_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro in zlib.h; Swift cannot call macros.
static inline int pharmgraph_inflate_init_gzip(z_stream *stream) {
    /* 15 window bits + 32: detect the gzip or zlib header automatically. */
    return inflateInit2(stream, 15 + 32);
}
#endif
