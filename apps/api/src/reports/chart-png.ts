import { Resvg } from '@resvg/resvg-js';

/** SVG → PNG with resvg (Rust, prebuilt binary from npm), system fonts for the labels, rendered at 2× for sharp screens. */
export const renderPng = (svg: string): Buffer =>
  new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' })
    .render()
    .asPng();
