/**
 * The shell's measures that pages need too: a sticky panel sits below the top bar, and the page
 * scrolls a focused field clear of it (scroll-padding in shell.tsx).
 */
export const TOP_BAR_HEIGHT = '48px';
