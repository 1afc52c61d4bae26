import http from 'node:http';

/**
 * The HTTP servers of this process, each once. Next gives no handle on the server it starts, so
 * code that must act on it (draining at shutdown, warming up at start) finds it among the
 * process's active handles.
 */
export function processHttpServers(): http.Server[] {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return [...new Set(handles.filter((handle): handle is http.Server => handle instanceof http.Server))];
}
