#ifndef MAGRELAX_NCURSES_SHIM_H
#define MAGRELAX_NCURSES_SHIM_H
// SwiftPM drops pkg-config's _XOPEN_SOURCE, which hides the wide-character API: ask for it here.
#define NCURSES_WIDECHAR 1
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <signal.h>
#include <sys/select.h>
#include <poll.h>
#include <ncursesw/curses.h>

int wcwidth(wchar_t c);
// From <term.h>, whose macros would clash with Swift names.
char *tigetstr(const char *capname);

// A terminal that cannot move the cursor (TERM=dumb) cannot show a full-screen app.
static inline int shim_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

// Swift 6 rejects C globals and does not import function-like macros: wrap them.
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline int shim_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *shim_stdin(void) { return stdin; }
static inline FILE *shim_stdout(void) { return stdout; }
static inline const char *shim_codeset(void) { return nl_langinfo(CODESET); }
static const attr_t shim_a_normal = A_NORMAL;
static const attr_t shim_a_bold = A_BOLD;
static const attr_t shim_a_dim = A_DIM;
static const attr_t shim_a_reverse = A_REVERSE;
static const attr_t shim_a_underline = A_UNDERLINE;
static const int shim_key_code_yes = KEY_CODE_YES;
static const int shim_key_resize = KEY_RESIZE;
static const int shim_key_btab = KEY_BTAB;
static const int shim_key_enter = KEY_ENTER;
static const int shim_key_backspace = KEY_BACKSPACE;
static const int shim_key_dc = KEY_DC;
static const int shim_key_up = KEY_UP;
static const int shim_key_down = KEY_DOWN;
static const int shim_key_left = KEY_LEFT;
static const int shim_key_right = KEY_RIGHT;
static const int shim_key_ppage = KEY_PPAGE;
static const int shim_key_npage = KEY_NPAGE;
static const int shim_key_home = KEY_HOME;
static const int shim_key_end = KEY_END;
static const int shim_key_f0 = KEY_F0;

// Waits until `fd` is readable, `timeout_ms` passes (-1: no limit) or a signal arrives. `mask` is the
// signal mask during the wait, so signals blocked elsewhere can only arrive here: no lost wake-up.
static inline int shim_wait_readable(int fd, int timeout_ms, const sigset_t *mask) {
    fd_set set;
    FD_ZERO(&set);
    FD_SET(fd, &set);
    struct timespec ts;
    struct timespec *limit = NULL;
    if (timeout_ms >= 0) {
        ts.tv_sec = timeout_ms / 1000;
        ts.tv_nsec = (long)(timeout_ms % 1000) * 1000000L;
        limit = &ts;
    }
    return pselect(fd + 1, &set, NULL, NULL, limit, mask);
}

// True when the terminal behind `fd` has gone (ssh dropped, window closed): reads would fail forever.
static inline int shim_hung_up(int fd) {
    struct pollfd p = { .fd = fd, .events = POLLIN, .revents = 0 };
    return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}
#endif
