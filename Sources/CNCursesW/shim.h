#ifndef AUTHEN_KIOSK_CNCURSESW_SHIM_H
#define AUTHEN_KIOSK_CNCURSESW_SHIM_H
// Wide-character ncurses: Thai needs whole UTF-8 strings and wcwidth-aware columns.
#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// wcwidth is hidden from Swift's Glibc module; this wrapper is visible.
static inline int authen_kiosk_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }
#endif
