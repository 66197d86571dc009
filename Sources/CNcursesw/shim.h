#ifndef MAGRELAX_NCURSES_SHIM_H
#define MAGRELAX_NCURSES_SHIM_H
// SwiftPM drops pkg-config's _XOPEN_SOURCE, which hides the wide-character API: ask for it here.
#define NCURSES_WIDECHAR 1
#include <wchar.h>
#include <locale.h>
#include <ncursesw/curses.h>

int wcwidth(wchar_t c);

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline int shim_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int shim_colors(void) { return COLORS; }
static const attr_t shim_a_normal = A_NORMAL;
static const attr_t shim_a_bold = A_BOLD;
static const attr_t shim_a_dim = A_DIM;
static const attr_t shim_a_reverse = A_REVERSE;
static const attr_t shim_a_underline = A_UNDERLINE;
static const int shim_key_code_yes = KEY_CODE_YES;
static const int shim_key_resize = KEY_RESIZE;
#endif
