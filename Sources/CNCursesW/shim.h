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

// ncurses' globals and macros, as functions Swift can call without touching shared mutable state.
static inline WINDOW *ak_stdscr(void) { return stdscr; }
static inline int ak_lines(void) { return LINES; }
static inline int ak_cols(void) { return COLS; }
static inline int ak_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int ak_attr_bold(void) { return (int)A_BOLD; }
static inline int ak_attr_reverse(void) { return (int)A_REVERSE; }
static inline int ak_get_wch(unsigned int *out) { wint_t c = 0; int r = wget_wch(stdscr, &c); *out = (unsigned int)c; return r; }
static inline int ak_key_code_yes(void) { return KEY_CODE_YES; }
static inline int ak_key_f(int n) { return KEY_F(n); }
static inline int ak_colors(void) { return COLORS; }
static inline int ak_color_pairs(void) { return COLOR_PAIRS; }
static inline void ak_attr_set(int attributes, int pair) { attr_set((attr_t)attributes, (short)pair, NULL); }
static inline int ak_key_mouse(void) { return KEY_MOUSE; }
// The whole screen's background: blank cells carry the kiosk's colours, never the terminal's default.
static inline void ak_background(int pair) { bkgd((chtype)(COLOR_PAIR(pair) | ' ')); }
// terminfo's mouse-report prefix (kmous), or NULL when the entry has none.
static inline const char *ak_kmous(void) { char *s = tigetstr("kmous"); return (s == NULL || s == (char *)-1) ? NULL : s; }
static inline void ak_input_timeout(int milliseconds) { wtimeout(stdscr, milliseconds); }
#endif
