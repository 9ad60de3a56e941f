/**
 * A data URL of a trusted, server-generated SVG (QR codes, floor plans) for an <img>: its markup never enters the
 * page's DOM, so no innerHTML and no DomSanitizer bypass is needed; an <img> also runs no scripts of the SVG.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
