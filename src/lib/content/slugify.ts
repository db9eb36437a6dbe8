/**
 * A stable URL slug for a display name: lowercase ASCII words joined by hyphens
 * ("System Design" → "system-design", "Café au lait" → "cafe-au-lait").
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) throw new Error(`"${name}" has no letters or digits to make a URL slug from`);
  return slug;
}
