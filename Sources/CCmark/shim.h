// The system libcmark (Debian: libcmark-dev).
#include <cmark.h>
