// The only header that sees curses.h. Function-like macros and global
// variables that Swift cannot import (or that Swift 6 rejects as not
// concurrency-safe) are wrapped in static inline functions here.
#ifndef CAREERPLAN_CNCURSESW_SHIM_H
#define CAREERPLAN_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <curses.h>
#include <wchar.h>

static inline WINDOW *cp_stdscr(void) { return stdscr; }
static inline int cp_lines(void) { return LINES; }
static inline int cp_cols(void) { return COLS; }
static inline int cp_colors(void) { return COLORS; }
static inline int cp_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t cp_a_normal(void) { return A_NORMAL; }
static inline attr_t cp_a_bold(void) { return A_BOLD; }
static inline attr_t cp_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cp_a_reverse(void) { return A_REVERSE; }
static inline attr_t cp_a_dim(void) { return A_DIM; }

/// Writes one cell: a grapheme as wide characters (base plus combining marks).
static inline int cp_put_cell(WINDOW *w, int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, pair, NULL) == ERR) {
        return ERR;
    }
    return mvwadd_wch(w, y, x, &c);
}

#endif
