// A web-test-runner plugin that lets a test ask Chromium, through the DevTools protocol, what is still
// alive after a forced garbage collection: instances of a class, DOM nodes, JS event listeners.
// Used by test/hardening/memory.test.ts; the page itself cannot force a GC without --expose-gc.

/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function heapPlugin() {
  return {
    name: 'hardening-heap',
    async executeCommand({ command, payload, session }) {
      if (command !== 'hardening-heap') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page) throw new Error('hardening-heap needs the Chrome launcher');
      const cdp = await page.createCDPSession();
      try {
        await cdp.send('HeapProfiler.enable');
        // Twice: the first collection can leave objects whose finalization frees more.
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const counters = await cdp.send('Memory.getDOMCounters');
        let instances;
        if (payload?.prototype) {
          const { result: proto } = await cdp.send('Runtime.evaluate', { expression: payload.prototype });
          if (!proto.objectId) throw new Error(`${payload.prototype} is not an object`);
          const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
          const { result } = await cdp.send('Runtime.callFunctionOn', {
            objectId: objects.objectId,
            functionDeclaration: 'function () { return this.length; }',
            returnByValue: true,
          });
          instances = result.value;
          await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
          await cdp.send('Runtime.releaseObject', { objectId: proto.objectId });
        }
        return { nodes: counters.nodes, documents: counters.documents, jsEventListeners: counters.jsEventListeners, instances };
      } finally {
        await cdp.detach();
      }
    },
  };
}
