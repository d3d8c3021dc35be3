// zstd and its dictionary builder: the records' bodies are stored packed
// with a dictionary trained on the file's own bodies (Store/PackedBodies).
#ifndef CAREERPLAN_CZSTD_SHIM_H
#define CAREERPLAN_CZSTD_SHIM_H

#include <zstd.h>
#include <zdict.h>

#endif
