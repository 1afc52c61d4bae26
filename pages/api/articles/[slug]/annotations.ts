import { GET, POST } from '@/lib/annotations/article-annotations-route';
import { nodeRoute } from '@/lib/http/node-route';

// The one API route under pages/: its list answer keeps a gzip body, which needs Node's response
// (lib/http/node-route.ts). The handlers are the same Web handlers every app/api route uses.

export const config = { api: { bodyParser: false, responseLimit: false } };

export default nodeRoute({ GET, POST });
