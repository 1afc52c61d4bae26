type FigureProps = { n: number; src: string; alt: string; caption: string; unavailable: string };

/**
 * An image of the original article. Its box keeps a fixed shape whether or not the image loads (the
 * remote host may be gone), and a broken image shows a captioned placeholder drawn by CSS instead of
 * the browser's broken-image icon.
 */
export function ArticleFigure({ src, alt, caption, unavailable }: FigureProps) {
  return (
    <figure className="figure">
      <div className="figure-frame">
        <img
          src={src}
          alt={alt}
          loading="lazy"
          decoding="async"
          width={641}
          height={361}
          referrerPolicy="no-referrer"
          data-fallback={unavailable}
        />
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
