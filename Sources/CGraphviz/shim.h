#ifndef PHARMGRAPH_CGRAPHVIZ_SHIM_H
#define PHARMGRAPH_CGRAPHVIZ_SHIM_H

#include <gvc.h>
#include <cgraph.h>

/// The mutable C global `Agdirected`, which Swift 6 refuses to read directly.
static inline Agdesc_t pharmgraph_agdirected(void) { return Agdirected; }

#endif
