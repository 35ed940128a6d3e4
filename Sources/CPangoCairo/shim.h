// Pango (text layout and shaping, with libthai's word breaking) drawn through Cairo: the slip's Thai
// lines are rendered on the host, so marks stack on every printer.
#include <pango/pangocairo.h>
#include <cairo.h>
