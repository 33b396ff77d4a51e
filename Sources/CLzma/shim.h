#ifndef PHARMGRAPH_CLZMA_SHIM_H
#define PHARMGRAPH_CLZMA_SHIM_H
#include <lzma.h>

/// LZMA_STREAM_INIT is a macro; Swift cannot use it.
static inline lzma_stream pharmgraph_lzma_stream_init(void) {
    lzma_stream stream = LZMA_STREAM_INIT;
    return stream;
}
#endif
