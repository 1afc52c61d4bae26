import 'server-only';
import { articleBus } from '@/lib/live/article-bus';
import { changeEventLoader, createArticleEvents, type ArticleEvents } from '@/lib/live/article-events';
import { processWide } from '@/lib/process-wide';
import { publicAnnotation } from './public-annotation';

/**
 * The process's readers of the live bus, which turn each message into the note as everyone may see
 * it (or its removal). Wired here, so that lib/live carries events without knowing what notes are.
 */
export function articleEvents(): ArticleEvents {
  return processWide('__readerArticleEvents', () => createArticleEvents(articleBus(), changeEventLoader(publicAnnotation)));
}
