/**
 * The colour themes of every code block, whether it comes from a Markdown fence or from an article
 * that shows a source file through `SourceCode`. The high-contrast variants, because the plain
 * GitHub themes have token colours below 4.5:1 (e.g. #E36209).
 */
export const CODE_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;
