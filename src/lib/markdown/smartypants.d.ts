// The `smartypants` package ships JavaScript only; these are the functions this project calls.
declare module 'smartypants' {
  /** SmartyPants on an HTML string; typographic characters come out as Unicode, not entities. attr '1': quotes, backticks, `--` as em dash, ellipses. */
  export function smartypantsu(html: string, attr?: string): string;
}
