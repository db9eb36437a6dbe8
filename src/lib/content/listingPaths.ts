import { site } from '../../../site.config.ts';
import { paginate, type Page } from './paginate.ts';

/**
 * getStaticPaths entries for a paginated listing under a `[...page]` route: page 1 at the listing's
 * root (`page` undefined), later pages at `page/N`.
 */
export function listingPaths<P, Extra extends object>(posts: readonly P[], params: Record<string, string>, extra: Extra) {
  return paginate(posts, site.pageSize).map((page: Page<P>) => ({
    params: { ...params, page: page.current === 1 ? undefined : `page/${page.current}` },
    props: { ...extra, page },
  }));
}
